// What the editor features know about a `.ump` text: its blocks (runs of lines between blank
// lines), each parsed on its own so that one bad token does not hide the rest of the file, the
// messages with where each word was written, and the conformance problems of every message in
// document order (one stream). Pure: no vscode, so it is unit-tested and benchmarked in Node.
import {
  UmpStreamChecker,
  parseUmpHex,
  type SkippedText,
  type UmpHexParseError,
  type UmpProblem,
} from '../../ump';

export interface WordRange {
  /** Character offset in the document. */
  offset: number;
  length: number;
}

export interface LocatedMessage {
  words: Uint32Array;
  wordRanges: WordRange[];
  /** 0-based line of the first word. */
  line: number;
  problems: UmpProblem[];
  timed: boolean;
}

export interface UmpBlock {
  /** 0-based, inclusive. */
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  messages: LocatedMessage[];
  /** The block's first parse error, offsets in the document; then `messages` is empty. */
  error?: UmpHexParseError;
  skipped: SkippedText[];
  /** Some message has a `+10ms` / `@1s` offset: it can be scheduled, not sent now. */
  timed: boolean;
}

export interface UmpDocumentModel {
  blocks: UmpBlock[];
  /** Every parsed message in document order (for lookups by offset). */
  messages: LocatedMessage[];
}

export function buildUmpDocumentModel(text: string): UmpDocumentModel {
  const blocks: UmpBlock[] = [];
  const messages: LocatedMessage[] = [];
  const checker = new UmpStreamChecker();
  for (const range of blockRanges(text)) {
    const blockText = text.slice(range.startOffset, range.endOffset);
    const parsed = parseUmpHex(blockText, { allowTimeOffsets: true });
    const block: UmpBlock = { ...range, messages: [], skipped: [], timed: false };
    if (!parsed.ok) {
      block.error = {
        ...parsed.error,
        line: parsed.error.line + range.startLine,
        offset: parsed.error.offset + range.startOffset,
        tokenOffset: parsed.error.tokenOffset + range.startOffset,
      };
    } else {
      block.skipped = parsed.skipped.map((skipped) => ({
        ...skipped,
        line: skipped.line + range.startLine,
        offset: skipped.offset + range.startOffset,
      }));
      for (const message of parsed.messages) {
        const timed = message.delayUs !== undefined || message.atUs !== undefined;
        const located: LocatedMessage = {
          words: message.words,
          wordRanges: message.wordRanges.map((word) => ({
            offset: word.offset + range.startOffset,
            length: word.length,
          })),
          line: message.line - 1 + range.startLine,
          problems: checker.check(message.words, 0),
          timed,
        };
        block.timed ||= timed;
        block.messages.push(located);
        messages.push(located);
      }
    }
    if (block.error !== undefined || block.messages.length > 0 || block.skipped.length > 0)
      blocks.push(block);
  }
  return { blocks, messages };
}

/** The message with a word at `offset` (binary search over document order), if any. */
export function messageAt(model: UmpDocumentModel, offset: number): LocatedMessage | undefined {
  const list = model.messages;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const message = list[middle];
    const first = message.wordRanges[0];
    const last = message.wordRanges[message.wordRanges.length - 1];
    if (offset < first.offset) high = middle - 1;
    else if (offset > last.offset + last.length) low = middle + 1;
    else return message;
  }
  return undefined;
}

interface BlockRange {
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
}

/** Runs of non-blank lines; a `/* … *\/` comment that spans a blank line keeps its block whole. */
function blockRanges(text: string): BlockRange[] {
  const ranges: BlockRange[] = [];
  let current: BlockRange | undefined;
  let inComment = false;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const lineText = text.slice(start, end);
    const blank = lineText.trim() === '' && !inComment;
    inComment = commentStateAfter(lineText, inComment);
    if (blank) {
      if (current !== undefined) ranges.push(current);
      current = undefined;
    } else if (current === undefined) {
      current = { startLine: line, endLine: line, startOffset: start, endOffset: end };
    } else {
      current.endLine = line;
      current.endOffset = end;
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    line++;
  }
  if (current !== undefined) ranges.push(current);
  return ranges;
}

function commentStateAfter(line: string, inComment: boolean): boolean {
  let open = inComment;
  for (let at = 0; at < line.length - 1; at++) {
    if (!open && line[at] === '/' && line[at + 1] === '/') return false;
    if (!open && line[at] === '/' && line[at + 1] === '*') {
      open = true;
      at++;
    } else if (open && line[at] === '*' && line[at + 1] === '/') {
      open = false;
      at++;
    }
  }
  return open;
}
