// Formats `.ump` text: every word as 0x%08X (byte groups joined into words), one space between
// words, time offsets in a column of their own and comments lined up after the longest line of
// their block, each line starting in column 1. Lines it does not understand (array literals, block comments, directives) are left
// exactly as they are. Pure: returns the lines that change.
import { formatWord, looksLikeTimeOffset, readHexToken } from '../../ump';

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
  const flush = (): void => {
    edits.push(...formatBlock(block, lines));
    block = [];
  };
  lines.forEach((lineText, index) => {
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

/** The code before a `//`, `#` or ` ;` comment, and the comment (kept as written). */
function splitComment(text: string): { code: string; comment: string } {
  const match = /(\/\/|#|(?:^|\s);)/.exec(text);
  if (match === undefined || match === null) return { code: text, comment: '' };
  const at = match.index + (match[0].length > 1 && match[0] !== '//' ? 1 : 0);
  return { code: text.slice(0, at), comment: text.slice(at).trimEnd() };
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
