// What the editor features know about a `.ump` text: its blocks (runs of lines between blank
// lines), each parsed on its own so that one bad token does not hide the rest of the file, the
// messages with where each word was written, and the conformance problems of every message in
// document order (one stream). Pure: no vscode, so it is unit-tested and benchmarked in Node.
import {
  UmpStreamChecker,
  checkUmp,
  parseUmpHex,
  type SkippedText,
  type UmpHexParseError,
  type UmpProblem,
} from '../../ump';
import { readEndpointDirective, type EndpointDirective } from './endpointDirectives';

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
  /** Its own problems and those it has in the document's stream (after what came before). */
  problems: readonly UmpProblem[];
  /** Its problems on its own (checkUmp), kept so an edit elsewhere need not check it again. */
  ownProblems: readonly UmpProblem[];
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
  /** `#endpoint` lines in document order; each ends the block above it (endpointDirectives.ts). */
  endpointDirectives: EndpointDirective[];
}

/** A model and the text it was built from: what an edit's new model starts from. */
export interface BuiltUmpDocument {
  text: string;
  model: UmpDocumentModel;
}

/**
 * The model of `text`. Given the model of an earlier version, blocks whose text the edit did not
 * touch (they lie wholly before or after the changed span) are taken over, moved by the edit,
 * instead of parsed again; the result is the same as a fresh build. The stream check runs over
 * the whole document again (it depends on everything before a message), reusing each message's
 * own problems.
 */
export function buildUmpDocumentModel(text: string, previous?: BuiltUmpDocument): UmpDocumentModel {
  const reuse = previous === undefined ? undefined : reusableBlocks(previous, text);
  const blocks: UmpBlock[] = [];
  const { ranges, endpointDirectives } = blockRanges(text);
  for (const range of ranges) {
    const block = reuse?.(range) ?? parseBlock(text, range);
    if (block.error !== undefined || block.messages.length > 0 || block.skipped.length > 0)
      blocks.push(block);
  }
  return { ...checkAsOneStream(blocks), endpointDirectives };
}

function parseBlock(text: string, range: BlockRange): UmpBlock {
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
    return block;
  }
  block.skipped = parsed.skipped.map((skipped) => ({
    ...skipped,
    line: skipped.line + range.startLine,
    offset: skipped.offset + range.startOffset,
  }));
  for (const message of parsed.messages) {
    const timed = message.delayUs !== undefined || message.atUs !== undefined;
    const ownProblems = checkUmp(message.words);
    block.timed ||= timed;
    block.messages.push({
      words: message.words,
      wordRanges: message.wordRanges.map((word) => ({
        offset: word.offset + range.startOffset,
        length: word.length,
      })),
      line: message.line - 1 + range.startLine,
      ownProblems,
      problems: ownProblems,
      timed,
    });
  }
  return block;
}

/**
 * Which blocks of the previous version can be taken over for a range of the new text: the text
 * both versions share at the start and at the end is found, and a range lying wholly in either
 * with an old block of exactly its span (moved by the edit, for the end) has the same text.
 */
function reusableBlocks(
  previous: BuiltUmpDocument,
  text: string,
): (range: BlockRange) => UmpBlock | undefined {
  const old = previous.text;
  const shorter = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  const delta = text.length - old.length;
  const byStart = new Map(previous.model.blocks.map((block) => [block.startOffset, block]));
  return (range) => {
    if (range.endOffset <= prefix) {
      const block = byStart.get(range.startOffset);
      return block?.endOffset === range.endOffset ? block : undefined;
    }
    if (range.startOffset < text.length - suffix) return undefined;
    const block = byStart.get(range.startOffset - delta);
    if (block?.endOffset !== range.endOffset - delta) return undefined;
    return movedBlock(block, delta, range.startLine - block.startLine);
  };
}

function movedBlock(block: UmpBlock, delta: number, lines: number): UmpBlock {
  if (delta === 0 && lines === 0) return block;
  const moved: UmpBlock = {
    ...block,
    startLine: block.startLine + lines,
    endLine: block.endLine + lines,
    startOffset: block.startOffset + delta,
    endOffset: block.endOffset + delta,
    skipped: block.skipped.map((skipped) => ({
      ...skipped,
      line: skipped.line + lines,
      offset: skipped.offset + delta,
    })),
    messages: block.messages.map((message) => ({
      ...message,
      line: message.line + lines,
      wordRanges: message.wordRanges.map((word) => ({ offset: word.offset + delta, length: word.length })),
    })),
  };
  if (block.error !== undefined) {
    moved.error = {
      ...block.error,
      line: block.error.line + lines,
      offset: block.error.offset + delta,
      tokenOffset: block.error.tokenOffset + delta,
    };
  }
  return moved;
}

/** Every message's problems: its own and those the messages before it in the document give it. */
function checkAsOneStream(blocks: UmpBlock[]): Omit<UmpDocumentModel, 'endpointDirectives'> {
  const checker = new UmpStreamChecker();
  const messages: LocatedMessage[] = [];
  const checked = blocks.map((block) => {
    if (block.messages.length === 0) return block;
    const located = block.messages.map((message) => {
      const inStream = checker.checkInStream(message.words, 0);
      const problems = inStream.length === 0 ? message.ownProblems : [...message.ownProblems, ...inStream];
      const result = problems === message.problems ? message : { ...message, problems };
      messages.push(result);
      return result;
    });
    return located.every((message, i) => message === block.messages[i])
      ? block
      : { ...block, messages: located };
  });
  return { blocks: checked, messages };
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

/**
 * Runs of non-blank lines, and the `#endpoint` lines, which end a run; a `/* … *\/` comment that
 * spans a blank line keeps its block whole.
 */
function blockRanges(text: string): { ranges: BlockRange[]; endpointDirectives: EndpointDirective[] } {
  const ranges: BlockRange[] = [];
  const endpointDirectives: EndpointDirective[] = [];
  let current: BlockRange | undefined;
  let inComment = false;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    const lineText = text.slice(start, end);
    const blank = lineText.trim() === '' && !inComment;
    const directive = inComment ? undefined : readEndpointDirective(lineText, line, start);
    inComment = commentStateAfter(lineText, inComment);
    if (directive !== undefined) endpointDirectives.push(directive);
    if (blank || directive !== undefined) {
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
  return { ranges, endpointDirectives };
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
