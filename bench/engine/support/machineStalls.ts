// How often this machine takes the CPU away from a thread that never yields: the floor under any
// lateness figure. Benchmarks measure it right before each repetition and print it beside that
// repetition's figures.

export interface Stalls {
  /** Gaps of more than 200 µs between consecutive clock readings. */
  over200Us: number;
  worstUs: number;
  ms: number;
}

/** Spins for `ms` and counts the gaps between consecutive clock readings. */
export function machineStalls(ms: number): Stalls {
  let over200Us = 0;
  let worstUs = 0;
  let last = process.hrtime.bigint();
  const end = last + BigInt(ms) * 1_000_000n;
  for (let now = last; now < end; now = process.hrtime.bigint()) {
    const gapUs = Number(now - last) / 1_000;
    if (gapUs > 200) over200Us++;
    if (gapUs > worstUs) worstUs = gapUs;
    last = now;
  }
  return { over200Us, worstUs, ms };
}

/** "3, 0, 12 (worst 1,204 µs)": per repetition, in order. */
export function describeStalls(stalls: Stalls[]): string {
  const worst = Math.max(0, ...stalls.map((entry) => entry.worstUs));
  return (
    `The machine itself, right before each repetition: a thread spinning for ${stalls[0]?.ms ?? 0} ms without ` +
    `yielding lost the CPU for more than 200 µs ${stalls.map((entry) => entry.over200Us).join(', ')} times ` +
    `(worst ${Math.round(worst).toLocaleString('en')} µs); no scheduler can be more punctual than its thread is scheduled.`
  );
}
