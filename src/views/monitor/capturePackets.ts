// Walks the messages of a capture for export and copy: every packet in the ring, or the packets
// of the rows a range of the view holds. The capture keeps filling while a long export runs, so
// the range is fixed when the walk starts and messages evicted before the walk reaches them are
// counted, not silently lost.
import { wordCountForMessageType } from '../../ump';
import type { Capture } from './capture';
import { exportFormatter, type ExportPacket } from './exportFormats';
import type { EndpointLabel } from './protocol';

export class PacketWalk {
  /** Messages (or whole rows, in a view range) evicted before the walk reached them. */
  skipped = 0;

  constructor(
    private readonly capture: Capture,
    private readonly endpoints: readonly EndpointLabel[],
  ) {}

  /** Every message in the ring now, oldest first. */
  *all(): Generator<ExportPacket, void> {
    const { ring } = this.capture;
    const end = ring.endSeq;
    for (let seq = ring.firstSeq; seq < end; seq++) {
      if (ring.has(seq)) yield this.packet(seq);
      else this.skipped++;
    }
  }

  /** The packets of view rows [from, from + count), clipped to the view as it is now. */
  *viewRows(from: number, count: number): Generator<ExportPacket, void> {
    const { view, rows } = this.capture;
    const generation = this.capture.generation;
    const first = Math.max(from, view.start);
    const end = Math.min(from + count, view.end);
    for (let viewIndex = first; viewIndex < end; viewIndex++) {
      // A clear or a new filter renumbers the view: the rest of the range no longer exists.
      if (this.capture.generation !== generation) {
        this.skipped += end - viewIndex;
        return;
      }
      const rowId = view.rowIdAt(viewIndex);
      if (viewIndex < view.start || !rows.has(rowId)) {
        this.skipped++;
        continue;
      }
      for (const seq of rows.packetSeqs(rowId)) {
        // The consumer may yield to the event loop between packets, and the ring keeps filling.
        if (this.capture.ring.has(seq)) yield this.packet(seq);
        else this.skipped++;
      }
    }
  }

  private packet(seq: number): ExportPacket {
    const { ring } = this.capture;
    const offset = ring.wordOffset(seq);
    const wordCount = wordCountForMessageType(ring.wordsArray[offset] >>> 28);
    return {
      seq,
      timestamp: ring.timestamp(seq),
      endpoint: this.endpoints[ring.endpointIndex(seq)],
      words: ring.wordsArray.slice(offset, offset + wordCount),
    };
  }
}

/**
 * View rows [from, from + count) as hex text, one message per line as the send commands read it
 * (what "copy rows" puts on the clipboard); at most `maxMessages` messages.
 */
export function rowsAsHex(
  capture: Capture,
  endpoints: readonly EndpointLabel[],
  ticksPerSecond: number,
  from: number,
  count: number,
  maxMessages: number,
): { text: string; messages: number } {
  const formatter = exportFormatter('hex', ticksPerSecond, '');
  const lines: string[] = [];
  for (const packet of new PacketWalk(capture, endpoints).viewRows(from, count)) {
    if (lines.length >= maxMessages) break;
    lines.push(formatter.message(packet, lines.length === 0));
  }
  return { text: lines.join(''), messages: lines.length };
}
