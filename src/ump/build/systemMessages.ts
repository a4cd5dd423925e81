// System Common and System Real Time messages (message type 0x1, 32-bit): the MIDI 1.0 status
// byte and up to two 7-bit data bytes, behind a group. SysEx travels as Data 64 (sysEx.ts).
import { hex } from '../hex';
import { MessageType } from '../messageType';
import { checkRange } from './checkRange';

const realTimeStatuses: readonly number[] = [0xf8, 0xfa, 0xfb, 0xfc, 0xfe, 0xff];

/** Data bytes per status: MTC quarter frame and song select one, song position two, the rest none. */
const dataByteCounts = new Map<number, number>([
  [0xf1, 1],
  [0xf2, 2],
  [0xf3, 1],
  [0xf6, 0],
  ...realTimeStatuses.map((status): [number, number] => [status, 0]),
]);

/** Any system message; a data byte the status does not carry must be 0. */
export function buildSystemMessage(group: number, status: number, data1 = 0, data2 = 0): Uint32Array {
  checkRange('group', group, 0, 15);
  const dataBytes = dataByteCounts.get(status);
  if (dataBytes === undefined) {
    const allowed = '0xF1–0xF3, 0xF6, 0xF8, 0xFA–0xFC, 0xFE, 0xFF';
    throw new RangeError(
      `status must be a system common or real time status (${allowed}); got ${describe(status)}`,
    );
  }
  checkDataByte('data1', data1, dataBytes >= 1, status);
  checkDataByte('data2', data2, dataBytes >= 2, status);
  return Uint32Array.of(
    (MessageType.SystemCommon << 28) | (group << 24) | (status << 16) | (data1 << 8) | data2,
  );
}

/** Timing Clock, Start, Continue, Stop, Active Sensing or Reset. */
export function buildSystemRealTime(group: number, status: number): Uint32Array {
  if (!realTimeStatuses.includes(status)) {
    throw new RangeError(
      `status must be a system real time status (0xF8, 0xFA–0xFC, 0xFE, 0xFF); got ${describe(status)}`,
    );
  }
  return buildSystemMessage(group, status);
}

/** `position` in MIDI beats (sixteenth notes) since the start of the song, 14 bits, LSB first. */
export function buildSongPositionPointer(group: number, position: number): Uint32Array {
  checkRange('position', position, 0, 0x3fff);
  return buildSystemMessage(group, 0xf2, position & 0x7f, position >> 7);
}

function checkDataByte(name: string, value: number, carried: boolean, status: number): void {
  if (carried) checkRange(name, value, 0, 127);
  else if (value !== 0) {
    throw new RangeError(`${name} must be 0, as status ${hex(status, 2)} carries no ${name}; got ${value}`);
  }
}

function describe(status: number): string {
  return Number.isInteger(status) && status >= 0 ? hex(status, 2) : String(status);
}
