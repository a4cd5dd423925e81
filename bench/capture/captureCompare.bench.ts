// Compare Captures on two 100,000-message captures that differ in 1% and in 5% of their messages
// (some changed, some missing, some added): the alignment (what Compare computes), and the
// alignment plus the two text renderings the diff editor shows. Peers, same run:
// - GNU diff on the same renderings written as files, one message per line (outside);
// - one Myers pass over the whole capture without anchors, the previous algorithm (ours), with
//   no edit limit so that it gives an exact result too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareCaptures,
  compareTexts,
  messageLine,
  type CompareOptions,
} from '../../src/capture/captureCompare';
import { CaptureTable } from '../../src/capture/captureTable';
import { progress, publish, row, type BenchRow } from '../engine/support/benchReport';
import { median } from '../engine/support/statistics';

const messageCount = 100_000;
const repetitions = 5;
const onePass: CompareOptions = { anchorAbove: Infinity, maxEdits: Infinity };

/** Two captures where about `rate` of the messages differ: 40% of those missing, 30% changed, 30% added. */
function captures(rate: number): [CaptureTable, CaptureTable] {
  const left = new CaptureTable(messageCount);
  const right = new CaptureTable(messageCount);
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < messageCount; i++) {
    // Half repeated MIDI 1.0 notes (128 distinct), half MIDI 2.0 notes with varied velocities.
    const words = i % 2 === 0 ? [0x20903c00 | (i & 0x7f)] : [0x40903c00, (i * 2654435761) >>> 0];
    left.addMessage(words, i * 100);
    const roll = random();
    if (roll < rate * 0.4) continue; // missing on the right
    if (roll < rate * 0.7)
      right.addMessage([0x20b00700 | (i & 0x7f)], i * 100 + 7); // changed
    else right.addMessage(words, i * 100 + 3);
    if (roll > 1 - rate * 0.3) right.addMessage([0x10f80000], i * 100 + 50); // added
  }
  return [left, right];
}

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function gnuDiffMs(directory: string): number {
  return timeMs(() => {
    try {
      execFileSync('diff', [join(directory, 'left.txt'), join(directory, 'right.txt')], { stdio: 'ignore' });
    } catch {
      // diff exits 1 when the files differ, which they do.
    }
  });
}

function scenario(rate: number, directory: string): BenchRow[] {
  const [left, right] = captures(rate);
  const lines = (table: CaptureTable): string =>
    Array.from({ length: table.count }, (_, i) => messageLine(table, i, 'oneBased')).join('\n') + '\n';
  writeFileSync(join(directory, 'left.txt'), lines(left));
  writeFileSync(join(directory, 'right.txt'), lines(right));
  const align: number[] = [];
  const full: number[] = [];
  const single: number[] = [];
  const diffTimes: number[] = [];
  let summary = '';
  let singleSummary = '';
  for (let r = 0; r < repetitions; r++) {
    align.push(timeMs(() => compareCaptures(left, right)));
    full.push(
      timeMs(() => {
        const result = compareCaptures(left, right);
        compareTexts(left, right, result, 'oneBased');
        summary = `${result.same} same, ${result.changed} changed, ${result.missing} missing, ${result.added} added${result.approximate ? ', approximate' : ''}`;
      }),
    );
    single.push(
      timeMs(() => {
        const result = compareCaptures(left, right, onePass);
        singleSummary = `${result.same} same, ${result.changed} changed, ${result.missing} missing, ${result.added} added`;
      }),
    );
    diffTimes.push(gnuDiffMs(directory));
  }
  const percent = `${rate * 100}%`;
  progress(
    `compare ${percent}: ${summary} (one pass: ${singleSummary}); align ${median(align).toFixed(0)} ms, with renderings ${median(full).toFixed(0)} ms, one Myers pass ${median(single).toFixed(0)} ms, GNU diff ${median(diffTimes).toFixed(0)} ms`,
  );
  const common = {
    unit: 'ms',
    higherIsBetter: false,
    repetitions,
    figureRange: [Math.min(...align), Math.max(...align)] as [number, number],
    target: { value: 1000, text: '<= 1000' },
  };
  const gnu = {
    peer: 'GNU diff of the same messages as text lines (outside)',
    peerOrigin: 'outside' as const,
    peerFigure: median(diffTimes),
    peerRange: [Math.min(...diffTimes), Math.max(...diffTimes)] as [number, number],
  };
  return [
    row({
      ...common,
      ...gnu,
      work: `align two 100,000-message captures, ${percent} different (${summary})`,
      figure: median(align),
    }),
    row({
      ...common,
      work: `align two 100,000-message captures, ${percent} different`,
      figure: median(align),
      peer: 'one Myers pass over the whole, no anchors, no edit limit: the previous algorithm (ours)',
      peerOrigin: 'ours',
      peerFigure: median(single),
      peerRange: [Math.min(...single), Math.max(...single)],
      note: `the one pass found ${singleSummary}`,
    }),
    row({
      ...common,
      ...gnu,
      work: `align and render both sides for the diff editor, ${percent} different`,
      figure: median(full),
      figureRange: [Math.min(...full), Math.max(...full)],
    }),
  ];
}

function main(): void {
  const directory = mkdtempSync(join(tmpdir(), 'midi-scope-compare-bench-'));
  try {
    const rows = [...scenario(0.01, directory), ...scenario(0.05, directory)];
    publish({
      benchmark: 'capture/compare',
      description: `Compare Captures on two ${messageCount}-message captures that differ in about 1% and 5% of their messages`,
      rows,
      notes: [
        'GNU diff gets the rendered lines ready-made; its time includes starting the process.',
        'Renderings: one line of decoded fields per message, each distinct message rendered once; the 2-word messages here are all distinct (the worst case for that cache).',
      ],
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main();
