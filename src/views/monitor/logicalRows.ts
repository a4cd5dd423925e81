// Groups captured packets into logical rows: one row per message, where a SysEx7/SysEx8
// message, a Mixed Data Set chunk or a multi-packet text is one row however many packets it
// spans (its packets may interleave with other traffic). Row ids count rows since the last clear,
// like sequence numbers count packets; a row lives while its first packet is still in the
// capture ring.
import type { CaptureRing } from './captureRing';
import { PacketForm } from '../../ump';
import { packetContinuation } from './packetContinuation';

/** Row flag: the message started but its end has not arrived (or never will). */
export const rowOpenFlag = 1;

interface OpenRow {
  rowId: number;
  lastSeq: number;
  /** Packets still to come when the start said how many follow; undefined: an end packet ends it. */
  remaining?: number;
}

/** Keys of open messages on different endpoints must differ: packet keys stay below this. */
const keysPerEndpoint = 2 ** 30;

export class LogicalRows {
  private readonly firstSeqs: Float64Array;
  private readonly packetCounts: Uint32Array;
  private readonly flags: Uint8Array;
  /** Per packet slot: distance to the next packet of the same row (0: none). */
  private readonly nextPacketDistance: Int32Array;
  private readonly openRows = new Map<number, OpenRow>();
  private total = 0;
  private first = 0;

  constructor(private readonly ring: CaptureRing) {
    // A row holds at least one packet, so the ring never holds more rows than packets.
    this.firstSeqs = new Float64Array(ring.capacity);
    this.packetCounts = new Uint32Array(ring.capacity);
    this.flags = new Uint8Array(ring.capacity);
    this.nextPacketDistance = new Int32Array(ring.capacity);
  }

  /** Id the next row gets. */
  get endRowId(): number {
    return this.total;
  }

  /** Oldest row still in the capture. */
  get firstRowId(): number {
    return this.first;
  }

  get allocatedBytes(): number {
    return (
      this.firstSeqs.byteLength +
      this.packetCounts.byteLength +
      this.flags.byteLength +
      this.nextPacketDistance.byteLength
    );
  }

  /**
   * Files the packet just pushed to the ring as `seq` (call right after each push).
   * Returns true when it started a new row, false when it joined an open one.
   */
  addPacket(seq: number, endpointIndex: number): boolean {
    this.nextPacketDistance[seq % this.ring.capacity] = 0;
    this.dropEvictedRows();
    const continuation = packetContinuation(this.ring.firstWord(seq));
    if (continuation === undefined || continuation.position === PacketForm.Complete) {
      this.startRow(seq, 0);
      return true;
    }
    const key = endpointIndex * keysPerEndpoint + continuation.key;
    const open = this.openRows.get(key);
    if (continuation.position === PacketForm.Start) {
      // A start inside an open message leaves that one flagged open (incomplete) for good; a
      // start with no packets to follow (an empty Mixed Data Set chunk) is whole by itself.
      const remaining = continuation.packetsToFollow;
      if (remaining === 0) {
        this.openRows.delete(key);
        this.startRow(seq, 0);
      } else {
        this.openRows.set(key, { rowId: this.startRow(seq, rowOpenFlag), lastSeq: seq, remaining });
      }
      return true;
    }
    if (open === undefined || open.rowId < this.first) {
      // A continue or end without its start (or whose start was evicted) stands alone.
      this.openRows.delete(key);
      this.startRow(seq, 0);
      return true;
    }
    this.nextPacketDistance[open.lastSeq % this.ring.capacity] = seq - open.lastSeq;
    open.lastSeq = seq;
    const slot = open.rowId % this.ring.capacity;
    this.packetCounts[slot]++;
    if (open.remaining !== undefined) open.remaining--;
    if (continuation.position === PacketForm.End || open.remaining === 0) {
      this.flags[slot] &= ~rowOpenFlag;
      this.openRows.delete(key);
    }
    return false;
  }

  has(rowId: number): boolean {
    this.dropEvictedRows();
    return rowId >= this.first && rowId < this.total;
  }

  firstSeq(rowId: number): number {
    return this.firstSeqs[rowId % this.ring.capacity];
  }

  packetCount(rowId: number): number {
    return this.packetCounts[rowId % this.ring.capacity];
  }

  rowFlags(rowId: number): number {
    return this.flags[rowId % this.ring.capacity];
  }

  /** Sequence numbers of the row's packets, first to last (at most `limit` of them). */
  packetSeqs(rowId: number, limit = Infinity): number[] {
    const seqs: number[] = [];
    let seq = this.firstSeq(rowId);
    for (let i = Math.min(this.packetCount(rowId), limit); i > 0; i--) {
      seqs.push(seq);
      seq += this.nextPacketDistance[seq % this.ring.capacity];
    }
    return seqs;
  }

  clear(): void {
    this.total = 0;
    this.first = 0;
    this.openRows.clear();
  }

  private startRow(seq: number, flags: number): number {
    const rowId = this.total++;
    const slot = rowId % this.ring.capacity;
    this.firstSeqs[slot] = seq;
    this.packetCounts[slot] = 1;
    this.flags[slot] = flags;
    return rowId;
  }

  /** A row is gone once its first packet left the ring. */
  private dropEvictedRows(): void {
    const firstSeq = this.ring.firstSeq;
    while (this.first < this.total && this.firstSeqs[this.first % this.ring.capacity] < firstSeq)
      this.first++;
  }
}
