// Splits pasted hex text into tokens, skipping separators and comments. The rules:
//   separators  whitespace, `,`, brackets `[ ] { } ( )`, and `;` where it is not a comment
//   comments    `//` and `#` to the end of the line, `/* … */` (may span lines), and `;` to the end
//               of the line when it is the first character on its line (after blanks) or when it
//               follows a blank and is followed by a blank or the line's end, as in assembly:
//               `0x20903C64 ; note on` is a comment, `[0x20903C64, 0x20803C00];` a separator.
//   C preprocessor lines, as a C programmer reads them: `#define NAME value` gives its value when
//               that is one or more whole hex words (the name is skipped), any other `#define`,
//               `#include`, `#if`… is skipped; each is recorded in `skipped`, with line
//               continuations (`\`). Other `#` text is a comment, as in Python or a shell.
//   declarations of an array literal, the way C, C++, Rust, Python and JavaScript write them,
//               from the start of a line up to the bracket that opens the values:
//               `static const uint32_t ump[] = {`, `const UMP: [u32; 2] = [`, `ump = bytes([`,
//               `const ump = new Uint32Array([`; recorded in `skipped`, the values are read.
// Lines end at \n, \r\n or a lone \r, as in VS Code; columns count UTF-16 code units.
import { readHexToken } from './hexToken';

export interface HexToken {
  text: string;
  /** Character offset of the token's first character in the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** No other token came before it on its line. */
  firstOnLine: boolean;
}

/** Text the scanner passed over that a reader might have taken for content. */
export interface SkippedText {
  /** 1-based. */
  line: number;
  column: number;
  offset: number;
  length: number;
  text: string;
  /** Why, in a few words: "preprocessor directive", "#define NAME (its value is read)"… */
  reason: string;
}

const directives = new Set([
  'include',
  'if',
  'ifdef',
  'ifndef',
  'elif',
  'elifdef',
  'elifndef',
  'else',
  'endif',
  'pragma',
  'undef',
  'error',
  'warning',
  'line',
]);

/**
 * `static const uint32_t ump[] =`, `const UMP: [u32; 2] =`, `let ump: number[] =`, `ump =`, then
 * `new Uint32Array(`, `bytes(`… up to the `[` or `{` of the values (not included).
 */
