// Measurements over a capture's timestamps and words: inter-arrival deltas and their jitter
// statistics (as `midi endpoint monitor -j` reports them), loss and reorder found through an
// incrementing counter in each message's last word (what Windows MIDI Services' sender puts there
// with --debug-auto-increment; one-word messages carry none), and latency percentiles.

export interface DeltaStatistics {
  /** Deltas measured (messages − 1). */
  count: number;
  minUs: number;
  maxUs: number;
  meanUs: number;
  stdDevUs: number;
}

/** Statistics of the time between consecutive timestamps, in µs (Welford's running variance). */
export function deltaStatistics(
  ticks: ArrayLike<number>,
  count: number,
  ticksPerSecond: number,
): DeltaStatistics {
  let n = 0;
  let mean = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  const scale = 1e6 / ticksPerSecond;
  for (let i = 1; i < count; i++) {
    const delta = (ticks[i] - ticks[i - 1]) * scale;
    n++;
    const step = delta - mean;
    mean += step / n;
    squares += step * (delta - mean);
    if (delta < min) min = delta;
    if (delta > max) max = delta;
  }
  if (n === 0) return { count: 0, minUs: 0, maxUs: 0, meanUs: 0, stdDevUs: 0 };
  return { count: n, minUs: min, maxUs: max, meanUs: mean, stdDevUs: Math.sqrt(squares / n) };
}

export interface CounterEvent {
  /** Index of the message where it was seen. */
  index: number;
  kind: 'skip' | 'reorder' | 'duplicate';
  expected: number;
  got: number;
}

export interface CounterReport {
  /** Messages that carried a counter (two words or more). */
  counted: number;
  /** Counter values missing between consecutive messages. */
  lost: number;
  skips: number;
  reordered: number;
  duplicates: number;
  /** The first events, at most `maxEvents`. */
  events: CounterEvent[];
}

/**
 * Follows the counter in the last word of every message of two words or more: each should be the
 * previous plus one (mod 2^32). A jump forward is a skip (the values between were lost); a value
 * at or below the previous one is a reorder (or a duplicate when equal) and does not move the
 * expectation back.
 */
export function checkCounters(
  lastWordOf: (index: number) => number | undefined,
  count: number,
  maxEvents = 1000,
): CounterReport {
  const report: CounterReport = { counted: 0, lost: 0, skips: 0, reordered: 0, duplicates: 0, events: [] };
  let previous: number | undefined;
  const note = (event: CounterEvent): void => {
    if (report.events.length < maxEvents) report.events.push(event);
  };
  for (let index = 0; index < count; index++) {
    const value = lastWordOf(index);
    if (value === undefined) continue;
    report.counted++;
    if (previous === undefined) {
      previous = value;
      continue;
    }
    const expected = (previous + 1) >>> 0;
    const ahead = (value - expected) >>> 0;
    if (ahead === 0) {
      previous = value;
    } else if (value === previous) {
      report.duplicates++;
      note({ index, kind: 'duplicate', expected, got: value });
    } else if (ahead < 0x80000000) {
      report.skips++;
      report.lost += ahead;
      note({ index, kind: 'skip', expected, got: value });
      previous = value;
    } else {
      report.reordered++;
      note({ index, kind: 'reorder', expected, got: value });
    }
  }
  return report;
}

export interface LatencySummary {
  count: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  minUs: number;
  /** Equal-width bins from min to max. */
  bins: { fromUs: number; toUs: number; count: number }[];
}

/** Nearest-rank percentiles and a histogram of latency samples in µs. */
export function summarizeLatencies(samplesUs: readonly number[], binCount = 24): LatencySummary {
  const sorted = Float64Array.from(samplesUs).sort();
  const count = sorted.length;
  if (count === 0) return { count: 0, p50Us: 0, p99Us: 0, maxUs: 0, minUs: 0, bins: [] };
  const rank = (fraction: number): number =>
    sorted[Math.min(count - 1, Math.max(0, Math.ceil(fraction * count) - 1))];
  const minUs = sorted[0];
  const maxUs = sorted[count - 1];
  const width = maxUs > minUs ? (maxUs - minUs) / binCount : 1;
  const bins = Array.from({ length: maxUs > minUs ? binCount : 1 }, (_, i) => ({
    fromUs: minUs + i * width,
    toUs: minUs + (i + 1) * width,
    count: 0,
  }));
  for (const sample of sorted) bins[Math.min(bins.length - 1, Math.floor((sample - minUs) / width))].count++;
  return { count, p50Us: rank(0.5), p99Us: rank(0.99), maxUs, minUs, bins };
}

/** The summary as plain text, for the clipboard and the log. */
export function latencySummaryText(summary: LatencySummary, title: string): string {
  const us = (value: number): string => `${value.toFixed(1)} µs`;
  const lines = [
    title,
    `probes: ${summary.count}  min ${us(summary.minUs)}  p50 ${us(summary.p50Us)}  p99 ${us(summary.p99Us)}  max ${us(summary.maxUs)}`,
  ];
  const most = Math.max(1, ...summary.bins.map((bin) => bin.count));
  for (const bin of summary.bins) {
    const bar = '#'.repeat(Math.round((bin.count / most) * 40));
    lines.push(
      `${us(bin.fromUs).padStart(12)} – ${us(bin.toUs).padEnd(12)} ${String(bin.count).padStart(6)} ${bar}`,
    );
  }
  return lines.join('\n');
}
