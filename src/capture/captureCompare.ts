// Compares two captures message by message, ignoring timestamps: the messages are aligned as a
// text diff aligns lines (Myers' O((N+M)·D) shortest edit script, after the common prefix and
// suffix), so one missing message does not shift every later one into a difference. A run of
// deletions met by insertions at the same place counts as changed messages, pair by pair.
// Options leave out JR clock/timestamps, NOOPs and timing clock before aligning.
import { decodeUmp } from '../ump';
import { hexDigits } from '../ump/hex';
import type { CaptureTable } from './captureTable';

export interface CompareOptions {
  ignoreJrTimestamps?: boolean;
  ignoreNoops?: boolean;
  ignoreClock?: boolean;
  /** Above this many edits the middle is paired by position instead (keeps huge diffs fast). */
  maxEdits?: number;
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

/** Indexes of the messages that take part, and an id per distinct message (equal words, equal id). */
function keysOf(
  table: CaptureTable,
  options: CompareOptions,
  ids: Map<string, number>,
): { keys: Int32Array; indexes: Int32Array; ignored: number } {
  const keys = new Int32Array(table.count);
  const indexes = new Int32Array(table.count);
  let n = 0;
  const slots = table.slots;
  for (let i = 0; i < table.count; i++) {
    const at = i * 4;
    if (isIgnored(slots[at], options)) continue;
    const key = `${slots[at]},${slots[at + 1]},${slots[at + 2]},${slots[at + 3]}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    keys[n] = id;
    indexes[n++] = i;
  }
  return { keys: keys.subarray(0, n), indexes: indexes.subarray(0, n), ignored: table.count - n };
}

type Op = 0 | 1 | 2; // same, delete (left only), insert (right only)

/** Myers' shortest edit script between a and b, or undefined past `maxEdits`. */
function editScript(a: Int32Array, b: Int32Array, maxEdits: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, a, b);
    }
  }
  return undefined;
}

function backtrack(
  trace: Int32Array[],
  last: number,
  n: number,
  m: number,
  a: Int32Array,
  b: Int32Array,
): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const saved = trace[d];
    // saved covers k from -d-1 to d+1: index = k + d + 1.
    const at = (k: number): number => saved[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push(0);
      x--;
      y--;
    }
    ops.push(x === previousX ? 2 : 1);
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
    ops.push(0);
    x--;
    y--;
  }
  return ops.reverse();
}

export function compareCaptures(
  left: CaptureTable,
  right: CaptureTable,
  options: CompareOptions = {},
): CompareResult {
  const ids = new Map<string, number>();
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
  let start = 0;
  while (start < l.keys.length && start < r.keys.length && l.keys[start] === r.keys[start]) start++;
  let endL = l.keys.length;
  let endR = r.keys.length;
  while (endL > start && endR > start && l.keys[endL - 1] === r.keys[endR - 1]) {
    endL--;
    endR--;
  }
  const push = (row: CompareRow): void => {
    result.rows.push(row);
    result[row.kind === 'same' ? 'same' : row.kind]++;
  };
  for (let i = 0; i < start; i++) push({ kind: 'same', left: l.indexes[i], right: r.indexes[i] });

  const a = l.keys.subarray(start, endL);
  const b = r.keys.subarray(start, endR);
  let ops = editScript(a, b, options.maxEdits ?? 4000);
  if (!ops) {
    result.approximate = true;
    ops = [];
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) {
      if (a[i] === b[i]) ops.push(0);
      else ops.push(1, 2);
    }
    for (let i = common; i < a.length; i++) ops.push(1);
    for (let i = common; i < b.length; i++) ops.push(2);
  }
  let x = start;
  let y = start;
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
  for (const op of ops) {
    if (op === 0) {
      flush();
      push({ kind: 'same', left: l.indexes[x++], right: r.indexes[y++] });
    } else if (op === 1) deletions.push(l.indexes[x++]);
    else insertions.push(r.indexes[y++]);
  }
  flush();
  for (let i = 0; i < l.keys.length - endL; i++)
    push({ kind: 'same', left: l.indexes[endL + i], right: r.indexes[endR + i] });
  return result;
}

/** One message as a line of its fields: a text diff of two such lines shows which fields differ. */
export function messageLine(table: CaptureTable, index: number): string {
  const words = table.words(index);
  const decoded = decodeUmp(words, 0);
  let line = decoded.name;
  for (const field of decoded.fields)
    line += ` | ${field.name} ${field.display}${field.unit ? ' ' + field.unit : ''}`;
  let hex = '';
  for (const word of words) hex += (hex ? ' ' : '') + hexDigits(word, 8);
  return `${line.replace(/[\r\n]+/g, ' ')}   [${hex}]`;
}

/**
 * The two sides as aligned texts for a diff editor: equal messages on both, a missing message
 * only on the left, an added one only on the right; the diff editor then marks the lines and,
 * in a changed pair, the fields that differ.
 */
export function compareTexts(
  left: CaptureTable,
  right: CaptureTable,
  result: CompareResult,
): { left: string; right: string } {
  const leftLines: string[] = [];
  const rightLines: string[] = [];
  for (const row of result.rows) {
    // No message numbers in the lines: they shift after a missing message and would mark every
    // later line as changed.
    if (row.kind !== 'added') leftLines.push(messageLine(left, row.left));
    if (row.kind !== 'missing') rightLines.push(messageLine(right, row.right));
  }
  return { left: leftLines.join('\n') + '\n', right: rightLines.join('\n') + '\n' };
}