const arrayDeclarationHead =
  /^[A-Za-z_][\w\s:<>,*&[\];]*?=\s*(?:(?:new\s+)?[A-Za-z_][\w.]*\s*\(\s*)?(?=[[{])/;

export interface UnterminatedComment {
  offset: number;
  line: number;
  column: number;
}

export class HexScanner {
  private position = 0;
  private line = 1;
  private lineStart = 0;
  private tokenSeenOnLine = false;
  /** Set when a `/*` comment runs to the end of the text. */
  unterminatedComment: UnterminatedComment | undefined;
  /** Preprocessor lines and macro names passed over, in order. */
  readonly skipped: SkippedText[] = [];

  constructor(private readonly text: string) {}

  /** The next token, or undefined at the end of the text (or at an unterminated block comment). */
  next(): HexToken | undefined {
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code === 0x0a || code === 0x0d) {
        this.newLine(code);
      } else if (isBlank(code) || isSeparator(code)) {
        this.position++;
      } else if (code === 0x23 /* # */ && !this.tokenSeenOnLine && this.onlyBlanksBefore()) {
        this.preprocessorLine();
      } else if (code === 0x23 /* # */ || this.startsWith('//')) {
        this.skipToLineEnd();
      } else if (this.startsWith('/*')) {
        if (!this.skipBlockComment()) return undefined;
      } else if (code === 0x3b /* ; */) {
        if (this.semicolonStartsComment()) this.skipToLineEnd();
        else this.position++;
      } else if (!this.tokenSeenOnLine && this.arrayDeclaration()) {
        continue;
      } else {
        return this.readToken();
      }
    }
    return undefined;
  }

  private readToken(): HexToken {
    const text = this.text;
    const start = this.position;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (isBlank(code) || isSeparator(code) || code === 0x0a || code === 0x0d) break;
      if (code === 0x3b /* ; */ || code === 0x23 /* # */) break;
      if (code === 0x2f /* / */ && (this.startsWith('//') || this.startsWith('/*'))) break;
      this.position++;
    }
    const token: HexToken = {
      text: text.slice(start, this.position),
      offset: start,
      line: this.line,
      column: start - this.lineStart + 1,
      firstOnLine: !this.tokenSeenOnLine,
    };
    this.tokenSeenOnLine = true;
    return token;
  }

  /**
   * At a `#` that starts its line: a directive is skipped (and recorded), a `#define` of hex
   * words leaves the scanner at its value, anything else is a comment.
   */
  private preprocessorLine(): void {
    const text = this.text;
    const start = this.position;
    const column = start - this.lineStart + 1;
    const line = this.line;
    const directive = /^#[ \t]*([A-Za-z_]+)/.exec(text.slice(start, start + 40));
    const word = directive?.[1] ?? '';
    if (word === 'define') {
      const define = /^#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)(\(?)/.exec(
        text.slice(start, this.lineEndAt(start)),
      );
      const name = define?.[1];
      if (name !== undefined && define?.[2] === '' && this.valueIsHexWords(start + define[0].length)) {
        const length = define[0].length;
        this.record(start, line, column, length, `#define ${name}: the name is skipped, its value is read`);
        this.position = start + length;
        return;
      }
      const why =
        name === undefined
          ? '#define without a name'
          : define?.[2] === '('
            ? `#define ${name}(…) is a function-like macro`
            : `#define ${name}: its value is not whole hex words`;
      this.skipDirective(start, line, column, why);
      return;
    }
    if (directives.has(word)) {
      this.skipDirective(start, line, column, `#${word}: a preprocessor directive`);
      return;
    }
    this.skipToLineEnd();
  }

  /**
   * At the first token of a line: a declaration whose value is an array literal (a name, maybe a
   * type, `=`, maybe a constructor call, then `[` or `{`) is skipped up to that bracket and
   * recorded. A line of hex never has an `=`.
   */
  private arrayDeclaration(): boolean {
    const start = this.position;
    const head = arrayDeclarationHead.exec(this.text.slice(start, this.lineEndAt(start)));
    if (head === null) return false;
    const length = head[0].trimEnd().length;
    this.record(
      start,
      this.line,
      start - this.lineStart + 1,
      length,
      'declaration: its array literal is read',
    );
    this.position = start + length;
    return true;
  }

  /** Whether the rest of the line from `from` (comments aside) is one or more 8-digit hex words. */
  private valueIsHexWords(from: number): boolean {
    const end = this.lineEndAt(from);
    const rest = this.text
      .slice(from, end)
      .replace(/\/\*.*?\*\//g, ' ')
      .replace(/\/\/.*$/, '');
    if (rest.trimEnd().endsWith('\\')) return false;
    const tokens = rest.split(/[\s,(){}[\]]+/).filter((token) => token !== '');
    return tokens.length > 0 && tokens.every((token) => readHexToken(token).kind === 'word');
  }

  /** Skips the directive's line and the lines its trailing backslashes continue it onto. */
  private skipDirective(start: number, line: number, column: number, reason: string): void {
    for (;;) {
      const end = this.lineEndAt(this.position);
      const continued = this.text.slice(this.position, end).trimEnd().endsWith('\\');
      this.position = end;
      if (!continued || end >= this.text.length) break;
      this.newLine(this.text.charCodeAt(end));
    }
    this.record(start, line, column, this.position - start, reason);
  }

  private record(offset: number, line: number, column: number, length: number, reason: string): void {
    this.skipped.push({
      line,
      column,
      offset,
      length,
      text: this.text.slice(offset, offset + length),
      reason,
    });
  }

  private lineEndAt(from: number): number {
    const text = this.text;
    let at = from;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x0a || code === 0x0d) break;
      at++;
    }
    return at;
  }

  private semicolonStartsComment(): boolean {
    const text = this.text;
    if (!this.tokenSeenOnLine && this.onlyBlanksBefore()) return true;
    const before = this.position > this.lineStart ? text.charCodeAt(this.position - 1) : -1;
    if (!isBlank(before)) return false;
    const after = this.position + 1 < text.length ? text.charCodeAt(this.position + 1) : 0x0a;
    return isBlank(after) || after === 0x0a || after === 0x0d;
  }

  private onlyBlanksBefore(): boolean {
    for (let at = this.lineStart; at < this.position; at++) {
      if (!isBlank(this.text.charCodeAt(at))) return false;
    }
    return true;
  }

  private newLine(code: number): void {
    this.position++;
    if (code === 0x0d && this.text.charCodeAt(this.position) === 0x0a) this.position++;
    this.line++;
    this.lineStart = this.position;
    this.tokenSeenOnLine = false;
  }

  private skipToLineEnd(): void {
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code === 0x0a || code === 0x0d) return;
      this.position++;
    }
  }

  /** False when the comment has no end: the scanner stops there and records where it began. */
  private skipBlockComment(): boolean {
    const start = { offset: this.position, line: this.line, column: this.position - this.lineStart + 1 };
    this.position += 2;
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code === 0x2a /* * */ && text.charCodeAt(this.position + 1) === 0x2f /* / */) {
        this.position += 2;
        return true;
      }
      if (code === 0x0a || code === 0x0d) this.newLine(code);
      else this.position++;
    }
    this.unterminatedComment = start;
    return false;
  }

  private startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position);
  }
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0xfeff;
}

function isSeparator(code: number): boolean {
  return (
    code === 0x2c /* , */ ||
    code === 0x5b /* [ */ ||
    code === 0x5d /* ] */ ||
    code === 0x7b /* { */ ||
    code === 0x7d /* } */ ||
    code === 0x28 /* ( */ ||
    code === 0x29 /* ) */
  );
}
