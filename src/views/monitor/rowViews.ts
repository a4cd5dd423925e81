// The views the webview scrolls through: every row, or the rows a filter keeps. View indexes
// only grow (evicted rows leave at the start, new rows arrive at the end), so a row keeps its
// index while someone looks at it.
import type { CaptureRing } from './captureRing';
import type { LogicalRows } from './logicalRows';
import type { RowPredicate, RowSubject } from './rowFilter';

export interface RowView {
  /** First view index still in the capture. */
  readonly start: number;
  /** One past the newest view index. */
  readonly end: number;
  /** The row id at `viewIndex` (start ≤ viewIndex < end). */
  rowIdAt(viewIndex: number): number;
  /** How far a filter got through the capture, or null when every row is already decided. */
  readonly progress: { scanned: number; total: number } | null;
  /** Decides up to `maxRows` rows not yet decided; returns how many it looked at. */
  scan(maxRows: number): number;
  readonly allocatedBytes: number;
}

/** Every captured row: view index = row id. */
export class AllRowsView implements RowView {
  constructor(private readonly rows: LogicalRows) {}

  get start(): number {
    return this.rows.firstRowId;
  }

  get end(): number {
    return this.rows.endRowId;
  }

  rowIdAt(viewIndex: number): number {
    return viewIndex;
  }

  get progress(): null {
    return null;
  }

  scan(): number {
    return 0;
  }

  get allocatedBytes(): number {
    return 0;
  }
}

/**
 * The rows `predicate` keeps, found by scanning the capture from its oldest row; later rows are
 * scanned as they arrive (scan() is called with a budget so a slow predicate never blocks).
 * The row ids live in a ring as large as the capture: it can never hold more.
 */
export class FilteredRowsView implements RowView {
  private readonly ids: Float64Array;
  private head = 0;
  private tail = 0;
  private nextRowId: number;
  private readonly subject: RowSubject;

  constructor(
    private readonly ring: CaptureRing,
    private readonly rows: LogicalRows,
    private readonly predicate: RowPredicate,
  ) {
    this.ids = new Float64Array(ring.capacity);
    this.nextRowId = rows.firstRowId;
    this.subject = { words: ring.wordsArray, offset: 0, endpointIndex: 0 };
  }

  get start(): number {
    this.dropEvicted();
    return this.head;
  }

  get end(): number {
    return this.tail;
  }

  rowIdAt(viewIndex: number): number {
    return this.ids[viewIndex % this.ids.length];
  }

  get progress(): { scanned: number; total: number } | null {
    const first = this.rows.firstRowId;
    const total = this.rows.endRowId - first;
    const scanned = Math.max(0, this.nextRowId - first);
    return scanned >= total ? null : { scanned, total };
  }

  scan(maxRows: number): number {
    this.dropEvicted();
    // Rows evicted before the scan reached them are gone: nothing to decide.
    this.nextRowId = Math.max(this.nextRowId, this.rows.firstRowId);
    const stop = Math.min(this.rows.endRowId, this.nextRowId + maxRows);
    const looked = stop - this.nextRowId;
    for (let rowId = this.nextRowId; rowId < stop; rowId++) {
      const seq = this.rows.firstSeq(rowId);
      this.subject.offset = this.ring.wordOffset(seq);
      this.subject.endpointIndex = this.ring.endpointIndex(seq);
      if (this.predicate(this.subject)) this.ids[this.tail++ % this.ids.length] = rowId;
    }
    this.nextRowId = stop;
    return looked;
  }

  get allocatedBytes(): number {
    return this.ids.byteLength;
  }

  private dropEvicted(): void {
    const firstRowId = this.rows.firstRowId;
    while (this.head < this.tail && this.ids[this.head % this.ids.length] < firstRowId) this.head++;
  }
}
