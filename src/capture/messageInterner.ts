// Gives every distinct message (its four word slots) a small integer id, so that comparing,
// aligning and rendering work on ids: equal words, equal id. An open-addressing hash table over
// typed arrays: no string per message and no garbage, which is what made a Map of "w0,w1,w2,w3"
// keys the slowest part of comparing two 100,000-message captures.
import { slotWords } from './captureTable';

export class MessageInterner {
  /** Per table slot: id + 1, or 0 when empty. */
  private table: Int32Array;
  /** Per id: its four words. */
  private words: Uint32Array;
  private count = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.table = new Int32Array(capacity);
    this.words = new Uint32Array(Math.max(16, expected) * slotWords);
  }

  /** How many distinct messages have an id. */
  get size(): number {
    return this.count;
  }

  /** The id of the message whose four slots start at `slots[at]`, given a new one if unseen. */
  idOf(slots: Uint32Array, at: number): number {
    const w0 = slots[at];
    const w1 = slots[at + 1];
    const w2 = slots[at + 2];
    const w3 = slots[at + 3];
    const mask = this.table.length - 1;
    let slot = hashOf(w0, w1, w2, w3) & mask;
    for (;;) {
      const entry = this.table[slot];
      if (entry === 0) break;
      const id = entry - 1;
      const w = id * slotWords;
      const words = this.words;
      if (words[w] === w0 && words[w + 1] === w1 && words[w + 2] === w2 && words[w + 3] === w3) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if ((id + 1) * slotWords > this.words.length) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words.set(slots.subarray(at, at + slotWords), id * slotWords);
    this.table[slot] = id + 1;
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.count; id++) {
      const w = id * slotWords;
      let slot = hashOf(this.words[w], this.words[w + 1], this.words[w + 2], this.words[w + 3]) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}

function hashOf(w0: number, w1: number, w2: number, w3: number): number {
  let h = Math.imul(w0 ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ w2, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ w3, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
