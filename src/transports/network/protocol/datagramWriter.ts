// Builds datagrams: the signature, then as many commands as fit under the size limit. Each finished
// datagram is a fresh Buffer, so the socket may still hold the previous one while the next is built.
import { SIGNATURE } from './commandCodes';
import { paddedWordCount } from './paddedStrings';

/** Below a 1500-byte Ethernet MTU with IPv4/IPv6 and UDP headers, as other implementations keep. */
export const DEFAULT_MAX_DATAGRAM_BYTES = 1400;

export class DatagramWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(readonly maxBytes = DEFAULT_MAX_DATAGRAM_BYTES) {
    this.buffer = Buffer.allocUnsafe(maxBytes);
  }

  get isEmpty(): boolean {
    return this.offset <= 4;
  }

  /** Whether a command with `payloadWords` words still fits in this datagram. */
  fits(payloadWords: number): boolean {
    const used = this.offset === 0 ? 4 : this.offset;
    return used + 4 + payloadWords * 4 <= this.maxBytes;
  }

  header(code: number, length: number, data1: number, data2: number): void {
    if (this.offset === 0) {
      this.buffer.writeUInt32BE(SIGNATURE, 0);
      this.offset = 4;
    }
    this.buffer[this.offset] = code;
    this.buffer[this.offset + 1] = length;
    this.buffer[this.offset + 2] = data1;
    this.buffer[this.offset + 3] = data2;
    this.offset += 4;
  }

  word(value: number): void {
    this.buffer.writeUInt32BE(value >>> 0, this.offset);
    this.offset += 4;
  }

  words(values: Uint32Array, start: number, count: number): void {
    const buffer = this.buffer;
    let offset = this.offset;
    for (let i = start, end = start + count; i < end; i++) {
      const value = values[i];
      buffer[offset] = value >>> 24;
      buffer[offset + 1] = value >>> 16;
      buffer[offset + 2] = value >>> 8;
      buffer[offset + 3] = value;
      offset += 4;
    }
    this.offset = offset;
  }

  /** `bytes` then NULs up to the next word boundary. */
  padded(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.offset);
    const words = paddedWordCount(bytes.length);
    this.buffer.fill(0, this.offset + bytes.length, this.offset + words * 4);
    this.offset += words * 4;
  }

  raw(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.offset);
    this.offset += bytes.length;
  }

  /** The datagram built so far (undefined when it has no command); the writer starts anew. */
  take(): Buffer | undefined {
    if (this.isEmpty) return undefined;
    const datagram = this.buffer.subarray(0, this.offset);
    this.buffer = Buffer.allocUnsafe(this.maxBytes);
    this.offset = 0;
    return datagram;
  }
}
