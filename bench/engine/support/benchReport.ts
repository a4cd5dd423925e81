// What a benchmark hands to bench/run.mjs: rows of figures with their peers, written as JSON to
// the file named by MIDI_SCOPE_BENCH_OUT (or printed when run on its own).
import { writeFileSync } from 'node:fs';

export interface BenchRow {
  /** What was measured, e.g. "loopback UMP32, single-message sends, into a batch handler". */
  work: string;
  unit: string;
  /** The engine's figure (median of the repetitions). */
  figure: number;
  /** The lowest and highest figure of a single repetition, when repetitions spread. */
  figureRange?: [number, number];
  /** The peer it is compared with, measured in the same run. */
  peer: string;
  /** Whether the peer is this project's own code, from outside (a published package), or none. */
  peerOrigin: PeerOrigin;
  peerFigure: number | null;
  peerRange?: [number, number];
  /** How many times better the engine did than the peer (above 1: the engine is better). */
  ratio: number | null;
  higherIsBetter: boolean;
  /** The project's target for this figure, e.g. ">= 10,000,000". */
  target?: string;
  reachedTarget?: boolean;
  repetitions: number;
  note?: string;
}

export type PeerOrigin = 'ours' | 'outside' | 'none';

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
  figureRange?: [number, number];
  peer: string;
  peerOrigin: PeerOrigin;
  peerFigure: number | null;
  peerRange?: [number, number];
  higherIsBetter: boolean;
  repetitions: number;
  target?: { value: number; text: string };
  note?: string;
  /** Why the two figures measure different things: then there is no ratio, and this is the note. */
  notComparable?: string;
}

/** A row with its ratio and whether the target was met worked out. */
export function row(comparison: Comparison): BenchRow {
  const { figure, peerFigure, higherIsBetter, target, notComparable, ...rest } = comparison;
  if (notComparable !== undefined) rest.note = rest.note ? `${notComparable} ${rest.note}` : notComparable;
  let ratio: number | null = null;
  if (notComparable === undefined && peerFigure !== null && peerFigure > 0 && figure > 0) {
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
