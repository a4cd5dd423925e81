// One monitor's capture: the packet ring, the logical rows over it and the view the webview
// scrolls (all rows or a filter's). It knows nothing of VS Code or the engine: batches come in
// as words + timestamps, blocks for the webview go out (captureBlocks.ts).
import { hasUmpProblems, wordCountForMessageType } from '../../ump';
import { CaptureRing } from './captureRing';
import { LogicalRows } from './logicalRows';
import { emptyFilter, type FilterSpec, type ViewRange } from './protocol';
import { compileRowFilter, isEmptyFilter, type RowText } from './rowFilter';
import { AllRowsView, FilteredRowsView, type RowView } from './rowViews';
import { StreamProblemLog } from './streamProblemLog';
import { wordsPerSlot } from './captureRing';

/** Rows a filter decides between two looks at the clock while catching up. */
const scanChunkRows = 4096;

export interface AppendOutcome {
  /** Messages taken into the capture. */
  appended: number;
  /** Set when the batch's words ran out inside a message (nothing after it was taken). */
  malformedAt?: { message: number; wordOffset: number };
}

export class Capture {
  readonly ring: CaptureRing;
  readonly rows: LogicalRows;
  /** Problems packets have in their endpoint's stream (the per-message ones are decoded anew). */
  readonly streamProblems: StreamProblemLog;
  private currentView: RowView;
  private currentFilter: FilterSpec = emptyFilter;
  private currentGeneration = 1;
  private problemMessages = 0;
  /** Per capture slot: 1 when its packet has problems, its own or in its stream ("problems only"). */
  private readonly problemFlags: Uint8Array;

  constructor(
    capacity: number,
    private readonly textOf: RowText,
  ) {
    this.ring = new CaptureRing(capacity);
    this.rows = new LogicalRows(this.ring);
    this.streamProblems = new StreamProblemLog(capacity);
    this.problemFlags = new Uint8Array(capacity);
    this.currentView = new AllRowsView(this.rows);
  }

  get view(): RowView {
    return this.currentView;
  }

  get filter(): FilterSpec {
    return this.currentFilter;
  }

  /** Changes whenever view indexes are renumbered (clear, new filter). */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Received messages with a conformance problem, alone or in their stream, since the last clear. */
  get problems(): number {
    return this.problemMessages;
  }

  get received(): number {
    return this.ring.endSeq;
  }

  get evicted(): number {
    return this.ring.evicted;
  }

  get allocatedBytes(): number {
    return (
      this.ring.allocatedBytes +
      this.rows.allocatedBytes +
      this.streamProblems.allocatedBytes +
      this.problemFlags.byteLength +
      this.currentView.allocatedBytes
    );
  }

  viewRange(): ViewRange {
    return {
      generation: this.currentGeneration,
      start: this.currentView.start,
      end: this.currentView.end,
      filterProgress: this.currentView.progress,
    };
  }

  /**
   * Takes a batch of back-to-back messages (sizes from each first word's message type) that
   * arrived on `endpointIndex`. The arrays are only read during the call.
   */
  append(
    words: Uint32Array,
    timestamps: Float64Array,
    messageCount: number,
    endpointIndex: number,
  ): AppendOutcome {
    let offset = 0;
    for (let message = 0; message < messageCount; message++) {
      const wordCount = wordCountForMessageType(words[offset] >>> 28);
      if (offset + wordCount > words.length)
        return { appended: message, malformedAt: { message, wordOffset: offset } };
      const seq = this.ring.push(words, offset, wordCount, timestamps[message], endpointIndex);
      const inStream = this.streamProblems.record(
        words,
        offset,
        timestamps[message],
        endpointIndex,
        seq,
        this.ring.firstSeq,
      );
      const problems = inStream || hasUmpProblems(words, offset);
      this.problemFlags[seq % this.ring.capacity] = problems ? 1 : 0;
      if (problems) this.problemMessages++;
      this.rows.addPacket(seq, endpointIndex);
      offset += wordCount;
    }
    return { appended: messageCount };
  }

  setFilter(filter: FilterSpec): void {
    this.currentFilter = filter;
    this.currentView = isEmptyFilter(filter)
      ? new AllRowsView(this.rows)
      : new FilteredRowsView(
          this.ring,
          this.rows,
          compileRowFilter(filter, this.textOf, (row) => this.problemFlags[row.offset / wordsPerSlot] === 1),
        );
    this.currentGeneration++;
  }

  /** Lets the filter decide new rows for up to `budgetMs`; true when it has decided them all. */
  scanFilter(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    while (this.currentView.scan(scanChunkRows) > 0) {
      if (performance.now() >= deadline) return this.currentView.progress === null;
    }
    return true;
  }

  clear(): void {
    this.problemMessages = 0;
    this.streamProblems.clear();
    this.problemFlags.fill(0);
    this.ring.clear();
    this.rows.clear();
    this.setFilter(this.currentFilter);
  }
}
