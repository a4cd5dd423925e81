// Timestamps as people read them. MidiClock ticks (10 MHz) become seconds with microseconds,
// and deltas pick the unit that keeps three significant figures readable: µs, ms or s.

/** Absolute time in seconds with microsecond digits, e.g. "1234.567890". */
export function formatAbsolute(ticks: number, ticksPerSecond: number): string {
  return (ticks / ticksPerSecond).toFixed(6);
}

/** Time since the previous row, e.g. "+0.0 µs", "+12.5 µs", "+3.250 ms", "+2.000 s". */
export function formatDelta(deltaTicks: number, ticksPerSecond: number): string {
  const sign = deltaTicks < 0 ? '−' : '+';
  const microseconds = (Math.abs(deltaTicks) * 1e6) / ticksPerSecond;
  if (microseconds < 1000) return `${sign}${microseconds.toFixed(1)} µs`;
  if (microseconds < 1e6) return `${sign}${(microseconds / 1000).toFixed(3)} ms`;
  return `${sign}${(microseconds / 1e6).toFixed(3)} s`;
}

/** Byte counts for the capture-memory counter. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Whole counts with thin grouping, e.g. "1 000 000". */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US').replace(/,/g, '\u202f');
}
