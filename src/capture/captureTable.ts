// A capture held as columns: each message's words (four slots, unused ones 0), its timestamp in
// clock ticks and the index of the endpoint it came from. Typed arrays that grow by doubling keep
// a million messages cheap to build, read, write and compare.
import { wordCountForMessageType } from '../ump';

/** Words kept per message: the largest UMP message has four. */
export const slotWords = 4;

/** What a capture file says besides its messages. */
export interface CaptureInfo {
  /** Endpoint names; a message's endpoint index points into this list. */
  endpoints: string[];
  /** Clock ticks per second of the timestamps (MidiClock: 10,000,000). */
  ticksPerSecond: number;
  /** A line that says what the capture is (written as a comment where the format has room). */
  title?: string;
}

export class CaptureTable {
  private wordSlots: Uint32Array;
  private times: Float64Array;
  private endpointIndexes: Uint8Array;
  private size = 0;

  constructor(capacity = 1024) {
    const initial = Math.max(1, capacity);
    this.wordSlots = new Uint32Array(initial * slotWords);
    this.times = new Float64Array(initial);
    this.endpointIndexes = new Uint8Array(initial);
  }

  get count(): number {
    return this.size;
  }

  /** Appends a message of `wordCount` words from `source[offset]`. */
  add(
    source: ArrayLike<number>,
    offset: number,
    wordCount: number,
    ticks: number,
    endpointIndex: number,
  ): void {
    if (this.size === this.times.length) this.grow();
    const at = this.size * slotWords;
    for (let i = 0; i < slotWords; i++) this.wordSlots[at + i] = i < wordCount ? source[offset + i] : 0;
    this.times[this.size] = ticks;
    this.endpointIndexes[this.size] = endpointIndex;
    this.size++;
  }

  /** Appends a whole message given as its words. */
  addMessage(words: ArrayLike<number>, ticks: number, endpointIndex = 0): void {
    this.add(words, 0, words.length, ticks, endpointIndex);
  }

  firstWord(index: number): number {
    return this.wordSlots[index * slotWords];
  }

  wordCount(index: number): number {
    return wordCountForMessageType(this.wordSlots[index * slotWords] >>> 28);
  }

  word(index: number, wordIndex: number): number {
    return this.wordSlots[index * slotWords + wordIndex];
  }

  /** The message's words (a view: copy it to keep it past the next add). */
  words(index: number): Uint32Array {
    const at = index * slotWords;
    return this.wordSlots.subarray(at, at + this.wordCount(index));
  }

  /** The four-slot word array and where message `index` starts in it. */
  get slots(): Uint32Array {
    return this.wordSlots;
  }

  ticks(index: number): number {
    return this.times[index];
  }

  endpointIndex(index: number): number {
    return this.endpointIndexes[index];
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const slots = new Uint32Array(capacity * slotWords);
    slots.set(this.wordSlots);
    const times = new Float64Array(capacity);
    times.set(this.times);
    const endpoints = new Uint8Array(capacity);
    endpoints.set(this.endpointIndexes);
    this.wordSlots = slots;
    this.times = times;
    this.endpointIndexes = endpoints;
  }
}

/** A file's messages and what else it said; `error` is set when it is malformed past `table`. */
export interface CaptureReading {
  info: CaptureInfo;
  table: CaptureTable;
  /** The first problem: the messages before it are in `table`. */
  error?: CaptureReadError;
  /** Things the reader left out on purpose, each counted (for example SysEx8 in a .syx write). */
  notes: string[];
}

export interface CaptureReadError {
  message: string;
  /** What would have been valid there. */
  expected: string;
  /** 1-based line and column (text formats). */
  line?: number;
  column?: number;
  /** Byte offset in a binary file, character offset in a text file. */
  offset: number;
}

/** "line 3, column 5" or "byte offset 120", for messages. */
export function whereOf(error: CaptureReadError): string {
  if (error.line !== undefined)
    return `line ${error.line}${error.column !== undefined ? `, column ${error.column}` : ''}`;
  return `byte offset ${error.offset}`;
}
