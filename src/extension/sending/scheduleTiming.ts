// When each scheduled message goes out, in µs from the start of the schedule.
import type { UmpMessageToSend } from './umpMessages';

/**
 * From the per-line offsets in the text: `@Nms` is N ms after the start, `+Nms` is N ms after the
 * previous message, and a line without an offset goes out with the previous message.
 */
export function offsetsFromText(messages: readonly UmpMessageToSend[]): number[] {
  let previous = 0;
  return messages.map((message) => {
    previous = message.atUs ?? previous + (message.delayUs ?? 0);
    return previous;
  });
}

/** The first message after `delayMs`, each next one `spacingMs` after the one before. */
export function offsetsFromSpacing(count: number, delayMs: number, spacingMs: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.round((delayMs + index * spacingMs) * 1000));
}

/** Parses a number of milliseconds typed by a person; undefined when it is not one. */
export function parseMilliseconds(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s*ms$/i, '');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** Longest schedule accepted from the editor: a day. Further ahead is almost certainly a typo. */
export const maxScheduleMs = 24 * 60 * 60 * 1000;

export function validateMillisecondsInput(text: string, what: string): string | undefined {
  const value = parseMilliseconds(text);
  if (value === undefined)
    return `The ${what} must be a number of milliseconds, 0 or more (for example 250).`;
  if (value > maxScheduleMs) return `The ${what} must be at most ${maxScheduleMs} ms (one day).`;
  return undefined;
}

export interface ScheduleWatch {
  /** Messages pending (this sender's, every endpoint) just before this schedule was handed over. */
  pendingBefore: number;
  /** When the last message of this schedule falls due, in Date.now() milliseconds. */
  lastDueAtMs: number;
}

/**
 * Whether a schedule's messages have left: nothing is pending, or its last one is due and the
 * count is back to what was pending before (the scheduler sends in time order, so what remains
 * belongs to schedules that fall due later).
 */
export function scheduleDelivered(watch: ScheduleWatch, pendingNow: number, nowMs: number): boolean {
  return pendingNow === 0 || (nowMs >= watch.lastDueAtMs && pendingNow <= watch.pendingBefore);
}
