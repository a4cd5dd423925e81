// Formats `.ump` text: every word as 0x%08X (byte groups joined into words), one space between
// words, time offsets in a column of their own and comments lined up after the longest line of
// their block, each line starting in column 1. Array literals stay array literals
// (arrayLiteralFormat.ts). Lines it does not understand (block comments, directives, bad tokens)
// are left exactly as they are. Pure: returns the lines that change.
import { formatWord, looksLikeTimeOffset, readHexToken } from '../../ump';
import { bracketDepthChange, formatArrayLiteral, hasBracket, type LiteralLine } from './arrayLiteralFormat';
import { splitComment } from './umpFormatterLine';

export interface LineEdit {
  /** 0-based. */
  line: number;
  text: string;
}

interface ParsedLine {
  line: number;
  offset: string;
  words: string[];
  comment: string;
}

export function formatUmpText(text: string): LineEdit[] {
  const lines = text.split(/\r\n|\r|\n/);
  const edits: LineEdit[] = [];
  let block: ParsedLine[] = [];
  let inBlockComment = false;
  /** The lines of an array literal still open (its brackets not yet closed), and its depth. */
  let literal: LiteralLine[] = [];
  let depth = 0;
  const flush = (): void => {
    edits.push(...formatBlock(block, lines));
    block = [];
  };
  const flushLiteral = (): void => {
    const formatted = formatArrayLiteral(literal) ?? [];
    edits.push(...formatted.filter((edit) => edit.text !== lines[edit.line]));
    literal = [];
    depth = 0;
  };
  lines.forEach((lineText, index) => {
    if (literal.length > 0 && lineText.trim() === '') flushLiteral();
    if (literal.length > 0 || (!inBlockComment && hasBracket(lineText))) {
      flush();
      literal.push({ line: index, text: lineText });
      inBlockComment = blockCommentOpenAfter(lineText, inBlockComment);
      depth += bracketDepthChange(lineText);
      if (depth <= 0) flushLiteral();
      return;
    }
    if (inBlockComment || lineText.includes('/*')) {
      inBlockComment = blockCommentOpenAfter(lineText, inBlockComment);
      flush();
      return;
    }
    const parsed = parseLine(lineText, index);
    if (parsed === undefined) flush();
    else if (parsed.words.length === 0 && parsed.offset === '') {
      // A blank or comment-only line: it ends a block (blank) or keeps its place (comment).
      if (lineText.trim() === '') flush();
    } else block.push(parsed);
  });
  flush();
  flushLiteral();
  return edits;
}

function formatBlock(block: ParsedLine[], lines: string[]): LineEdit[] {
  if (block.length === 0) return [];
  const offsetWidth = Math.max(...block.map((line) => line.offset.length));
  const code = block.map((line) => {
    const offset = offsetWidth === 0 ? '' : line.offset.padEnd(offsetWidth) + ' ';
    return offset + line.words.join(' ');
  });
  const commentColumn = Math.max(...code.map((text, i) => (block[i].comment === '' ? 0 : text.length)));
  const edits: LineEdit[] = [];
  block.forEach((line, i) => {
    const formatted =
      line.comment === '' ? code[i].trimEnd() : `${code[i].padEnd(commentColumn)} ${line.comment}`;
    if (formatted !== lines[line.line]) edits.push({ line: line.line, text: formatted });
  });
  return edits;
}

/** A line of words (and an optional leading time offset and trailing comment), or undefined. */
function parseLine(lineText: string, line: number): ParsedLine | undefined {
  const { code, comment } = splitComment(lineText.trimStart());
  const tokens = code.split(/\s+/).filter((token) => token !== '');
  let offset = '';
  if (tokens.length > 0 && looksLikeTimeOffset(tokens[0])) offset = tokens.shift() ?? '';
  const bytes: number[] = [];
  const words: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('#')) return undefined;
    const value = readHexToken(token);
    if (value.kind === 'problem') return undefined;
    if (value.kind === 'word') {
      if (bytes.length > 0) return undefined;
      words.push(formatWord(value.word));
    } else {
      bytes.push(...value.bytes);
      if (bytes.length === 4) {
        words.push(formatWord(((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0));
        bytes.length = 0;
      }
    }
  }
  if (bytes.length > 0) return undefined;
  return { line, offset, words, comment };
}

function blockCommentOpenAfter(line: string, open: boolean): boolean {
  let state = open;
  for (let at = 0; at < line.length - 1; at++) {
    if (!state && line.startsWith('/*', at)) {
      state = true;
      at++;
    } else if (state && line.startsWith('*/', at)) {
      state = false;
      at++;
    }
  }
  return state;
}
