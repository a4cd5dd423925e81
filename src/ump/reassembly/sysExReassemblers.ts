// Reassembles SysEx7 (message type 0x3, per group) and SysEx8 (type 0x5, per group and stream id)
// packets into whole messages. Fed one UMP at a time; other message types (and Mixed Data Set
// packets) are ignored, so a whole received stream can be fed as is.
import { sysEx7Bytes } from '../decode/data64';
import { sysEx8Bytes } from '../decode/data128';
import { groupOrChannel, numbered, type NumberedText } from '../numbering';
import {
  PacketSequences,
  checkedMaxBytes,
  type ReassemblerOptions,
  type SequenceOutcome,
  type SequenceProblemKind,
} from './packetSequences';

export interface SysExMessage {
  kind: 'message';
  group: number;
  /** SysEx8 only. */
  streamId?: number;
  /** The SysEx body, without F0/F7. */
  bytes: Uint8Array;
  packetCount: number;
}

export type SysExProblemKind =
  | SequenceProblemKind
  /** A packet whose byte count is out of range (SysEx7 0–6, SysEx8 1–14); its bytes are clamped. */
  | 'invalidByteCount'
  /** Fewer words than the packet needs; it is ignored. */
  | 'truncatedPacket';

export interface SysExProblem {
  kind: SysExProblemKind;
  group: number;
  streamId?: number;
  /** A sentence for a log or a monitor row; its group is a mark (showNumbered). */
  description: NumberedText;
  discardedBytes: number;
}

export type SysExEvent = SysExMessage | SysExProblem;

const none: readonly SysExEvent[] = Object.freeze([]);

export class SysEx7Reassembler {
  private readonly sequences: PacketSequences<number>;

  constructor(options?: ReassemblerOptions) {
    this.sequences = new PacketSequences(checkedMaxBytes(options));
  }

  /** Takes the UMP at `words[offset]`; returns what it completed or what was wrong with it. */
  push(words: ArrayLike<number>, offset = 0): readonly SysExEvent[] {
    const w0 = (words[offset] ?? 0) >>> 0;
    if (offset >= words.length || w0 >>> 28 !== 0x3 || ((w0 >>> 20) & 0xf) > 3) return none;
    const group = (w0 >>> 24) & 0xf;
    if (words.length - offset < 2) return [problem('truncatedPacket', group, undefined, 0)];
    const events: SysExEvent[] = [];
    const count = (w0 >>> 16) & 0xf;
    if (count > 6)
      events.push(problem('invalidByteCount', group, undefined, 0, `byte count ${count} (at most 6)`));
    const outcome = this.sequences.take(group, (w0 >>> 20) & 0x3, sysEx7Bytes(w0, words[offset + 1] >>> 0));
    return collect(events, outcome, group, undefined);
  }

  /** Reports every message still open as 'unterminated' and forgets it. */
  flush(): SysExProblem[] {
    return this.sequences
      .flush()
      .map(({ key, problem: p }) => problem(p.kind, key, undefined, p.discardedBytes));
  }

  reset(): void {
    this.sequences.reset();
  }
}

export class SysEx8Reassembler {
  private readonly sequences: PacketSequences<number>;

  constructor(options?: ReassemblerOptions) {
    this.sequences = new PacketSequences(checkedMaxBytes(options));
  }

  push(words: ArrayLike<number>, offset = 0): readonly SysExEvent[] {
    const w0 = (words[offset] ?? 0) >>> 0;
    if (offset >= words.length || w0 >>> 28 !== 0x5 || ((w0 >>> 20) & 0xf) > 3) return none;
    const group = (w0 >>> 24) & 0xf;
    const streamId = (w0 >>> 8) & 0xff;
    if (words.length - offset < 4) return [problem('truncatedPacket', group, streamId, 0)];
    const events: SysExEvent[] = [];
    const count = (w0 >>> 16) & 0xf;
    if (count < 1 || count > 14) {
      events.push(
        problem('invalidByteCount', group, streamId, 0, `byte count ${count} (1–14, stream id included)`),
      );
    }
    const bytes = sysEx8Bytes(w0, words[offset + 1] >>> 0, words[offset + 2] >>> 0, words[offset + 3] >>> 0);
    const outcome = this.sequences.take((group << 8) | streamId, (w0 >>> 20) & 0x3, bytes);
    return collect(events, outcome, group, streamId);
  }

  flush(): SysExProblem[] {
    return this.sequences
      .flush()
      .map(({ key, problem: p }) => problem(p.kind, key >>> 8, key & 0xff, p.discardedBytes));
  }

  reset(): void {
    this.sequences.reset();
  }
}

function collect(
  events: SysExEvent[],
  outcome: SequenceOutcome,
  group: number,
  streamId: number | undefined,
): readonly SysExEvent[] {
  if (outcome.problem !== undefined) {
    events.push(problem(outcome.problem.kind, group, streamId, outcome.problem.discardedBytes));
  }
  if (outcome.completed !== undefined) {
    const message: SysExMessage = {
      kind: 'message',
      group,
      bytes: outcome.completed.bytes,
      packetCount: outcome.completed.packetCount,
    };
    if (streamId !== undefined) message.streamId = streamId;
    events.push(message);
  }
  return events.length === 0 ? none : events;
}

const descriptions: Record<SysExProblemKind, string> = {
  continueWithoutStart: 'a Continue packet came with no message started',
  endWithoutStart: 'an End packet came with no message started',
  startInsideStart: 'a Start packet came while a message was open; the open message was dropped',
  completeInsideStart: 'a Complete packet came while a message was open; the open message was dropped',
  tooLong: 'the message grew past the size limit and was dropped',
  unterminated: 'the message was never ended',
  invalidByteCount: 'a packet has an invalid byte count',
  truncatedPacket: 'a packet has fewer words than its type needs',
};

function problem(
  kind: SysExProblemKind,
  group: number,
  streamId: number | undefined,
  discardedBytes: number,
  detail?: string,
): SysExProblem {
  const where =
    streamId === undefined
      ? numbered`group ${groupOrChannel(group)}`
      : numbered`group ${groupOrChannel(group)} stream ${streamId}`;
  const dropped = discardedBytes > 0 ? ` (${discardedBytes} bytes discarded)` : '';
  const description = numbered`SysEx on ${where}: ${descriptions[kind]}${detail === undefined ? '' : `: ${detail}`}${dropped}`;
  const result: SysExProblem = { kind, group, description, discardedBytes };
  if (streamId !== undefined) result.streamId = streamId;
  return result;
}
