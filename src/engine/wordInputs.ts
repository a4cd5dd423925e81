// Turns what callers pass to sends (number arrays, typed arrays, byte buffers, packets) into the
// Uint32Array + range the addon takes. Type mistakes throw TypeError; bad ranges and sizes are
// left to the addon (or answered here) as send results.
import { describeValue, requireNumber, requireObject, requireWord } from './argumentChecks';
import { failedWith, MidiSendMessageResults } from './sendResults';
import { wordCountOf } from '../ump';

/** Words as callers may give them: a Uint32Array, or an array of numbers 0..0xFFFFFFFF. */
export type MidiWordInput = Uint32Array | readonly number[];

/** Bytes as callers may give them (MSB of each word first). */
export type MidiByteInput = ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

/** A Uint32Array as is; a number array copied after checking every element. */
export function toWordArray(words: unknown, what: string): Uint32Array {
  if (words instanceof Uint32Array) return words;
  if (!Array.isArray(words)) {
    throw new TypeError(`${what} must be a Uint32Array or an array of numbers, got ${describeValue(words)}`);
  }
  const copy = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const word: unknown = words[i];
    requireWord(word, `${what}[${i}]`);
    copy[i] = word;
  }
  return copy;
}

export function toByteView(buffer: unknown, what: string): Uint8Array {
  if (buffer instanceof ArrayBuffer || buffer instanceof SharedArrayBuffer) return new Uint8Array(buffer);
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  throw new TypeError(
    `${what} must be an ArrayBuffer or a typed array / Buffer, got ${describeValue(buffer)}`,
  );
}

/** A reusable Uint32Array that grows to the largest size asked for (sends are synchronous). */
export class ScratchWords {
  private buffer = new Uint32Array(256);

  take(length: number): Uint32Array {
    if (this.buffer.length < length) this.buffer = new Uint32Array(Math.max(length, this.buffer.length * 2));
    return this.buffer;
  }
}

/** A reusable Float64Array, the timestamps' twin of ScratchWords. */
export class ScratchTimestamps {
  private buffer = new Float64Array(64);

  take(length: number): Float64Array {
    if (this.buffer.length < length) this.buffer = new Float64Array(Math.max(length, this.buffer.length * 2));
    return this.buffer;
  }
}

/** True when [byteOffset, byteOffset + byteCount) lies inside `bytes` (whole, non-negative numbers). */
export function byteRangeInBounds(bytes: Uint8Array, byteOffset: number, byteCount: number): boolean {
  requireNumber(byteOffset, 'byteOffset');
  requireNumber(byteCount, 'byteCount');
  return (
    Number.isInteger(byteOffset) &&
    Number.isInteger(byteCount) &&
    byteOffset >= 0 &&
    byteCount >= 0 &&
    byteOffset + byteCount <= bytes.length
  );
}

/** Reads `wordCount` big-endian words (MSB first, as UMPs go on the wire) into `into`. */
export function readWordsMsbFirst(
  bytes: Uint8Array,
  byteOffset: number,
  wordCount: number,
  into: Uint32Array,
) {
  for (let i = 0, b = byteOffset; i < wordCount; i++, b += 4) {
    into[i] = ((bytes[b] << 24) | (bytes[b + 1] << 16) | (bytes[b + 2] << 8) | bytes[b + 3]) >>> 0;
  }
}

/**
 * Copies a packet's words into `into` at `at` without an intermediate array and returns how many
 * there were. More than 4 words is no message: only the first 5 are copied, enough to refuse it.
 */
function copyPacketWords(words: unknown, into: Uint32Array, at: number, what: string): number {
  if (words instanceof Uint32Array) {
    const size = Math.min(words.length, 5);
    into.set(words.subarray(0, size), at);
    return words.length;
  }
  if (!Array.isArray(words)) {
    throw new TypeError(`${what} must be a Uint32Array or an array of numbers, got ${describeValue(words)}`);
  }
  for (let i = 0; i < words.length && i < 5; i++) {
    const word: unknown = words[i];
    requireWord(word, `${what}[${i}]`);
    into[at + i] = word;
  }
  return words.length;
}

/** Packets laid back to back for the addon, up to the first one whose size is wrong. */
export interface PackedPackets {
  words: Uint32Array;
  timestamps: Float64Array;
  messageCount: number;
  wordCount: number;
  /** 0 when every packet was packed, else the failure flags of packet `messageCount`. */
  failure: number;
}

/**
 * Packs packets (each `{ timestamp, words }`) into the scratch arrays. A packet whose word count
 * is not its message type's size stops the packing there: back to back, its words would be read
 * as parts of other messages.
 */
export function packPackets(
  packets: unknown,
  words: ScratchWords,
  timestamps: ScratchTimestamps,
): PackedPackets {
  if (!Array.isArray(packets)) throw new TypeError(`packets must be an array, got ${describeValue(packets)}`);
  const wordBuffer = words.take(packets.length * 4 + 1);
  const timestampBuffer = timestamps.take(packets.length);
  let wordCount = 0;
  for (let i = 0; i < packets.length; i++) {
    const packet: unknown = packets[i];
    requireObject(packet, `packets[${i}]`);
    requireNumber(packet.timestamp, `packets[${i}].timestamp`);
    const size = copyPacketWords(packet.words, wordBuffer, wordCount, `packets[${i}].words`);
    if (size === 0 || size !== wordCountOf(wordBuffer[wordCount])) {
      const failure = failedWith(MidiSendMessageResults.invalidMessageTypeForWordCount);
      return { words: wordBuffer, timestamps: timestampBuffer, messageCount: i, wordCount, failure };
    }
    wordCount += size;
    timestampBuffer[i] = packet.timestamp;
  }
  return {
    words: wordBuffer,
    timestamps: timestampBuffer,
    messageCount: packets.length,
    wordCount,
    failure: 0,
  };
}
