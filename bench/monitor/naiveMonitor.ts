// The benchmark's peer: a monitor written the naive way. It posts every received batch to its
// webview at once as a JSON array of numbers, and the webview appends one DOM row per message
// (no virtualization, no throttling, no capture ring). Its webview reports how many rows it shows.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { MidiEndpointConnection, MidiSession } from '../../src/engine';
import type { MidiScopeApi } from '../../src/extension/api';

function naiveHtml(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><div id="naive-monitor"></div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const list = document.getElementById('naive-monitor');
  let shown = 0;
  window.addEventListener('message', (event) => {
    for (const word of event.data.words) {
      const row = document.createElement('div');
      row.textContent = shown + ' 0x' + (word >>> 0).toString(16).toUpperCase().padStart(8, '0');
      list.appendChild(row);
      shown++;
    }
  });
  setInterval(() => vscode.postMessage({ shown }), 100);
</script></body></html>`;
}

export class NaiveMonitor implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly session: MidiSession;
  private readonly connection: MidiEndpointConnection;
  received = 0;
  shown = 0;
  ready = false;

  constructor(api: MidiScopeApi, endpointDeviceId: string) {
    this.panel = vscode.window.createWebviewPanel(
      'midiScopeBench.naiveMonitor',
      'Naive monitor',
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        retainContextWhenHidden: true,
      },
    );
    this.panel.webview.onDidReceiveMessage((message: { shown: number }) => {
      this.ready = true;
      this.shown = message.shown;
    });
    this.panel.webview.html = naiveHtml(randomBytes(16).toString('base64'));
    this.session = api.engine.MidiSession.create('naive monitor');
    const connection = this.session.createEndpointConnection(endpointDeviceId);
    connection.onMessagesReceived((batch) => {
      this.received += batch.messageCount;
      void this.panel.webview.postMessage({ words: Array.from(batch.words) });
    });
    connection.open();
    this.connection = connection;
  }

  get engineDropped(): number {
    return this.connection.statistics.dropped;
  }

  dispose(): void {
    this.session.close();
    this.panel.dispose();
  }
}
