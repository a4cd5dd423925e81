// The webview's window onto the host's capture: rows fetched lazily in aligned blocks around
// what is on screen, kept for a few screens, dropped when the view is renumbered. Decoded text
// is attached to a cached row the first time it is drawn, so a row is decoded at most once
// while it stays cached.
import type { RowsBlock } from '../../src/views/monitor/protocol';
import { attachStreamProblems } from './streamProblems';
import { readRowsBlock, rowFlagOpen, type RowRecord } from '../../src/views/monitor/rowsBlock';

export const fetchBlockRows = 128;

export interface CachedRow<Decoded> extends RowRecord {
  /** Timestamp of the row before this one in the view, for the delta column. */
  previousTimestamp: number | null;
  decoded?: Decoded;
}

/** Fetches rows [from, from + count); resolves undefined when the answer no longer applies. */
export type FetchRows = (from: number, count: number) => Promise<RowsBlock | undefined>;

export class RowCache<Decoded> {
  private readonly rows = new Map<number, CachedRow<Decoded>>();
  private readonly inFlight = new Set<number>();
  /** Bumped by reset(): answers to older fetches are thrown away. */
  private epoch = 0;

  constructor(
    private readonly fetchRows: FetchRows,
    private readonly onLoaded: () => void,
    private readonly onError: (error: Error) => void,
    private readonly maxRows = 4096,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(viewIndex: number): CachedRow<Decoded> | undefined {
    return this.rows.get(viewIndex);
  }

  insert(block: RowsBlock): void {
    const records = readRowsBlock(block.data, block.count);
    attachStreamProblems(records, block.streamProblems);
    let previous = block.previousTimestamp;
    records.forEach((record, i) => {
      this.rows.set(block.from + i, { ...record, previousTimestamp: previous });
      previous = record.timestamp;
    });
  }

  /** Fetches the blocks of [from, to) that are neither cached nor on their way. */
  ensure(from: number, to: number): void {
    const firstBlock = Math.floor(from / fetchBlockRows);
    const lastBlock = Math.floor((to - 1) / fetchBlockRows);
    for (let block = firstBlock; block <= lastBlock && to > from; block++) {
      if (this.inFlight.has(block)) continue;
      const blockFrom = Math.max(from, block * fetchBlockRows);
      const blockTo = Math.min(to, (block + 1) * fetchBlockRows);
      let missing = false;
      for (let i = blockFrom; i < blockTo && !missing; i++) missing = !this.rows.has(i);
      if (missing) this.fetch(block);
    }
  }

  /** Forgets rows whose message was still incomplete, so they are fetched again when drawn. */
  dropOpenRows(): void {
    for (const [index, row] of this.rows) if ((row.flags & rowFlagOpen) !== 0) this.rows.delete(index);
  }

  /** Forgets every row's decoded text (the display changed): rows are decoded again when drawn. */
  forgetDecoded(): void {
    for (const row of this.rows.values()) row.decoded = undefined;
  }

  /** Keeps the cache bounded, dropping the rows furthest from [keepFrom, keepTo). */
  trim(keepFrom: number, keepTo: number): void {
    if (this.rows.size <= this.maxRows) return;
    const distance = (i: number): number => (i < keepFrom ? keepFrom - i : i >= keepTo ? i - keepTo + 1 : 0);
    const byDistance = [...this.rows.keys()].sort((a, b) => distance(b) - distance(a));
    for (const index of byDistance.slice(0, this.rows.size - this.maxRows)) this.rows.delete(index);
  }

  /** Drops rows outside [start, end) (evicted from the capture). */
  dropOutside(start: number, end: number): void {
    for (const index of this.rows.keys()) if (index < start || index >= end) this.rows.delete(index);
  }

  reset(): void {
    this.rows.clear();
    this.inFlight.clear();
    this.epoch++;
  }

  private fetch(block: number): void {
    const epoch = this.epoch;
    this.inFlight.add(block);
    this.fetchRows(block * fetchBlockRows, fetchBlockRows).then(
      (rows) => {
        if (epoch !== this.epoch) return;
        this.inFlight.delete(block);
        if (rows) this.insert(rows);
        this.onLoaded();
      },
      (error: unknown) => {
        if (epoch !== this.epoch) return;
        this.inFlight.delete(block);
        this.onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }
}
