// Data 64 (type 0x3: SysEx7) and Data 128 (type 0x5: SysEx8, Mixed Data Set): byte counts, 7-bit
// SysEx7 data, chunk numbers.
import { fieldHex, pushProblem, type UmpProblem } from './problem';

export function checkData64(into: UmpProblem[], w0: number, w1: number): void {
  const status = (w0 >>> 20) & 0xf;
  if (status > 3) {
    pushProblem(
      into,
      'reservedStatus',
      0,
      23,
      20,
      `Data 64 status ${fieldHex(status, 4)} is reserved (0–3 are SysEx7)`,
    );
    return;
  }
  const count = (w0 >>> 16) & 0xf;
  if (count > 6) {
    pushProblem(
      into,
      'byteCountOutOfRange',
      0,
      19,
      16,
      `SysEx7 Number of Bytes is ${count}; a packet holds 0–6`,
    );
  }
  for (let i = 0; i < Math.min(count, 6); i++) {
    const word = i < 2 ? 0 : 1;
    const high = i < 2 ? 15 - i * 8 : 31 - (i - 2) * 8;
    const byte = ((word === 0 ? w0 : w1) >>> (high - 7)) & 0xff;
    if (byte >= 0x80) {
      pushProblem(
        into,
        'sysEx7ByteHighBit',
        word,
        high,
        high - 7,
        `SysEx7 data byte ${i + 1} is ${fieldHex(byte, 8)}: SysEx7 data is 7-bit (0x00–0x7F)`,
      );
    }
  }
}

export function checkData128(into: UmpProblem[], w0: number, w1: number): void {
  const status = (w0 >>> 20) & 0xf;
  if (status <= 3) {
    const count = (w0 >>> 16) & 0xf;
    if (count < 1 || count > 14) {
      pushProblem(
        into,
        'byteCountOutOfRange',
        0,
        19,
        16,
        `SysEx8 Number of Bytes is ${count}; a packet counts its stream id and up to 13 bytes (1–14)`,
      );
    }
    return;
  }
  if (status === 0x8) {
    const chunks = w1 >>> 16;
    const chunk = w1 & 0xffff;
    if (chunks !== 0 && (chunk === 0 || chunk > chunks)) {
      pushProblem(
        into,
        'mdsChunkNumberOutOfRange',
        1,
        15,
        0,
        `Mixed Data Set chunk ${chunk} of ${chunks}: chunks are numbered 1–${chunks}`,
      );
    }
    return;
  }
  if (status === 0x9) return;
  pushProblem(into, 'reservedStatus', 0, 23, 20, `Data 128 status ${fieldHex(status, 4)} is reserved`);
}
