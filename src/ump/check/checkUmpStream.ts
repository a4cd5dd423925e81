// UMP Stream (type 0xF, groupless): the form of single-packet messages, reserved words and bits,
// 7-bit identity bytes and the ranges of function block fields (M2-104-UM v1.1, section 7.1).
import { groupOrChannel, numbered } from '../numbering';
import { reservedBits, sevenBitField } from './fieldChecks';
import { fieldHex, pushProblem, type UmpProblem } from './problem';

/** Statuses whose text may span packets (endpoint name, product instance id, block name). */
export function isStreamTextStatus(status: number): boolean {
  return status === 0x003 || status === 0x004 || status === 0x012;
}

const knownStatuses = new Set([
  0x000, 0x001, 0x002, 0x003, 0x004, 0x005, 0x006, 0x010, 0x011, 0x012, 0x020, 0x021,
]);

export function checkUmpStream(into: UmpProblem[], w0: number, w1: number, w2: number, w3: number): void {
  const form = (w0 >>> 26) & 0x3;
  const status = (w0 >>> 16) & 0x3ff;
  if (!knownStatuses.has(status)) {
    pushProblem(into, 'reservedStatus', 0, 25, 16, `UMP Stream status ${fieldHex(status, 12)} is reserved`);
    return;
  }
  if (form !== 0 && !isStreamTextStatus(status)) {
    pushProblem(
      into,
      'formNotComplete',
      0,
      27,
      26,
      `this UMP Stream message is one packet: its form must be 0 (Complete), read ${form}`,
    );
  }
  const rest = (name: string, from: number): void => {
    if (from <= 1) reservedBits(into, w1, 1, 31, 0, name);
    if (from <= 2) reservedBits(into, w2, 2, 31, 0, name);
    reservedBits(into, w3, 3, 31, 0, name);
  };
  switch (status) {
    case 0x000:
      reservedBits(into, w1, 1, 31, 8, 'Endpoint Discovery');
      rest('Endpoint Discovery', 2);
      return;
    case 0x001: {
      const blocks = (w1 >>> 24) & 0x7f;
      if (blocks > 32) {
        pushProblem(
          into,
          'fieldOutOfRange',
          1,
          30,
          24,
          `Number of Function Blocks is ${blocks}; an endpoint has at most 32`,
        );
      }
      reservedBits(into, w1, 1, 23, 10, 'Endpoint Info Notification');
      reservedBits(into, w1, 1, 7, 2, 'Endpoint Info Notification');
      rest('Endpoint Info Notification', 2);
      return;
    }
    case 0x002:
      reservedBits(into, w0, 0, 15, 0, 'Device Identity Notification');
      reservedBits(into, w1, 1, 31, 24, 'Device Identity Notification');
      for (const bit of [23, 15, 7]) sevenBitField(into, w1, 1, bit, 'Manufacturer SysEx ID byte');
      for (const bit of [31, 23, 15, 7]) sevenBitField(into, w2, 2, bit, 'Device family / model byte');
      for (const bit of [31, 23, 15, 7]) sevenBitField(into, w3, 3, bit, 'Software revision byte');
      return;
    case 0x005:
    case 0x006: {
      const protocol = (w0 >>> 8) & 0xff;
      if (protocol !== 0x01 && protocol !== 0x02) {
        pushProblem(
          into,
          'fieldOutOfRange',
          0,
          15,
          8,
          `Protocol ${fieldHex(protocol, 8)} is reserved (0x01 MIDI 1.0, 0x02 MIDI 2.0)`,
        );
      }
      reservedBits(into, w0, 0, 7, 2, 'Stream Configuration');
      rest('Stream Configuration', 1);
      return;
    }
    case 0x010:
      rest('Function Block Discovery', 1);
      return;
    case 0x011:
      checkFunctionBlockInfo(into, w0, w1);
      rest('Function Block Info Notification', 2);
      return;
    case 0x020:
    case 0x021:
      reservedBits(into, w0, 0, 15, 0, status === 0x020 ? 'Start of Clip' : 'End of Clip');
      rest(status === 0x020 ? 'Start of Clip' : 'End of Clip', 1);
      return;
    default:
      return;
  }
}

function checkFunctionBlockInfo(into: UmpProblem[], w0: number, w1: number): void {
  reservedBits(into, w0, 0, 7, 6, 'Function Block Info Notification');
  if (((w0 >>> 2) & 0x3) === 3) {
    pushProblem(into, 'fieldOutOfRange', 0, 3, 2, 'Function Block MIDI 1.0 value 3 is reserved');
  }
  if ((w0 & 0x3) === 0) {
    pushProblem(
      into,
      'fieldOutOfRange',
      0,
      1,
      0,
      'Function Block direction 0 is reserved (1 input, 2 output, 3 both)',
    );
  }
  const first = w1 >>> 24;
  const groups = (w1 >>> 16) & 0xff;
  if (first > 15) {
    pushProblem(
      into,
      'fieldOutOfRange',
      1,
      31,
      24,
      numbered`First Group is ${groupOrChannel(first)}; groups are ${groupOrChannel(0)}–${groupOrChannel(15)}`,
    );
  }
  if (groups === 0 || first + groups > 16) {
    pushProblem(
      into,
      'fieldOutOfRange',
      1,
      23,
      16,
      numbered`Number of Groups Spanned is ${groups} from group ${groupOrChannel(first)}; a block spans 1 to ${Math.max(16 - first, 1)} groups`,
    );
  }
}
