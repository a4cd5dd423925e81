// When each replayed message goes out: its time from the first message divided by the speed, or
// everything at once ("as fast as possible"); and the optional move of every grouped message to
// one group. Pure, so tests and the bench use it as the command does.
import { hasGroup } from '../../ump';
import type { CaptureTable } from '../../capture/captureTable';

export type ReplaySpeed = number | 'max';

export const replaySpeeds: readonly ReplaySpeed[] = [0.25, 0.5, 1, 2, 4, 'max'];

export function checkSpeed(speed: unknown): ReplaySpeed {
  if (speed === 'max') return 'max';
  if (typeof speed === 'number' && Number.isFinite(speed) && speed >= 0.25 && speed <= 4) return speed;
  throw new TypeError(`replay speed must be a number from 0.25 to 4 or 'max', got ${String(speed)}`);
}

/** Offsets in µs from the start of the replay, one per message (all 0 at 'max'). */
export function replayOffsetsUs(table: CaptureTable, ticksPerSecond: number, speed: ReplaySpeed): number[] {
  const offsets = new Array<number>(table.count);
  const first = table.count > 0 ? table.ticks(0) : 0;
  for (let i = 0; i < table.count; i++) {
    offsets[i] = speed === 'max' ? 0 : Math.max(0, ((table.ticks(i) - first) * 1e6) / ticksPerSecond / speed);
  }
  return offsets;
}

/** The message's words, on `group` when it has a group and a group is asked for. */
export function remappedWords(table: CaptureTable, index: number, group: number | undefined): Uint32Array {
  const words = table.words(index).slice();
  if (group !== undefined && hasGroup(words[0] >>> 28))
    words[0] = ((words[0] & 0xf0ffffff) | (group << 24)) >>> 0;
  return words;
}
