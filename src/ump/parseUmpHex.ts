// Turns the hex developers paste (words, byte groups, C/C++/Rust/JS array literals, comments; see
// hexScanner.ts and hexToken.ts for the accepted spellings) into UMP messages, each as many words
// as its first word's message type says. All or nothing: either every message, or the first
// problem with its position, the offending token, what was expected there and how many complete
// messages came before it. Never throws.
import { HexScanner, type HexToken, type SkippedText } from './hexScanner';

export type { SkippedText } from './hexScanner';
import { formatWord } from './hex';
import { messageTypeName, wordCountOf } from './messageType';
import { readHexToken } from './hexToken';
import { looksLikeTimeOffset, readTimeOffset, type TimeOffsetKind } from './timeOffset';

export interface UmpHexMessage {
  words: Uint32Array;
  /** 1-based position of the message's first token. */
  line: number;
  column: number;
  /** Where each word was written: character offset and length in the text (for editors). */
  wordRanges: Array<{ offset: number; length: number }>;
  /** From a `+10ms` / `+250us` / `+1.5s` prefix on its line: delay after the previous message. */
  delayUs?: number;
  /** From an `@10ms` prefix on its line: offset from the start of the schedule. */
  atUs?: number;
}

export interface UmpHexParseError {
  /** What is wrong, in a sentence that names the token. */
  message: string;
  /**
   * 1-based position of the offending text: the bad character itself when one character is to
   * blame ('G' in 0x2090G364), else the start of the offending token.
   */
  line: number;
  column: number;
  /** Character offset and length of the offending text (for a selection). */
  offset: number;
  length: number;
  /** The whole token the problem is in, and where it starts (the offset of the token's first character). */
  token: string;
  tokenOffset: number;
  /** What would have been valid there. */
  expected: string;
  /** Messages parsed in full before the problem. */
  completeMessages: number;
}

export type UmpHexParseResult =
  | {
      ok: true;
      messages: UmpHexMessage[];
      wordCount: number;
      /** Preprocessor lines and macro names that were passed over (see hexScanner.ts). */
      skipped: SkippedText[];
    }
  | { ok: false; error: UmpHexParseError };

/**
 * How byte groups become words: as written (big-endian, the default: `20 90 3C 64` is
 * 0x20903C64), or as a little-endian memory dump (`64 3C 90 20` is 0x20903C64). Whole 8-digit
 * words are values either way. Never guessed: the caller says which.
 */
export type UmpByteOrder = 'bigEndianWords' | 'littleEndianBytes';

export interface ParseUmpHexOptions {
  /** Accept a `+N(us|ms|s)` or `@N(us|ms|s)` token at the start of a line (default false). */
  allowTimeOffsets?: boolean;
  /** Default 'bigEndianWords'. */
  byteOrder?: UmpByteOrder;
}

/** Where a run of text starts and ends, for errors that cover more than one token. */
interface Span {
  start: HexToken;
  endOffset: number;
}

interface PendingOffset {
  token: HexToken;
  kind: TimeOffsetKind;
  microseconds: number;
}

/** Unwinds the parser at the first problem; parseUmpHex turns it into an error result. */
class ParseFailure extends Error {
  constructor(readonly error: UmpHexParseError) {
    super(error.message);
  }
}

export function parseUmpHex(text: string, options?: ParseUmpHexOptions): UmpHexParseResult {
  try {
    return new UmpHexParser(
      String(text),
      options?.allowTimeOffsets === true,
      options?.byteOrder === 'littleEndianBytes',
    ).parse();
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, error: failure.error };
    throw failure;
  }
}

class UmpHexParser {
  private readonly messages: UmpHexMessage[] = [];
  private wordCount = 0;
  /** The message being filled: its words so far and the span of its tokens. */
  private messageWords: number[] = [];
  private messageSpan: Span | undefined;
  private messageWordRanges: Array<{ offset: number; length: number }> = [];
  /** Bytes of a word being spelled as byte groups. */
  private pendingBytes: number[] = [];
  private pendingBytesSpan: Span | undefined;
  /** A time offset read on this line, waiting for the message after it. */
  private pendingOffset: PendingOffset | undefined;
  /** The time offset of the message being filled. */
  private messageOffset: PendingOffset | undefined;

  constructor(
    private readonly text: string,
    private readonly allowTimeOffsets: boolean,
    private readonly littleEndianBytes: boolean,
  ) {}

  parse(): UmpHexParseResult {
    const scanner = new HexScanner(this.text);
    for (let token = scanner.next(); token !== undefined; token = scanner.next()) this.take(token);
    const comment = scanner.unterminatedComment;
    if (comment !== undefined) {
      const token: HexToken = {
        text: '/*',
        offset: comment.offset,
        line: comment.line,
        column: comment.column,
        firstOnLine: false,
      };
      this.fail(
        { start: token, endOffset: comment.offset + 2 },
        'a /* comment has no end',
        '*/ to close the comment',
      );
    }
    this.finish();
    return { ok: true, messages: this.messages, wordCount: this.wordCount, skipped: scanner.skipped };
  }

  private take(token: HexToken): void {
    if (this.pendingOffset !== undefined && token.line !== this.pendingOffset.token.line)
      this.failDanglingOffset();
    if (looksLikeTimeOffset(token.text)) {
      this.takeTimeOffset(token);
      return;
    }
    const value = readHexToken(token.text);
    if (value.kind === 'problem') {
      if (value.at === undefined) this.fail(spanOf(token), value.problem, value.expected);
      this.failAtCharacter(token, value.at, value.problem, value.expected);
    }
    // The first token of a message takes the line's time offset, even if the message goes on
    // over the next lines.
    if (this.messageSpan === undefined && this.pendingBytesSpan === undefined) {
      this.messageOffset = this.pendingOffset;
      this.pendingOffset = undefined;
    }
    if (value.kind === 'word') this.takeWord(value.word, token);
    else for (const byte of value.bytes) this.takeByte(byte, token);
  }

