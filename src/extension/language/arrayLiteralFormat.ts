// Formats an array literal pasted into a `.ump` file (`{0x20903c64, 0x20803C00}`, a Rust or
// JavaScript `[…]`, several lines with comments) and keeps it an array literal: words as
// 0x%08X, byte elements as 0x%02X (a uint8_t dump stays bytes: joining them would guess their
// order), commas and brackets kept where they were written with one space after a comma, lines
// inside the brackets indented under the first element (or four spaces in when the bracket ends
// its line), comments lined up after the longest line. A declaration line (`static const
// uint32_t ump[] = {`, `const UMP: [u32; 4] = [`: it has an `=`) is kept as written. Pure.
import { formatWord, looksLikeTimeOffset, readHexToken } from '../../ump';
import { splitComment } from './umpFormatterLine';

export interface LiteralLine {
  /** 0-based. */
  line: number;
  text: string;
}

/** The net bracket depth a line's code changes, comments aside. */
export function bracketDepthChange(lineText: string): number {
  let depth = 0;
  for (const char of splitComment(lineText).code) {
    if (char === '[' || char === '{' || char === '(') depth++;
    else if (char === ']' || char === '}' || char === ')') depth--;
  }
  return depth;
}

/** Whether a line's code (comments aside) has a bracket, i.e. starts or ends an array literal. */
export function hasBracket(lineText: string): boolean {
  return /[[\]{}()]/.test(splitComment(lineText).code);
}

type Token =
  | { kind: 'open' | 'close' | 'comma' | 'semicolon'; text: string }
  | { kind: 'value' | 'offset'; text: string };

/**
 * The lines of one array literal (from the line that opens it to the line that closes it),
 * formatted; undefined when a line holds something that is neither hex, a bracket nor a
 * declaration (a bad token, a `/*` comment, a line that starts with `#`): then it is left as written.
 */
export function formatArrayLiteral(lines: readonly LiteralLine[]): LiteralLine[] | undefined {
  /** Columns where the lines inside each open bracket start, innermost last. */
  const indents: number[] = [];
  const rendered: Array<{ line: number; code: string; comment: string; keep?: string }> = [];
  for (const { line, text } of lines) {
    if (text.includes('/*') || /^\s*#/.test(text)) return undefined;
    const { code, comment } = splitComment(text.trim());
    if (code.includes('=')) {
      // A declaration: kept as written, its brackets still count.
      rendered.push({ line, code: '', comment: '', keep: text.trimEnd() });
      for (let depth = bracketDepthChange(text); depth > 0; depth--) indents.push(4 * (indents.length + 1));
      for (let depth = bracketDepthChange(text); depth < 0; depth++) indents.pop();
      continue;
    }
    const tokens = tokenize(code);
    if (tokens === undefined) return undefined;
    if (tokens.length === 0) {
      // A comment on a line of its own keeps to the elements' indent.
      const indent = indents.length === 0 ? 0 : indents[indents.length - 1];
      rendered.push({ line, code: '', comment: '', keep: ' '.repeat(indent) + comment });
      continue;
    }
    const leadingCloses = tokens.findIndex((token) => token.kind !== 'close');
    const closedFirst = leadingCloses === -1 ? tokens.length : leadingCloses;
    const indentDepth = Math.max(0, indents.length - closedFirst);
    const indent = indentDepth === 0 ? 0 : indents[indentDepth - 1];
    let out = ' '.repeat(indent);
    tokens.forEach((token, i) => {
      const previous = tokens[i - 1];
      const tight =
        i === 0 ||
        previous.kind === 'open' ||
        token.kind === 'close' ||
        token.kind === 'comma' ||
        token.kind === 'semicolon';
      if (!tight) out += ' ';
      if (token.kind === 'open') {
        out += token.text;
        // Elements after it on this line: the next lines line up under the first; else 4 in.
        indents.push(i + 1 < tokens.length ? out.length : indent + 4);
      } else {
        if (token.kind === 'close') indents.pop();
        out += token.text;
      }
    });
    rendered.push({ line, code: out, comment });
  }
  const commentColumn = Math.max(0, ...rendered.map((r) => (r.comment === '' ? 0 : r.code.length)));
  return rendered.map(({ line, code, comment, keep }) => ({
    line,
    text: keep ?? (comment === '' ? code : `${code.padEnd(commentColumn)} ${comment}`),
  }));
}

function tokenize(code: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (const [raw] of code.matchAll(/[[{(]|[\]})]|,|;|[^\s[\]{}(),;]+/g)) {
    if ('[{('.includes(raw)) tokens.push({ kind: 'open', text: raw });
    else if (']})'.includes(raw)) tokens.push({ kind: 'close', text: raw });
    else if (raw === ',') tokens.push({ kind: 'comma', text: raw });
    else if (raw === ';') tokens.push({ kind: 'semicolon', text: raw });
    else if (tokens.length === 0 && looksLikeTimeOffset(raw)) tokens.push({ kind: 'offset', text: raw });
    else {
      const value = readHexToken(raw);
      if (value.kind === 'problem') return undefined;
      tokens.push({
        kind: 'value',
        text:
          value.kind === 'word'
            ? formatWord(value.word)
            : `0x${value.bytes.map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join('')}`,
      });
    }
  }
  return tokens;
}
