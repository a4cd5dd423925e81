// Reads `.ump` capture text back: the header comments umpTextFormat.ts writes, then one message
// per line. Lines in the writer's own spelling take a fast path; anything else the send commands
// accept (byte groups, array literals, block comments, `+10ms` delays, messages over several
// lines) goes through parseUmpHex from that line on. A malformed file gives the messages before
// the error and the error's line and column.
import { parseUmpHex, wordCountOf } from '../ump';
import { readTimeOffset } from '../ump/timeOffset';
import { CaptureTable, type CaptureInfo, type CaptureReading } from './captureTable';
import { hexWordAt, textLines, type TextLine } from './textLines';
import { umpHeaderKeys } from './umpTextFormat';

export interface ReadOptions {
  /** The endpoint name when the file names none (usually the file's name). */
  defaultEndpoint: string;
}

export function readUmpText(text: string, options: ReadOptions): CaptureReading {
  return new UmpTextReader(text, options).read();
}

class UmpTextReader {
  private readonly table = new CaptureTable();
  private readonly endpoints = new Map<number, string>();
  private ticksPerSecond = 10_000_000;
  private startTicks = 0;
  private title: string | undefined;
  private previousTicks: number | undefined;
  private readonly words = new Uint32Array(4);

  constructor(
    private readonly text: string,
    private readonly options: ReadOptions,
  ) {}

  read(): CaptureReading {
    for (const line of textLines(this.text)) {
      const trimmed = line.text.trim();
      if (trimmed === '') continue;
      if (trimmed.startsWith('//')) {
        this.readHeaderComment(trimmed.slice(2).trim());
        continue;
      }
      if (this.readFastLine(line)) continue;
      return this.finish(this.readRestWithParser(line));
    }
    return this.finish(undefined);
  }

  private finish(error: CaptureReading['error']): CaptureReading {
    const count = this.endpoints.size === 0 ? 0 : Math.max(...this.endpoints.keys()) + 1;
    const names = Array.from(
      { length: Math.max(1, count) },
      (_, index) =>
        this.endpoints.get(index) ?? (index === 0 ? this.options.defaultEndpoint : `endpoint ${index}`),
    );
    const info: CaptureInfo = { endpoints: names, ticksPerSecond: this.ticksPerSecond, title: this.title };
    return { info, table: this.table, error, notes: [] };
  }

  private readHeaderComment(comment: string): void {
    if (comment.startsWith(umpHeaderKeys.title)) {
      this.title = comment.slice(umpHeaderKeys.title.length).trim();
    } else if (comment.startsWith(umpHeaderKeys.ticksPerSecond)) {
      const value = Number(comment.slice(umpHeaderKeys.ticksPerSecond.length).trim());
      if (Number.isFinite(value) && value > 0) this.ticksPerSecond = value;
    } else if (comment.startsWith(umpHeaderKeys.startTicks)) {
      const value = Number(comment.slice(umpHeaderKeys.startTicks.length).trim());
      if (Number.isFinite(value) && value >= 0) this.startTicks = value;
    } else if (comment.startsWith(umpHeaderKeys.endpoint)) {
      const match = /^(\d{1,3}): (.*)$/.exec(comment.slice(umpHeaderKeys.endpoint.length));
      if (match && Number(match[1]) < 256) this.endpoints.set(Number(match[1]), match[2]);
    }
  }

  /** `@<n>us 0xXXXXXXXX … [// e<n>]`: true when the line was that and was taken. */
  private readFastLine(line: TextLine): boolean {
    const text = line.text;
    let at = 0;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    let ticks = this.previousTicks ?? this.startTicks;
    if (text[at] === '@' || text[at] === '+') {
      const end = nextSpace(text, at);
      const reading = readTimeOffset(text.slice(at, end));
      if (!reading.ok) return false;
      const offsetTicks = Math.round((reading.microseconds * this.ticksPerSecond) / 1e6);
      ticks = reading.kind === 'at' ? this.startTicks + offsetTicks : ticks + offsetTicks;
      at = end;
    }
    let count = 0;
    let needed = 1;
    for (;;) {
      while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
      if (at >= text.length || text[at] === '/') break;
      if (count >= needed) return false;
      if (text[at] === '0' && (text[at + 1] === 'x' || text[at + 1] === 'X')) at += 2;
      const word = hexWordAt(text, at);
      if (word < 0 || (at + 8 < text.length && text[at + 8] !== ' ' && text[at + 8] !== '\t')) return false;
      this.words[count++] = word;
      if (count === 1) needed = wordCountOf(word);
      at += 8;
    }
    if (count === 0 || count !== needed) return false;
    let endpointIndex = 0;
    if (at < text.length) {
      const tag = /^\/\/\s*e(\d{1,3})\s*$/.exec(text.slice(at));
      if (!tag && !text.startsWith('//', at)) return false;
      if (tag) endpointIndex = Math.min(255, Number(tag[1]));
    }
    this.table.add(this.words, 0, count, ticks, endpointIndex);
    this.previousTicks = ticks;
    return true;
  }

  /** Everything from `line` on, through the general parser; returns its error if it has one. */
  private readRestWithParser(line: TextLine): CaptureReading['error'] {
    const rest = this.text.slice(line.offset);
    const parsed = parseUmpHex(rest, { allowTimeOffsets: true });
    if (parsed.ok) {
      this.takeParsed(parsed.messages);
      return undefined;
    }
    const { error } = parsed;
    // Open up to the error: the lines before the one it is on parse on their own.
    const lineStart = rest.lastIndexOf('\n', Math.max(0, error.offset - 1)) + 1;
    const before =
      lineStart > 0 ? parseUmpHex(rest.slice(0, lineStart), { allowTimeOffsets: true }) : undefined;
    if (before?.ok) this.takeParsed(before.messages);
    return {
      message: error.message,
      expected: error.expected,
      line: line.number + error.line - 1,
      column: error.column,
      offset: line.offset + error.offset,
    };
  }

  private takeParsed(messages: readonly { words: Uint32Array; atUs?: number; delayUs?: number }[]): void {
    for (const message of messages) {
      let ticks = this.previousTicks ?? this.startTicks;
      if (message.atUs !== undefined)
        ticks = this.startTicks + Math.round((message.atUs * this.ticksPerSecond) / 1e6);
      else if (message.delayUs !== undefined)
        ticks += Math.round((message.delayUs * this.ticksPerSecond) / 1e6);
      this.table.add(message.words, 0, message.words.length, ticks, 0);
      this.previousTicks = ticks;
    }
  }
}

function nextSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && text[at] !== ' ' && text[at] !== '\t') at++;
  return at;
}
