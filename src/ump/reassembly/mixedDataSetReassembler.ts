// Reassembles Mixed Data Set chunks (message type 0x5, statuses 0x8 header and 0x9 payload, per
// group and MDS id): a header opens a chunk, and payloads add 14 bytes each until the header's
// byte count is reached. Chunks come out one by one, as sent; joining the chunks of a data set is
// left to whoever knows what the data is. Other messages (SysEx8 included) are ignored;
// malformed sequences are reported, never thrown. The byte count is read as payload bytes only
// (docs/DESIGN.md says why); a chunk that ends, at the next header, with the payloads a count
// that includes the header's 8 data bytes needs is accepted too, and says so in `countReading`.
import { payloadsReadingHeaderIncluded, MDS_HEADER_DATA_BYTES } from '../check/mixedDataSetReadings';
import { MIXED_DATA_SET_BYTES_PER_PAYLOAD, mixedDataSetPayload } from '../decode/data128';
import { PacketForm } from '../messageType';
import { groupOrChannel, numbered, type NumberedText } from '../numbering';
import {
  PacketSequences,
  checkedMaxBytes,
  type ReassemblerOptions,
  type SequenceOutcome,
  type SequenceProblemKind,
} from './packetSequences';

/** Where a chunk belongs and what its header says. */
export interface MixedDataSetChunkHeader {
  group: number;
  mdsId: number;
  /** 0 when the sender does not know. */
  chunkCount: number;
  chunkNumber: number;
  manufacturerId: number;
  deviceId: number;
  subId1: number;
  subId2: number;
}

export interface MixedDataSetChunk extends MixedDataSetChunkHeader {
  kind: 'chunk';
  /** The header's count of bytes; the padding of the last payload is gone. */
  bytes: Uint8Array;
  /** The header and the payloads. */
  packetCount: number;
  /**
   * Which reading of the header's byte count the chunk matched: payload bytes only (MIDI Scope's
   * reading), or payload bytes plus the header's 8 data bytes.
   */
  countReading: 'payloadOnly' | 'headerIncluded';
}

export type MixedDataSetProblemKind = SequenceProblemKind | 'truncatedPacket';

export interface MixedDataSetProblem {
  kind: MixedDataSetProblemKind;
  group: number;
  mdsId: number;
  /** A sentence for a log or a monitor row. */
  /** Its group is a mark (showNumbered). */
  description: NumberedText;
  discardedBytes: number;
}

export type MixedDataSetEvent = MixedDataSetChunk | MixedDataSetProblem;

/** An open chunk: its header and how many of its bytes are still to come. */
interface OpenChunk {
  header: MixedDataSetChunkHeader;
  byteCount: number;
  remaining: number;
  payloads: number;
}

const none: readonly MixedDataSetEvent[] = Object.freeze([]);

export class MixedDataSetReassembler {
  private readonly sequences: PacketSequences<number>;
  private readonly open = new Map<number, OpenChunk>();

  constructor(options?: ReassemblerOptions) {
    this.sequences = new PacketSequences(checkedMaxBytes(options));
  }

  /** Takes the UMP at `words[offset]`; returns the chunk it completed or what was wrong with it. */
  push(words: ArrayLike<number>, offset = 0): readonly MixedDataSetEvent[] {
    if (offset < 0 || offset >= words.length) return none;
    const w0 = words[offset] >>> 0;
    const status = (w0 >>> 20) & 0xf;
    if (w0 >>> 28 !== 0x5 || (status !== 0x8 && status !== 0x9)) return none;
    const group = (w0 >>> 24) & 0xf;
    const mdsId = (w0 >>> 16) & 0xf;
    if (words.length - offset < 4) return [problem('truncatedPacket', group, mdsId, 0)];
    const [w1, w2, w3] = [words[offset + 1] >>> 0, words[offset + 2] >>> 0, words[offset + 3] >>> 0];
    const key = (group << 4) | mdsId;
    if (status === 0x8) return this.takeHeader(key, w0, w1, w2, w3);
    return this.takePayload(key, group, mdsId, mixedDataSetPayload(w0, w1, w2, w3));
  }

  /** Reports every chunk still open as 'unterminated' and forgets it. */
  flush(): MixedDataSetProblem[] {
    this.open.clear();
    return this.sequences
      .flush()
      .map(({ key, problem: p }) => problem(p.kind, key >>> 4, key & 0xf, p.discardedBytes));
  }

  reset(): void {
    this.sequences.reset();
    this.open.clear();
  }

