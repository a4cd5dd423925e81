// Utility messages (message type 0x0, 32-bit, groupless since UMP v1.1): NOOP, the
// jitter-reduction clock and timestamp (ticks of 1/31250 s), and the delta clockstamps.
import { MessageType } from '../messageType';
import { checkRange } from './checkRange';

export function buildNoop(): Uint32Array {
  return utility(0x0, 0);
}

/** The sender's clock, in JR ticks (16 bits, wrapping). */
export function buildJrClock(ticks: number): Uint32Array {
  return utility(0x1, checkRange('ticks', ticks, 0, 0xffff));
}

/** When the message that follows was sent, in JR ticks (16 bits, wrapping). */
export function buildJrTimestamp(ticks: number): Uint32Array {
  return utility(0x2, checkRange('ticks', ticks, 0, 0xffff));
}

export function buildDeltaClockstampTicksPerQuarterNote(ticksPerQuarterNote: number): Uint32Array {
  return utility(0x3, checkRange('ticksPerQuarterNote', ticksPerQuarterNote, 0, 0xffff));
}

/** Ticks since the last event (20 bits), in the unit the Ticks Per Quarter Note message set. */
export function buildDeltaClockstamp(ticks: number): Uint32Array {
  return utility(0x4, checkRange('ticks', ticks, 0, 0xfffff));
}

function utility(status: number, data: number): Uint32Array {
  return Uint32Array.of((MessageType.Utility << 28) | (status << 20) | data);
}
