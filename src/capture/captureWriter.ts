// What every capture writer does: take messages one at a time, hand back the bytes made so far
// whenever the caller wants to write them (a streaming save never holds the whole file), and say
// what it left out.

export interface CaptureWriter {
  /** Appends a message of `wordCount` words from `source[offset]`. */
  add(
    source: ArrayLike<number>,
    offset: number,
    wordCount: number,
    ticks: number,
    endpointIndex: number,
  ): void;
  /** Bytes (or characters, for text) made and not taken yet. */
  readonly pendingSize: number;
  /** Takes the bytes made so far. */
  take(): Uint8Array;
  /** Takes the rest, with whatever ends the file. */
  finish(): Uint8Array;
  /** Messages written. */
  readonly written: number;
  /** Messages the format cannot hold, counted with the reason ("3 messages that are not SysEx7"). */
  readonly leftOut: string[];
}

const encoder = new TextEncoder();

/** Text gathered as parts and encoded to UTF-8 when taken. */
export class TextChunks {
  private parts: string[] = [];
  private characters = 0;

  push(text: string): void {
    this.parts.push(text);
    this.characters += text.length;
  }

  get size(): number {
    return this.characters;
  }

  take(): Uint8Array {
    const bytes = encoder.encode(this.parts.join(''));
    this.parts = [];
    this.characters = 0;
    return bytes;
  }
}

/** Comments and names must stay on one line whatever they hold. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
