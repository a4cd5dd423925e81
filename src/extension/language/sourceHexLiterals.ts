// Finds UMP in source code: the 32-bit hex literal under the cursor, or the array literal around
// it, when its words split exactly into whole messages of plausible types. Quiet otherwise: short
// literals, arrays of other constants, reserved types and statuses, zero. Pure.
import { UMP_WORD_COUNTS, checkUmp } from '../../ump';

export interface SourceUmp {
  /** The messages, each its words. */
  messages: number[][];
  /** Document offsets of the literal or the array. */
  start: number;
  end: number;
}

const literal = /0[xX][0-9a-fA-F_']+(?:[uU](?:[lL]{0,2}|32)?|[lL]{1,2}[uU]?|n|i32)?/g;
/** How far an array may reach from the literal under the cursor. */
const arrayReach = 4000;
const silencing = new Set(['reservedMessageType', 'reservedStatus', 'incompleteMessage']);

export function findSourceUmp(text: string, offset: number): SourceUmp | undefined {
  const here = literalAt(text, offset);
  if (here === undefined) return undefined;
  const array = enclosingArray(text, here.start, here.end);
  if (array !== undefined) {
    const words = literalsIn(text.slice(array.start, array.end));
    if (words === undefined) return undefined;
    const messages = splitMessages(words);
    return messages === undefined ? undefined : { messages, start: array.start, end: array.end };
  }
  const word = wordOf(text.slice(here.start, here.end));
  if (word === undefined || UMP_WORD_COUNTS[word >>> 28] !== 1) return undefined;
  const messages = splitMessages([word]);
  return messages === undefined ? undefined : { messages, start: here.start, end: here.end };
}

function literalAt(text: string, offset: number): { start: number; end: number } | undefined {
  const from = Math.max(0, offset - 40);
  const window = text.slice(from, offset + 40);
  for (const match of window.matchAll(literal)) {
    const start = from + (match.index ?? 0);
    const end = start + match[0].length;
    if (offset >= start && offset <= end) return { start, end };
  }
  return undefined;
}

/** The `{ … }` or `[ … ]` around a literal, if only literals, commas and blanks are inside. */
function enclosingArray(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  let left = start - 1;
  while (left >= 0 && start - left < arrayReach && isArrayInside(text[left])) left--;
  if (left < 0 || (text[left] !== '{' && text[left] !== '[')) return undefined;
  let right = end;
  while (right < text.length && right - end < arrayReach && isArrayInside(text[right])) right++;
  const close = text[left] === '{' ? '}' : ']';
  if (text[right] !== close) return undefined;
  return { start: left, end: right + 1 };
}

function isArrayInside(char: string): boolean {
  return /[0-9a-fA-FxXuUlLn_',\s]/.test(char);
}

/** Every literal in an array's text, each 8 hex digits, or undefined if any is not. */
function literalsIn(arrayText: string): number[] | undefined {
  const words: number[] = [];
  const rest = arrayText.slice(1, -1).replace(literal, (match) => {
    const word = wordOf(match);
    if (word === undefined) words.push(-1);
    else words.push(word);
    return ' ';
  });
  if (!/^[\s,]*$/.test(rest) || words.length === 0 || words.includes(-1)) return undefined;
  return words;
}

/** A literal's value when it has exactly 8 hex digits (a whole 32-bit word). */
function wordOf(text: string): number | undefined {
  const digits = /^0[xX]([0-9a-fA-F_']+)/.exec(text)?.[1].replace(/[_']/g, '');
  if (digits === undefined || digits.length !== 8) return undefined;
  return parseInt(digits, 16) >>> 0;
}

function splitMessages(words: number[]): number[][] | undefined {
  if (words.every((word) => word === 0)) return undefined;
  const messages: number[][] = [];
  for (let at = 0; at < words.length;) {
    const size = UMP_WORD_COUNTS[words[at] >>> 28];
    if (at + size > words.length) return undefined;
    const message = words.slice(at, at + size);
    if (checkUmp(message).some((problem) => silencing.has(problem.code))) return undefined;
    messages.push(message);
    at += size;
  }
  return messages;
}
