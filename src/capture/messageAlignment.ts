// Aligns two sequences of message ids as a text diff aligns lines. Small stretches get Myers'
// shortest edit script (O((N+M)·D)). A long stretch is first cut at anchors, as `git diff
// --patience` does: messages that occur exactly once on each side, kept in the longest run that
// is in order on both sides (patience sorting, O(K log K)); the gaps between anchors are aligned
// the same way. Captures are long and their differences few and scattered, so the gaps are short
// and each has few edits: two 100,000-message captures with ~1,000 differences align in a fraction
// of what one Myers pass over the whole takes, and thousands of edits no longer exceed the edit
// limit (past which a gap is paired by position and the result marked approximate).

/** 0 same (one from each side), 1 only on the left, 2 only on the right. */
export type AlignOp = 0 | 1 | 2;

export interface AlignOptions {
  /** Above this many edits in one gap, the gap is paired by position instead. */
  maxEdits: number;
  /** Stretches with more messages than this (both sides together) are cut at anchors first. */
  anchorAbove: number;
  /** One more than the largest id in a or b. */
  idCount: number;
}

export interface Alignment {
  ops: AlignOp[];
  /** True when some gap exceeded the edit limit and was paired by position. */
  approximate: boolean;
}

interface Stretch {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

export function alignMessages(a: Int32Array, b: Int32Array, options: AlignOptions): Alignment {
  const ops: AlignOp[] = [];
  let approximate = false;
  // Anchoring scans a stretch once per level. Hostile orders (one side reversed) would peel one
  // anchor per level; past this many scanned messages the stretches go straight to Myers.
  let anchoringBudget = 16 * (a.length + b.length);
  const countA = new Int32Array(options.idCount);
  const countB = new Int32Array(options.idCount);
  const positionB = new Int32Array(options.idCount);
  // Stretches left to do, the next one last; an anchor is a stretch of one message on each side
  // that is known to be equal.
  const todo: Stretch[] = [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  for (let stretch = todo.pop(); stretch; stretch = todo.pop()) {
    let { a0, a1, b0, b1 } = stretch;
    let head = 0;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) {
      a0++;
      b0++;
      head++;
    }
    let tail = 0;
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) {
      a1--;
      b1--;
      tail++;
    }
    for (let i = 0; i < head; i++) ops.push(0);
    const size = a1 - a0 + (b1 - b0);
    let anchors: Array<[number, number]> = [];
    if (size > options.anchorAbove && anchoringBudget >= size) {
      anchoringBudget -= size;
      anchors = anchorsOf(a, b, a0, a1, b0, b1, countA, countB, positionB);
    }
    if (anchors.length > 0) {
      // The tail after the stretch's own pieces, then the pieces in reverse: popped in order.
      todo.push({ a0: a1, a1: a1 + tail, b0: b1, b1: b1 + tail });
      let nextA = a1;
      let nextB = b1;
      for (let i = anchors.length - 1; i >= 0; i--) {
        const [x, y] = anchors[i];
        // From the anchor on: the anchor is equal on both sides, so the piece's head takes it.
        todo.push({ a0: x, a1: nextA, b0: y, b1: nextB });
        nextA = x;
        nextB = y;
      }
      todo.push({ a0, a1: nextA, b0, b1: nextB });
      continue;
    }
    if (a0 === a1 || b0 === b1) {
      for (let i = a0; i < a1; i++) ops.push(1);
      for (let j = b0; j < b1; j++) ops.push(2);
      for (let i = 0; i < tail; i++) ops.push(0);
      continue;
    }
    const script = editScript(a, b, a0, a1, b0, b1, options.maxEdits);
    if (script) for (const op of script) ops.push(op);
    else {
      approximate = true;
      pairByPosition(a, b, a0, a1, b0, b1, ops);
    }
    for (let i = 0; i < tail; i++) ops.push(0);
  }
  return { ops, approximate };
}

/**
 * Pairs [x, y] of messages that occur once in a[a0..a1) and once in b[b0..b1) with a[x] = b[y],
 * the longest chain increasing on both sides. The counting arrays are left zeroed.
 */
function anchorsOf(
  a: Int32Array,
  b: Int32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  countA: Int32Array,
  countB: Int32Array,
  positionB: Int32Array,
): Array<[number, number]> {
  for (let i = a0; i < a1; i++) countA[a[i]]++;
  for (let j = b0; j < b1; j++) {
    countB[b[j]]++;
    positionB[b[j]] = j;
  }
  // Patience sorting over the right-side positions, in left-side order.
  const size = a1 - a0;
  const candidateX = new Int32Array(size);
  const candidateY = new Int32Array(size);
  const previous = new Int32Array(size);
  const pileTops = new Int32Array(size); // per pile, the candidate on top
  let piles = 0;
  let candidates = 0;
  for (let i = a0; i < a1; i++) {
    const id = a[i];
    if (countA[id] !== 1 || countB[id] !== 1) continue;
    const y = positionB[id];
    let low = 0;
    let high = piles;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (candidateY[pileTops[middle]] < y) low = middle + 1;
      else high = middle;
    }
    candidateX[candidates] = i;
    candidateY[candidates] = y;
    previous[candidates] = low > 0 ? pileTops[low - 1] : -1;
    pileTops[low] = candidates++;
    if (low === piles) piles++;
  }
  for (let i = a0; i < a1; i++) countA[a[i]] = 0;
  for (let j = b0; j < b1; j++) countB[b[j]] = 0;
  const chain: Array<[number, number]> = [];
  for (let at = piles > 0 ? pileTops[piles - 1] : -1; at >= 0; at = previous[at])
    chain.push([candidateX[at], candidateY[at]]);
  return chain.reverse();
}

function pairByPosition(
  a: Int32Array,
  b: Int32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  ops: AlignOp[],
): void {
  const common = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < common; i++) {
    if (a[a0 + i] === b[b0 + i]) ops.push(0);
    else ops.push(1, 2);
  }
  for (let i = a0 + common; i < a1; i++) ops.push(1);
  for (let j = b0 + common; j < b1; j++) ops.push(2);
}

/** Myers' shortest edit script between a[a0..a1) and b[b0..b1), or undefined past `maxEdits`. */
function editScript(
  a: Int32Array,
  b: Int32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  maxEdits: number,
): AlignOp[] | undefined {
  const n = a1 - a0;
  const m = b1 - b0;
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
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], last: number, n: number, m: number): AlignOp[] {
  const ops: AlignOp[] = [];
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
  // What is left is the snake from (0, 0): all equal.
  while (x > 0 && y > 0) {
    ops.push(0);
    x--;
    y--;
  }
  return ops.reverse();
}
