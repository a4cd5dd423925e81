// Compares two captures message by message, ignoring timestamps: the messages are aligned as a
// text diff aligns lines (src/capture/messageAlignment.ts: unique-message anchors, then Myers'
// shortest edit script between them), so one missing message does not shift every later one
// into a difference. A run of
// deletions met by insertions at the same place counts as changed messages, pair by pair.
// Options leave out JR clock/timestamps, NOOPs and timing clock before aligning.
import { decodeUmp, fieldsWithNumbering, type GroupChannelNumbering } from '../ump';
import { hexDigits } from '../ump/hex';
import { slotWords, type CaptureTable } from './captureTable';
import { MessageInterner } from './messageInterner';
import { alignMessages } from './messageAlignment';

export interface CompareOptions {
  ignoreJrTimestamps?: boolean;
  ignoreNoops?: boolean;
  ignoreClock?: boolean;
  /** Above this many edits a gap is paired by position instead (keeps huge diffs fast). */
  maxEdits?: number;
  /** Stretches longer than this are first cut at messages unique on both sides (default 4096). */
  anchorAbove?: number;
}

export type CompareRow =
  | { kind: 'same'; left: number; right: number }
  | { kind: 'changed'; left: number; right: number }
  | { kind: 'missing'; left: number }
  | { kind: 'added'; right: number };

export interface CompareResult {
  rows: CompareRow[];
  same: number;
  changed: number;
  /** In the left capture only. */
  missing: number;
  /** In the right capture only. */
  added: number;
  /** Messages left out by the options, per side. */
  ignored: [number, number];
  /** True when the edit limit was reached and the middle was paired by position. */
  approximate: boolean;
}

/** Whether the options leave this message out. */
export function isIgnored(first: number, options: CompareOptions): boolean {
  const type = first >>> 28;
  if (type === 0x0) {
    const status = (first >>> 20) & 0xf;
    if (status === 0x0) return options.ignoreNoops === true;
    if (status === 0x1 || status === 0x2) return options.ignoreJrTimestamps === true;
    return false;
  }
  return options.ignoreClock === true && type === 0x1 && ((first >>> 16) & 0xff) === 0xf8;
}

/** Indexes of the messages that take part, and the id of each (equal words, equal id). */
function keysOf(
  table: CaptureTable,
  options: CompareOptions,
  ids: MessageInterner,
): { keys: Int32Array; indexes: Int32Array; ignored: number } {
  const keys = new Int32Array(table.count);
  const indexes = new Int32Array(table.count);
  let n = 0;
  const slots = table.slots;
  for (let i = 0; i < table.count; i++) {
    const at = i * slotWords;
    if (isIgnored(slots[at], options)) continue;
    keys[n] = ids.idOf(slots, at);
    indexes[n++] = i;
  }
  return { keys: keys.subarray(0, n), indexes: indexes.subarray(0, n), ignored: table.count - n };
}

export function compareCaptures(
  left: CaptureTable,
  right: CaptureTable,
  options: CompareOptions = {},
): CompareResult {
  const ids = new MessageInterner(Math.min(left.count + right.count, 1 << 16));
  const l = keysOf(left, options, ids);
  const r = keysOf(right, options, ids);
  const result: CompareResult = {
    rows: [],
    same: 0,
    changed: 0,
    missing: 0,
    added: 0,
    ignored: [l.ignored, r.ignored],
    approximate: false,
  };
  const alignment = alignMessages(l.keys, r.keys, {
    maxEdits: options.maxEdits ?? 4000,
    anchorAbove: options.anchorAbove ?? 4096,
    idCount: ids.size,
  });
  result.approximate = alignment.approximate;
  const push = (row: CompareRow): void => {
    result.rows.push(row);
    result[row.kind === 'same' ? 'same' : row.kind]++;
  };
  let x = 0;
  let y = 0;
  let deletions: number[] = [];
  let insertions: number[] = [];
  const flush = (): void => {
    const paired = Math.min(deletions.length, insertions.length);
    for (let i = 0; i < paired; i++) push({ kind: 'changed', left: deletions[i], right: insertions[i] });
    for (let i = paired; i < deletions.length; i++) push({ kind: 'missing', left: deletions[i] });
    for (let i = paired; i < insertions.length; i++) push({ kind: 'added', right: insertions[i] });
    deletions = [];
    insertions = [];
  };
  for (const op of alignment.ops) {
    if (op === 0) {
      flush();
      push({ kind: 'same', left: l.indexes[x++], right: r.indexes[y++] });
    } else if (op === 1) deletions.push(l.indexes[x++]);
    else insertions.push(r.indexes[y++]);
  }
  flush();
  return result;
}

/**
 * One message as a line of its fields: a text diff of two such lines shows which fields differ.
 * Groups and channels are numbered as the monitor numbers them (midiScope.display.numbering).
 */
export function messageLine(table: CaptureTable, index: number, numbering: GroupChannelNumbering): string {
  const words = table.words(index);
  const decoded = decodeUmp(words, 0);
  let line = decoded.name;
  for (const field of fieldsWithNumbering(decoded.fields, numbering))
    line += ` | ${field.name} ${field.display}${field.unit ? ' ' + field.unit : ''}`;
  let hex = '';
  for (const word of words) hex += (hex ? ' ' : '') + hexDigits(word, 8);
  return `${line.replace(/[\r\n]+/g, ' ')}   [${hex}]`;
}

/**
 * The two sides as aligned texts for a diff editor: equal messages on both, a missing message
 * only on the left, an added one only on the right; the diff editor then marks the lines and,
 * in a changed pair, the fields that differ. Groups and channels under `numbering`.
 */
export function compareTexts(
  left: CaptureTable,
  right: CaptureTable,
  result: CompareResult,
  numbering: GroupChannelNumbering,
): { left: string; right: string } {
  // A capture repeats a few messages many times (notes, clock): each distinct one is rendered once.
  const ids = new MessageInterner(1024);
  const lines: string[] = [];
  const lineOf = (table: CaptureTable, index: number): string => {
    const id = ids.idOf(table.slots, index * slotWords);
    return (lines[id] ??= messageLine(table, index, numbering));
  };
  const leftLines: string[] = [];
  const rightLines: string[] = [];
  for (const row of result.rows) {
    // No message numbers in the lines: they shift after a missing message and would mark every
    // later line as changed.
    if (row.kind !== 'added') leftLines.push(lineOf(left, row.left));
    if (row.kind !== 'missing') rightLines.push(lineOf(right, row.right));
  }
  return { left: leftLines.join('\n') + '\n', right: rightLines.join('\n') + '\n' };
}
