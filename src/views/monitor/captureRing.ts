// The bounded capture of raw packets: words, timestamp and endpoint of the newest `capacity`
// packets, addressed by sequence number. Sequence numbers count every packet since the last
// clear; packet `seq` lives in slot `seq % capacity` while `seq >= firstSeq`. When the ring is
// full each new packet evicts the oldest, and `evicted` says how many went that way.

/** Every packet gets four word slots: fixed-size slots keep lookup O(1). */
export const wordsPerSlot = 4;

export class CaptureRing {
  private readonly words: Uint32Array;
  private readonly timestamps: Float64Array;
  private readonly endpoints: Uint8Array;
  private total = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capture capacity must be a whole number of messages ≥ 1, got ${capacity}`);
    }
    this.words = new Uint32Array(capacity * wordsPerSlot);
    this.timestamps = new Float64Array(capacity);
    this.endpoints = new Uint8Array(capacity);
  }

  /** Sequence number the next packet gets (= packets appended since the last clear). */
  get endSeq(): number {
    return this.total;
  }

  /** Oldest sequence number still in the ring. */
  get firstSeq(): number {
    return Math.max(0, this.total - this.capacity);
  }

  get size(): number {
    return this.total - this.firstSeq;
  }

  /** Packets that fell out of the ring to make room. */
  get evicted(): number {
    return this.firstSeq;
  }

  get allocatedBytes(): number {
    return this.words.byteLength + this.timestamps.byteLength + this.endpoints.byteLength;
  }

  has(seq: number): boolean {
    return seq >= this.firstSeq && seq < this.total;
  }

  /** Appends one packet of `wordCount` words from `source[offset]`; returns its sequence number. */
  push(
    source: Uint32Array,
    offset: number,
    wordCount: number,
    timestamp: number,
    endpointIndex: number,
  ): number {
    const seq = this.total++;
    const slot = seq % this.capacity;
    const at = slot * wordsPerSlot;
    for (let i = 0; i < wordsPerSlot; i++) this.words[at + i] = i < wordCount ? source[offset + i] : 0;
    this.timestamps[slot] = timestamp;
    this.endpoints[slot] = endpointIndex;
    return seq;
  }

  /** Offset of packet `seq`'s first word in `wordsArray` (four slots, unused ones 0). */
  wordOffset(seq: number): number {
    return (seq % this.capacity) * wordsPerSlot;
  }

  get wordsArray(): Uint32Array {
    return this.words;
  }

  firstWord(seq: number): number {
    return this.words[(seq % this.capacity) * wordsPerSlot];
  }

  timestamp(seq: number): number {
    return this.timestamps[seq % this.capacity];
  }

  endpointIndex(seq: number): number {
    return this.endpoints[seq % this.capacity];
  }

  clear(): void {
    this.total = 0;
  }
}