  private takeTimeOffset(token: HexToken): void {
    const span = spanOf(token);
    if (!this.allowTimeOffsets) {
      this.fail(
        span,
        `'${token.text}' is a time offset, and offsets are accepted only when scheduling`,
        'hex words',
      );
    }
    const reading = readTimeOffset(token.text);
    if (!reading.ok) this.fail(span, reading.problem, reading.expected);
    if (!token.firstOnLine) {
      this.fail(
        span,
        `the time offset '${token.text}' is not at the start of its line`,
        'a time offset only before the first word on a line',
      );
    }
    if (this.pendingBytesSpan !== undefined || this.messageSpan !== undefined) {
      const inside = this.messageSpan ?? this.pendingBytesSpan;
      this.fail(
        span,
        `the time offset '${token.text}' comes inside the message that begins on line ${inside?.start.line ?? token.line}`,
        `${this.wordsStillNeeded()} more word(s) of that message before a time offset`,
      );
    }
    this.pendingOffset = { token, kind: reading.kind, microseconds: reading.microseconds };
  }

  private takeByte(byte: number, token: HexToken): void {
    if (this.pendingBytesSpan === undefined) this.pendingBytesSpan = spanOf(token);
    this.pendingBytesSpan.endOffset = token.offset + token.text.length;
    this.pendingBytes.push(byte);
    if (this.pendingBytes.length < 4) return;
    const [b0, b1, b2, b3] = this.pendingBytes;
    const span = this.pendingBytesSpan;
    this.pendingBytes = [];
    this.pendingBytesSpan = undefined;
    const word = this.littleEndianBytes
      ? (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0
      : ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
    this.takeWordSpan(word, span);
  }

  private takeWord(word: number, token: HexToken): void {
    if (this.pendingBytesSpan !== undefined) {
      this.failPartialWord(`before the word '${token.text}'`);
    }
    this.takeWordSpan(word, spanOf(token));
  }

  private takeWordSpan(word: number, span: Span): void {
    if (this.messageSpan === undefined) {
      this.messageSpan = { start: span.start, endOffset: span.endOffset };
    }
    this.messageSpan.endOffset = span.endOffset;
    this.messageWords.push(word);
    this.messageWordRanges.push({ offset: span.start.offset, length: span.endOffset - span.start.offset });
    if (this.messageWords.length < wordCountOf(this.messageWords[0])) return;

    const start = this.messageSpan.start;
    const message: UmpHexMessage = {
      words: Uint32Array.from(this.messageWords),
      wordRanges: this.messageWordRanges,
      line: start.line,
      column: start.column,
    };
    const offset = this.messageOffset;
    if (offset !== undefined) {
      if (offset.kind === 'delay') message.delayUs = offset.microseconds;
      else message.atUs = offset.microseconds;
      this.messageOffset = undefined;
    }
    this.messages.push(message);
    this.wordCount += this.messageWords.length;
    this.messageWords = [];
    this.messageWordRanges = [];
    this.messageSpan = undefined;
  }

  private finish(): void {
    if (this.pendingBytesSpan !== undefined) this.failPartialWord('at the end of the text');
    const span = this.messageSpan;
    if (span !== undefined) {
      const first = this.messageWords[0];
      const size = wordCountOf(first);
      const have = this.messageWords.length;
      this.fail(
        span,
        `the message that begins with ${formatWord(first)} is cut short: a ${messageTypeName(first >>> 28)} message (type 0x${(first >>> 28).toString(16).toUpperCase()}) has ${size} words, the text ends after ${have}`,
        `${size - have} more word(s)`,
      );
    }
    if (this.pendingOffset !== undefined) this.failDanglingOffset();
  }

  /** Words the message in progress still needs (a word spelled in bytes counts as missing). */
  private wordsStillNeeded(): number {
    const first = this.messageWords[0] ?? (this.pendingBytes[0] ?? 0) << 24;
    return wordCountOf(first) - this.messageWords.length;
  }

  private failPartialWord(where: string): never {
    const span = this.pendingBytesSpan as Span;
    const count = this.pendingBytes.length;
    this.fail(
      span,
      `${count} byte(s) ${where} do not fill a whole 32-bit word`,
      `${4 - count} more byte(s) to complete the word (4 bytes per word)`,
    );
  }

  private failDanglingOffset(): never {
    const token = (this.pendingOffset as PendingOffset).token;
    this.fail(
      spanOf(token),
      `the time offset '${token.text}' is not followed by a message on its line`,
      'the first word of a message after the time offset',
    );
  }

  /** A problem with one character of a token: the position is that character's, the token whole. */
  private failAtCharacter(
    token: HexToken,
    at: { index: number; length: number },
    message: string,
    expected: string,
  ): never {
    // Tokens never span lines, so the character's column is the token's plus its index.
    throw new ParseFailure({
      message,
      line: token.line,
      column: token.column + at.index,
      offset: token.offset + at.index,
      length: at.length,
      token: token.text,
      tokenOffset: token.offset,
      expected,
      completeMessages: this.messages.length,
    });
  }

  private fail(span: Span, message: string, expected: string): never {
    const length = span.endOffset - span.start.offset;
    throw new ParseFailure({
      message,
      line: span.start.line,
      column: span.start.column,
      offset: span.start.offset,
      length,
      token: this.text.slice(span.start.offset, span.endOffset),
      tokenOffset: span.start.offset,
      expected,
      completeMessages: this.messages.length,
    });
  }
}

function spanOf(token: HexToken): Span {
  return { start: token, endOffset: token.offset + token.text.length };
}