  private takeHeader(
    key: number,
    w0: number,
    w1: number,
    w2: number,
    w3: number,
  ): readonly MixedDataSetEvent[] {
    const header: MixedDataSetChunkHeader = {
      group: key >>> 4,
      mdsId: key & 0xf,
      chunkCount: w1 >>> 16,
      chunkNumber: w1 & 0xffff,
      manufacturerId: w2 >>> 16,
      deviceId: w2 & 0xffff,
      subId1: w3 >>> 16,
      subId2: w3 & 0xffff,
    };
    const byteCount = w0 & 0xffff;
    const ended = this.endAtHeader(key);
    // A chunk with no bytes is whole at its header, like a Complete packet.
    const form = byteCount === 0 ? PacketForm.Complete : PacketForm.Start;
    const outcome = this.sequences.take(key, form, []);
    if (byteCount === 0) this.open.delete(key);
    else this.open.set(key, { header, byteCount, remaining: byteCount, payloads: 0 });
    const found = events(outcome, header.group, header.mdsId, header);
    return ended === undefined ? found : [ended, ...found];
  }

  /**
   * A header while a chunk is open: if that chunk got exactly the payloads that a count including
   * the header's 8 data bytes needs, it is complete under that reading.
   */
  private endAtHeader(key: number): MixedDataSetChunk | undefined {
    const open = this.open.get(key);
    if (open === undefined || open.payloads === 0) return undefined;
    if (open.payloads !== payloadsReadingHeaderIncluded(open.byteCount)) return undefined;
    this.open.delete(key);
    const { completed } = this.sequences.take(key, PacketForm.End, []);
    if (completed === undefined) return undefined;
    const bytes = completed.bytes.slice(0, Math.max(open.byteCount - MDS_HEADER_DATA_BYTES, 0));
    return {
      ...open.header,
      kind: 'chunk',
      bytes,
      packetCount: completed.packetCount,
      countReading: 'headerIncluded',
    };
  }

  private takePayload(
    key: number,
    group: number,
    mdsId: number,
    payload: number[],
  ): readonly MixedDataSetEvent[] {
    const chunk = this.open.get(key);
    if (chunk === undefined) {
      // No header before it: the sequences report it as a Continue with nothing started.
      return events(this.sequences.take(key, PacketForm.Continue, payload), group, mdsId);
    }
    chunk.payloads++;
    const last = chunk.remaining <= MIXED_DATA_SET_BYTES_PER_PAYLOAD;
    const bytes = last ? payload.slice(0, chunk.remaining) : payload;
    chunk.remaining -= bytes.length;
    if (last) this.open.delete(key);
    const outcome = this.sequences.take(key, last ? PacketForm.End : PacketForm.Continue, bytes);
    return events(outcome, group, mdsId, chunk.header);
  }
}

/** The problem and the completed chunk an outcome holds; only a chunk with a header completes. */
function events(
  outcome: SequenceOutcome,
  group: number,
  mdsId: number,
  header?: MixedDataSetChunkHeader,
): readonly MixedDataSetEvent[] {
  const found: MixedDataSetEvent[] = [];
  if (outcome.problem !== undefined) {
    found.push(problem(outcome.problem.kind, group, mdsId, outcome.problem.discardedBytes));
  }
  if (outcome.completed !== undefined && header !== undefined) {
    found.push({ ...header, kind: 'chunk', ...outcome.completed, countReading: 'payloadOnly' });
  }
  return found.length === 0 ? none : found;
}

const descriptions: Record<MixedDataSetProblemKind, string> = {
  continueWithoutStart: 'a payload came with no chunk header before it',
  endWithoutStart: 'a payload came with no chunk header before it',
  startInsideStart: 'a header came before the open chunk had all its bytes; the open chunk was dropped',
  completeInsideStart: 'a header came before the open chunk had all its bytes; the open chunk was dropped',
  tooLong: 'the chunk is longer than the size limit and was dropped',
  unterminated: 'the chunk never got all its bytes',
  truncatedPacket: 'a packet has fewer than 4 words',
};

function problem(
  kind: MixedDataSetProblemKind,
  group: number,
  mdsId: number,
  discardedBytes: number,
): MixedDataSetProblem {
  const dropped = discardedBytes > 0 ? ` (${discardedBytes} bytes discarded)` : '';
  return {
    kind,
    group,
    mdsId,
    description: numbered`Mixed Data Set on group ${groupOrChannel(group)} id ${mdsId}: ${descriptions[kind]}${dropped}`,
    discardedBytes,
  };
}
