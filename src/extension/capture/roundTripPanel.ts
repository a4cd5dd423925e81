// The round-trip result as a picture: a latency histogram drawn as SVG with p50, p99 and max
// marked, the same figures as text below it, and a button that copies that text. No scripts
// but one with a fresh nonce; the copy goes through the extension host's clipboard.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { latencySummaryText, type LatencySummary } from '../../capture/captureMeasurements';

const width = 640;
const height = 240;
const margin = 36;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function histogramSvg(summary: LatencySummary): string {
  const most = Math.max(1, ...summary.bins.map((bin) => bin.count));
  const plotWidth = width - 2 * margin;
  const plotHeight = height - 2 * margin;
  const span = Math.max(1e-9, summary.maxUs - summary.minUs);
  const xOf = (us: number): number => margin + ((us - summary.minUs) / span) * plotWidth;
  const barWidth = plotWidth / Math.max(1, summary.bins.length);
  const bars = summary.bins
    .map((bin, i) => {
      const h = (bin.count / most) * plotHeight;
      return `<rect class="bar" x="${(margin + i * barWidth).toFixed(1)}" y="${(height - margin - h).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${bin.fromUs.toFixed(1)}–${bin.toUs.toFixed(1)} µs: ${bin.count}</title></rect>`;
    })
    .join('');
  const marker = (us: number, label: string, row: number): string =>
    `<line class="mark" x1="${xOf(us).toFixed(1)}" x2="${xOf(us).toFixed(1)}" y1="${margin - 4}" y2="${height - margin}"/><text x="${(xOf(us) + 3).toFixed(1)}" y="${margin - 8 + row * 12}">${label} ${us.toFixed(1)} µs</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="latency histogram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<line class="axis" x1="${margin}" y1="${height - margin}" x2="${width - margin}" y2="${height - margin}"/>
${bars}${marker(summary.p50Us, 'p50', 0)}${marker(summary.p99Us, 'p99', 1)}${marker(summary.maxUs, 'max', 2)}
<text x="${margin}" y="${height - margin + 16}">${summary.minUs.toFixed(1)} µs</text><text x="${width - margin}" y="${height - margin + 16}" text-anchor="end">${summary.maxUs.toFixed(1)} µs</text>
</svg>`;
}

export function showRoundTripPanel(
  summary: LatencySummary,
  title: string,
  extra: string,
): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(
    'midiScope.roundTrip',
    'MIDI Round Trip',
    vscode.ViewColumn.Active,
    {
      enableScripts: true,
      localResourceRoots: [],
    },
  );
  const text = `${latencySummaryText(summary, title)}\n${extra}`;
  const nonce = randomBytes(16).toString('base64');
  panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
.bar { fill: var(--vscode-charts-blue, #3794ff); } .mark { stroke: var(--vscode-charts-red, #f14c4c); stroke-dasharray: 4 2; }
.axis { stroke: var(--vscode-foreground); } text { fill: var(--vscode-foreground); font-size: 11px; }
pre { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 8px; }
</style></head><body>
<h2>${escapeHtml(title)}</h2>
${histogramSvg(summary)}
<p><button id="copy">Copy as text</button></p>
<pre id="summary">${escapeHtml(text)}</pre>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ kind: 'copy' }));
</script></body></html>`;
  panel.webview.onDidReceiveMessage((message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'copy') {
      void vscode.env.clipboard
        .writeText(text)
        .then(() => vscode.window.showInformationMessage('Round-trip figures copied.'));
    }
  });
  return panel;
}
