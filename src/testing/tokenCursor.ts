// Walks the tokens of one line for the parsers; a problem unwinds as a ParseProblem that carries
// the diagnostic (position, token, what was expected), and parseTestFile moves on to the next line.
import type { Diagnostic, Span } from './ast';
import type { SourceLine, Token } from './lexer';

export class ParseProblem extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function spanOf(token: Token): Span {
  return { line: token.line, column: token.column, offset: token.offset, length: token.text.length };
}

export function spanBetween(first: Token, last: Token): Span {
  return {
    line: first.line,
    column: first.column,
    offset: first.offset,
    length: last.offset + last.text.length - first.offset,
  };
}

export class TokenCursor {
  private at = 0;

  constructor(public source: SourceLine) {}

  get tokens(): readonly Token[] {
    return this.source.tokens;
  }

  get index(): number {
    return this.at;
  }

  atEnd(): boolean {
    return this.at >= this.source.tokens.length;
  }

  peek(ahead = 0): Token | undefined {
    return this.source.tokens[this.at + ahead];
  }

  /** The next token, or a problem at the end of the line saying what was `expected`. */
  next(expected: string): Token {
    const token = this.source.tokens[this.at];
    if (token === undefined) throw this.problemAtEnd(`expected ${expected} here, the line ends`, expected);
    this.at++;
    return token;
  }

  /** Takes the next token when its text is `word`. */
  accept(word: string): Token | undefined {
    const token = this.peek();
    if (token?.text !== word) return undefined;
    this.at++;
    return token;
  }

  /** Nothing may follow: a problem at the first extra token otherwise. */
  expectEnd(what: string): void {
    const extra = this.peek();
    if (extra !== undefined)
      throw problem(extra, `unexpected "${extra.text}" after ${what}`, 'the end of the line');
  }

  /** Drops the last `count` tokens from what the cursor walks (trailing clauses parsed apart). */
  truncate(count: number): void {
    this.source = { ...this.source, tokens: this.source.tokens.slice(0, this.source.tokens.length - count) };
  }

  problemAtEnd(message: string, expected: string): ParseProblem {
    const last = this.source.tokens[this.source.tokens.length - 1];
    const column = last === undefined ? 0 : last.column + last.text.length;
    const offset = last === undefined ? this.source.offset : last.offset + last.text.length;
    return new ParseProblem({
      message,
      span: { line: this.source.line, column, offset, length: 0 },
      token: '',
      expected,
    });
  }
}

export function problem(token: Token, message: string, expected: string): ParseProblem {
  return new ParseProblem({ message, span: spanOf(token), token: token.text, expected });
}
