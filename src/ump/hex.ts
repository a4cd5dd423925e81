// Hex text for words and bytes, uppercase and zero-padded, as the monitor and the editor show them.
import { UMP_WORD_COUNTS } from './messageType';

const nibbleDigits = '0123456789ABCDEF';
/** "00" … "FF": the monitor formats many words, and table lookups beat toString(16) there. */
const byteDigits: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => nibbleDigits[byte >>> 4] + nibbleDigits[byte & 0xf],
);

/** `value` as exactly `width` uppercase hex digits (the low 4·width bits). */
export function hexDigits(value: number, width: number): string {
  const v = value >>> 0;
  switch (width) {
    case 2:
      return byteDigits[v & 0xff];
    case 4:
      return byteDigits[(v >>> 8) & 0xff] + byteDigits[v & 0xff];
    case 8:
      return (
        byteDigits[v >>> 24] +
        byteDigits[(v >>> 16) & 0xff] +
        byteDigits[(v >>> 8) & 0xff] +
        byteDigits[v & 0xff]
      );
    default: {
      let text = '';
      for (let shift = 4 * (width - 1); shift >= 0; shift -= 4) text += nibbleDigits[(v >>> shift) & 0xf];
      return text;
    }
  }
}

/** "0x20903C64" */
export function formatWord(word: number): string {
  return '0x' + hexDigits(word, 8);
}

/** "0x3C" and the like: `value` with a 0x prefix and `width` digits. */
export function hex(value: number, width: number): string {
  return '0x' + hexDigits(value, width);
}

/** "7E 7F 06 01" */
export function formatBytes(bytes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += (i === 0 ? '' : ' ') + hexDigits(bytes[i], 2);
  return text;
}

export interface FormatUmpHexOptions {
  /** Write the 0x prefix on every word (default true). */
  prefix?: boolean;
}

/**
 * The canonical text of a run of UMP words: one message per line (its size from the message type
 * of its first word), words as 8 uppercase hex digits separated by single spaces. A last message
 * the words do not complete is written with the words there are.
 */
export function formatUmpHex(words: ArrayLike<number>, options?: FormatUmpHexOptions): string {
  const prefix = options?.prefix === false ? '' : '0x';
  const lines: string[] = [];
  let index = 0;
  while (index < words.length) {
    const size = UMP_WORD_COUNTS[(words[index] >>> 28) & 0xf];
    const end = Math.min(index + size, words.length);
    let line = '';
    for (let at = index; at < end; at++) line += (at === index ? '' : ' ') + prefix + hexDigits(words[at], 8);
    lines.push(line);
    index = end;
  }
  return lines.join('\n');
}
