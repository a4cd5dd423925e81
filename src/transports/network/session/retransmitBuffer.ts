// The UMP Data commands a session sent last, by sequence number: the source of forward error
// correction (each datagram repeats the newest few) and of answers to Retransmit Requests.
// A fixed ring of `depth` entries of at most 4 words each (one UMP message per command).
import { nextSequence, sequenceDistance } from './sequence';

export const MAX_WORDS_PER_ENTRY = 4;

export class RetransmitBuffer {
  private readonly words: Uint32Array;
  private readonly lengths: Uint8Array;
  private stored = 0;
  /** Slot of the newest entry. */
  private newestSlot = -1;
  private newestSequence = 0;

  constructor(readonly depth: number) {
    const slots = Math.max(depth, 1);
    this.words = new Uint32Array(slots * MAX_WORDS_PER_ENTRY);
    this.lengths = new Uint8Array(slots);
  }

  get size(): number {
    return this.stored;
  }

  /** The sequence number of the newest entry (meaningful when size > 0). */
  get newest(): number {
    return this.newestSequence;
  }

  /** The oldest sequence number still held (meaningful when size > 0). */
  get oldest(): number {
    return nextSequence(this.newestSequence, -(this.stored - 1));
  }

  clear(): void {
    this.stored = 0;
    this.newestSlot = -1;
  }

  /** Stores the command with `sequence` (the next after the newest) holding `source[start, start+count)`. */
  push(sequence: number, source: Uint32Array, start: number, count: number): void {
    const slots = this.lengths.length;
    this.newestSlot = (this.newestSlot + 1) % slots;
    this.newestSequence = sequence;
    if (this.stored < this.depth) this.stored++;
    const base = this.newestSlot * MAX_WORDS_PER_ENTRY;
    for (let i = 0; i < count; i++) this.words[base + i] = source[start + i];
    this.lengths[this.newestSlot] = count;
  }

  /** Whether `sequence` is still held. */
  has(sequence: number): boolean {
    if (this.stored === 0) return false;
    const back = sequenceDistance(sequence, this.newestSequence);
    return back >= 0 && back < this.stored;
  }

  /** Calls `visit(words, start, count)` with the entry for `sequence`; false when it is not held. */
  read(sequence: number, visit: (words: Uint32Array, start: number, count: number) => void): boolean {
    if (!this.has(sequence)) return false;
    const slots = this.lengths.length;
    const back = sequenceDistance(sequence, this.newestSequence);
    const slot = (this.newestSlot - back + slots) % slots;
    visit(this.words, slot * MAX_WORDS_PER_ENTRY, this.lengths[slot]);
    return true;
  }
}
