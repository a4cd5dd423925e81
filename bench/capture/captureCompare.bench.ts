// Compare Captures on two 100,000-message captures that differ in 1% of their messages (some
// changed, some missing, some added): alignment alone, and alignment plus the two text
// renderings the diff editor shows. Peer (outside, same run): GNU diff on the same renderings
// written as files, one message per line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareCaptures, compareTexts, messageLine } from '../../src/capture/captureCompare';
import { CaptureTable } from '../../src/capture/captureTable';
import { progress, publish, row } from '../engine/support/benchReport';
import { median } from '../engine/support/statistics';

const messageCount = 100_000;
const repetitions = 5;

function captures(): [CaptureTable, CaptureTable] {
  const left = new CaptureTable(messageCount);
  const right = new CaptureTable(messageCount);
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < messageCount; i++) {
    const words = i % 2 === 0 ? [0x20903c00 | (i & 0x7f)] : [0x40903c00, (i * 2654435761) >>> 0];
    left.addMessage(words, i * 100);
    const roll = random();
    if (roll < 0.004) continue; // missing on the right
    if (roll < 0.007)
      right.addMessage([0x20b00700 | (i & 0x7f)], i * 100 + 7); // changed
    else right.addMessage(words, i * 100 + 3);
    if (roll > 0.997) right.addMessage([0x10f80000], i * 100 + 50); // added
  }
  return [left, right];
}

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function main(): void {
  const [left, right] = captures();
  const align: number[] = [];
  const full: number[] = [];
  const diffTimes: number[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'midi-scope-compare-bench-'));
  try {
    const lines = (table: CaptureTable): string =>
      Array.from({ length: table.count }, (_, i) => messageLine(table, i)).join('\n') + '\n';
    writeFileSync(join(directory, 'left.txt'), lines(left));
    writeFileSync(join(directory, 'right.txt'), lines(right));
    let summary = '';
    for (let r = 0; r < repetitions; r++) {
      align.push(timeMs(() => compareCaptures(left, right)));
      full.push(
        timeMs(() => {
          const result = compareCaptures(left, right);
          compareTexts(left, right, result);
          summary = `${result.same} same, ${result.changed} changed, ${result.missing} missing, ${result.added} added`;
        }),
      );
      diffTimes.push(
        timeMs(() => {
          try {
            execFileSync('diff', [join(directory, 'left.txt'), join(directory, 'right.txt')], {
              stdio: 'ignore',
            });
          } catch {
            // diff exits 1 when the files differ, which they do.
          }
        }),
      );
    }
    progress(
      `compare: ${summary}; align ${median(align).toFixed(0)} ms, with renderings ${median(full).toFixed(0)} ms, GNU diff ${median(diffTimes).toFixed(0)} ms`,
    );
    publish({
      benchmark: 'capture/compare',
      description: `Compare Captures on two ${messageCount}-message captures that differ in about 1% (${summary})`,
      rows: [
        row({
          work: 'align two 100,000-message captures (Myers, ignoring time)',
          unit: 'ms',
          figure: median(align),
          peer: 'GNU diff of the same messages as text lines (outside)',
          peerOrigin: 'outside',
          peerFigure: median(diffTimes),
          higherIsBetter: false,
          repetitions,
          target: { value: 1000, text: '<= 1000' },
        }),
        row({
          work: 'align and render both sides for the diff editor',
          unit: 'ms',
          figure: median(full),
          peer: 'GNU diff of the same messages as text lines (outside)',
          peerOrigin: 'outside',
          peerFigure: median(diffTimes),
          higherIsBetter: false,
          repetitions,
          target: { value: 1000, text: '<= 1000' },
        }),
      ],
      notes: ['GNU diff gets the rendered lines ready-made; its time includes starting the process.'],
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main();
