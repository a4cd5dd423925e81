// Order statistics for benchmark samples.

/** The value below which `fraction` of the samples lie (nearest rank on a sorted copy). */
export function percentile(samples: ArrayLike<number>, fraction: number): number {
  if (samples.length === 0) throw new RangeError('percentile of no samples');
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: ArrayLike<number>): number {
  return percentile(samples, 0.5);
}

export function maximum(samples: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < samples.length; i++) if (samples[i] > max) max = samples[i];
  return max;
}

/**
 * p50 / p99 / max of a set of samples, and `errorP99`, the p99 of their absolute values: for
 * lateness, how far from its time a message came whichever side it fell on (a timer that fires
 * 300 µs early is 300 µs off, not -300 µs better).
 */
export function spread(samples: ArrayLike<number>) {
  const errors = Float64Array.from(samples, Math.abs);
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max: maximum(samples),
    errorP99: percentile(errors, 0.99),
  };
}

/** Min, median and max of one figure across repetitions (e.g. each repetition's p99). */
export function acrossRepetitions(values: readonly number[]) {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}
