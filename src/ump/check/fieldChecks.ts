// The two checks most fields need: reserved bits that must be 0, and 7-bit fields stored in 8
// bits whose top bit must be 0 (MIDI 1.0 data bytes, note numbers, bank and index numbers).
import { bitsOf, fieldHex, pushProblem, type UmpProblem } from './problem';

/** Bits highBit..lowBit of word `index` are reserved: anything but 0 is reported. */
export function reservedBits(
  into: UmpProblem[],
  word: number,
  index: number,
  highBit: number,
  lowBit: number,
  what: string,
): void {
  const value = bitsOf(word, highBit, lowBit);
  if (value === 0) return;
  const where = highBit === lowBit ? `bit ${highBit}` : `bits ${highBit}–${lowBit}`;
  pushProblem(
    into,
    'reservedBitsSet',
    index,
    highBit,
    lowBit,
    `${what}: word ${index} ${where} are reserved and must be 0, read ${fieldHex(value, highBit - lowBit + 1)}`,
  );
}

/**
 * A 7-bit field in the byte whose top bit is `highBit` of word `index`: that bit must be 0. The
 * decoder shows the low 7 bits; the problem says what was really there.
 */
export function sevenBitField(
  into: UmpProblem[],
  word: number,
  index: number,
  highBit: number,
  field: string,
): void {
  if (((word >>> highBit) & 1) === 0) return;
  const byte = bitsOf(word, highBit, highBit - 7);
  pushProblem(
    into,
    'dataHighBitSet',
    index,
    highBit,
    highBit - 7,
    `${field} is 7 bits: bit ${highBit} of word ${index} must be 0, read ${fieldHex(byte, 8)} (shown as ${byte & 0x7f})`,
  );
}
