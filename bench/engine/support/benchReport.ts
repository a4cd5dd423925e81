// What a benchmark hands to bench/run.mjs: rows of figures with their peers, written as JSON to
// the file named by MIDI_SCOPE_BENCH_OUT (or printed when run on its own).
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  /** What was measured, e.g. "loopback UMP32, single-message sends, into a batch handler". */
  work: string;
  unit: string;
  /** The engine's figure (median of the repetitions). */
  figure: number;
  /** The peer it is compared with, measured in the same run. */
  peer: string;
  peerFigure: number | null;
  /** How many times better the engine did than the peer (above 1: the engine is better). */
  ratio: number | null;
  higherIsBetter: boolean;
  /** The project's target for this figure, e.g. ">= 10,000,000". */
  target?: string;
  reachedTarget?: boolean;
  repetitions: number;
  note?: string;
}

export interface BenchReport {
  benchmark: string;
  description: string;
  rows: BenchRow[];
  notes: string[];
}

export interface Comparison {
  work: string;
  unit: string;
  figure: number;
  peer: string;
  peerFigure: number | null;
  higherIsBetter: boolean;
  repetitions: number;
  target?: { value: number; text: string };
  note?: string;
}

/** A row with its ratio and whether the target was met worked out. */
export function row(comparison: Comparison): BenchRow {
  const { figure, peerFigure, higherIsBetter, target, ...rest } = comparison;
  let ratio: number | null = null;
  if (peerFigure !== null && peerFigure > 0 && figure > 0) {
    ratio = higherIsBetter ? figure / peerFigure : peerFigure / figure;
  }
  const reachedTarget =
    target === undefined ? undefined : higherIsBetter ? figure >= target.value : figure <= target.value;
  return { ...rest, figure, peerFigure, ratio, higherIsBetter, target: target?.text, reachedTarget };
}

export function publish(report: BenchReport): void {
  const json = JSON.stringify(report, null, 2);
  const path = process.env.MIDI_SCOPE_BENCH_OUT;
  if (path) writeFileSync(path, json);
  else console.log(json);
}

/** Progress for whoever watches the run, on stderr so it never mixes with results. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
