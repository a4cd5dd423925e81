// Copies rows and packets out of a capture into the ArrayBuffer blocks the webview reads.
import type { Capture } from './capture';
import type { PacketsBlock, RowsBlock, StreamProblemsEntry } from './protocol';
import { allocatePacketsBlock, allocateRowsBlock, writePacket, writeRow } from './rowsBlock';

/** Rows [from, from + count) of the capture's view, clipped to what the view holds. */
export function rowsBlock(capture: Capture, from: number, count: number): RowsBlock {
  const { ring, rows, view } = capture;
  const first = Math.max(from, view.start);
  const stop = Math.min(from + count, view.end);
  const n = Math.max(0, stop - first);
  const block = allocateRowsBlock(n);
  const streamProblems: StreamProblemsEntry[] = [];
  for (let i = 0; i < n; i++) {
    const rowId = view.rowIdAt(first + i);
    const seq = rows.firstSeq(rowId);
    const problems = capture.streamProblems.problemsOf(seq);
    if (problems !== undefined) streamProblems.push({ index: i, problems });
    writeRow(
      block,
      i,
      {
        seq,
        timestamp: ring.timestamp(seq),
        endpointIndex: ring.endpointIndex(seq),
        packetCount: rows.packetCount(rowId),
        flags: rows.rowFlags(rowId),
      },
      ring.wordsArray,
      ring.wordOffset(seq),
    );
  }
  const previousTimestamp =
    first - 1 >= view.start ? ring.timestamp(rows.firstSeq(view.rowIdAt(first - 1))) : null;
  const result: RowsBlock = { from: first, count: n, previousTimestamp, data: block.buffer };
  if (streamProblems.length > 0) result.streamProblems = streamProblems;
  return result;
}

/** The newest `count` rows of the view. */
export function tailBlock(capture: Capture, count: number): RowsBlock {
  const end = capture.view.end;
  return rowsBlock(capture, Math.max(capture.view.start, end - count), count);
}

/** The packets of the row at `viewIndex` (at most `limit`), or null when it left the capture. */
export function packetsBlock(capture: Capture, viewIndex: number, limit: number): PacketsBlock | null {
  const { ring, rows, view } = capture;
  if (viewIndex < view.start || viewIndex >= view.end) return null;
  const rowId = view.rowIdAt(viewIndex);
  if (!rows.has(rowId)) return null;
  const seqs = rows.packetSeqs(rowId, limit);
  const block = allocatePacketsBlock(seqs.length);
  const streamProblems: StreamProblemsEntry[] = [];
  seqs.forEach((seq, i) => {
    writePacket(block, i, seq, ring.timestamp(seq), ring.wordsArray, ring.wordOffset(seq));
    const problems = capture.streamProblems.problemsOf(seq);
    if (problems !== undefined) streamProblems.push({ index: i, problems });
  });
  const result: PacketsBlock = { count: seqs.length, data: block.buffer };
  if (streamProblems.length > 0) result.streamProblems = streamProblems;
  return result;
}
