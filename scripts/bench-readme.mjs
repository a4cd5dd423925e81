// @ts-check
// Renders bench/results.json as the README's benchmark tables, so the README quotes exactly what
// the last `npm run bench` measured.
//   node scripts/bench-readme.mjs           print the markdown
//   node scripts/bench-readme.mjs --write   replace what stands between the bench markers in README.md
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { formatFigure, formatNumber, formatPeer } from '../bench/formatNumber.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const start = '<!-- bench:start (scripts/bench-readme.mjs --write) -->';
const end = '<!-- bench:end -->';

/** @param {string} text */
function cell(text) {
  return text.replaceAll('|', '\\|');
}

/** @param {any} report */
function table(report) {
  const lines = [
    `**${report.benchmark}** — ${cell(report.description)} (\`${report.source}\`, ${report.ranAt.slice(0, 10)}, ` +
      `${report.machine.cores} cores, Node ${report.machine.node}` +
      `${report.machine.loadAverage1m === undefined ? '' : `, load average ${report.machine.loadAverage1m} at the start`})`,
    '',
    '| work | MIDI Scope | peer | peer figure | ratio | target |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of report.rows) {
    const target =
      row.target === undefined ? '' : `${row.target} ${row.reachedTarget ? '✅' : '❌ not reached'}`;
    lines.push(
      `| ${cell(row.work)} | ${formatFigure(row.figure, row.unit, row.figureRange)} | ` +
        `${cell(formatPeer(row.peer, row.peerOrigin))} | ${formatFigure(row.peerFigure, row.unit, row.peerRange)} | ` +
        `${row.ratio === null ? '–' : `${formatNumber(row.ratio)}×`} | ${cell(target)} |`,
    );
  }
  // Row notes are caveats of one row: they are shown, each naming its row.
  const notes = [
    ...report.rows
      .filter((/** @type {any} */ row) => row.note)
      .map((/** @type {any} */ row) => `${row.work}: ${row.note}`),
    ...(report.notes ?? []),
  ];
  if (notes.length > 0) lines.push('', ...notes.map((/** @type {string} */ note) => `- ${note}`));
  return lines.join('\n');
}

const results = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8'));
const markdown = Object.keys(results.benchmarks)
  .sort()
  .map((name) => table(results.benchmarks[name]))
  .join('\n\n');

if (process.argv.includes('--write')) {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no "${start}" … "${end}" markers`);
  const text = `${readme.slice(0, from + start.length)}\n\n${markdown}\n\n${readme.slice(to)}`;
  // Formatted as `npm run format` would, so the static checks stay green after a rewrite.
  const options = await prettier.resolveConfig(readmePath);
  writeFileSync(readmePath, await prettier.format(text, { ...options, filepath: readmePath }));
  console.log('README.md: benchmark tables rewritten from bench/results.json');
} else {
  console.log(markdown);
}
