// Splits one line of a test file into tokens with their positions: words separated by blanks,
// "quoted strings" kept whole, a `#` outside quotes starting a comment. What a token means is the
// parser's business (a number is decimal in `note 60` but hex in `data 7E 7F`).

export interface Token {
  text: string;
  /** The string's contents without quotes, for quoted tokens. */
  quoted?: string;
  /** 0-based line and column, and the character offset in the whole file. */
  line: number;
  column: number;
  offset: number;
}

export interface SourceLine {
  /** 0-based. */
  line: number;
  /** Offset of the line's first character in the file. */
  offset: number;
  tokens: Token[];
  /** An unterminated string, reported by the parser with its position. */
  unterminated?: Token;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = 0;
  const raw = text.split('\n');
  raw.forEach((content, line) => {
    lines.push(tokenizeLine(content.replace(/\r$/, ''), line, offset));
    offset += content.length + 1;
  });
  return lines;
}

function tokenizeLine(content: string, line: number, lineOffset: number): SourceLine {
  const tokens: Token[] = [];
  let unterminated: Token | undefined;
  let at = 0;
  while (at < content.length) {
    const ch = content[at];
    if (ch === ' ' || ch === '\t') {
      at++;
      continue;
    }
    if (ch === '#') break;
    const start = at;
    if (ch === '"') {
      const close = content.indexOf('"', at + 1);
      const end = close < 0 ? content.length : close + 1;
      const token: Token = {
        text: content.slice(start, end),
        quoted: content.slice(start + 1, close < 0 ? end : close),
        line,
        column: start,
        offset: lineOffset + start,
      };
      if (close < 0) unterminated = token;
      tokens.push(token);
      at = end;
      continue;
    }
    while (at < content.length && !/[ \t#"]/.test(content[at])) at++;
    tokens.push({ text: content.slice(start, at), line, column: start, offset: lineOffset + start });
  }
  return { line, offset: lineOffset, tokens, unterminated };
}
