// Timestamps as people read them. MidiClock ticks (10 MHz) become seconds since the capture
// started (the default), a time of day, or stay raw ticks; deltas have a fixed unit and number
// of decimals per magnitude: µs below a millisecond, ms below a second, s above.
import type { TimeDisplay } from '../../src/views/monitor/protocol';

/** What turns a timestamp into the Time column's text. */
export interface TimeBase {
  ticksPerSecond: number;
  /** MidiClock ticks when the capture started. */
  captureStartTicks: number;
  /** Epoch milliseconds at tick 0 (for the time of day). */
  epochMsAtTickZero: number;
}

/** Absolute time in seconds with microsecond digits, e.g. "1234.567890". */
export function formatAbsolute(ticks: number, ticksPerSecond: number): string {
  return (ticks / ticksPerSecond).toFixed(6);
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** Local time of day with microseconds, e.g. "14:03:07.250131". */
export function formatTimeOfDay(ticks: number, base: TimeBase): string {
  const epochMicros = base.epochMsAtTickZero * 1000 + (ticks * 1e6) / base.ticksPerSecond;
  const date = new Date(Math.floor(epochMicros / 1000));
  const micros = Math.floor(epochMicros) % 1_000_000;
  const fraction = String((micros + 1_000_000) % 1_000_000).padStart(6, '0');
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}.${fraction}`;
}

/** A timestamp as `display` shows it. */
export function formatTime(ticks: number, display: TimeDisplay, base: TimeBase): string {
  switch (display) {
    case 'sinceStart':
      return formatAbsolute(ticks - base.captureStartTicks, base.ticksPerSecond);
    case 'timeOfDay':
      return formatTimeOfDay(ticks, base);
    case 'ticks':
      return String(Math.round(ticks));
  }
}

/** The Time column's header and its spoken name for each display. */
export const timeHeaders: Record<TimeDisplay, { header: string; description: string }> = {
  sinceStart: { header: 'Time (s)', description: 'Seconds since the capture started' },
  timeOfDay: { header: 'Time of day', description: 'Time of day the message arrived' },
  ticks: { header: 'Ticks', description: 'Engine clock ticks (10 MHz)' },
};

/**
 * Time since the previous row with a fixed unit per magnitude: "+12.3 µs" (below 1 ms, 0.1 µs),
 * "+3.250 ms" (below 1 s, 1 µs), "+2.000 s" (1 ms). At most 11 characters below 1000 s.
 */
export function formatDelta(deltaTicks: number, ticksPerSecond: number): string {
  const sign = deltaTicks < 0 ? '−' : '+';
  const microseconds = (Math.abs(deltaTicks) * 1e6) / ticksPerSecond;
  if (microseconds < 999.95) return `${sign}${microseconds.toFixed(1)} µs`;
  if (microseconds < 999_999.5) return `${sign}${(microseconds / 1000).toFixed(3)} ms`;
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

/** The capture's memory: what the messages fill, with the limit beside it, e.g. "1 msg · 42 B of 40.1 MiB". */
export function formatCaptureMemory(captured: number, usedBytes: number, limitBytes: number): string {
  const messages = `${formatCount(captured)} ${captured === 1 ? 'msg' : 'msgs'}`;
  return `${messages} · ${formatBytes(usedBytes)} of ${formatBytes(limitBytes)}`;
}
