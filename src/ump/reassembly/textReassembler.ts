// Reassembles the texts that span several 128-bit packets into strings: Flex Data metadata and
// performance text (message type 0xD, banks 1 and 2, per group, channel, bank and status) and
// the UMP Stream endpoint name, product instance id and function block name (type 0xF). The
// bytes are joined first and decoded as UTF-8 after, so a character split across packets
// survives. Other messages are ignored; malformed sequences are reported, never thrown.
import { flexTextBytes } from '../decode/flexData';
import { streamNameBytes } from '../decode/umpStream';
import { channelOf, flexDataAddressOf } from '../messageAddress';
import { flexDataName, isTextBank } from '../names/flexData';
import { groupOrChannel, numbered, type NumberedText } from '../numbering';
import { umpStreamName } from '../names/umpStream';
import { decodeUtf8 } from '../utf8';
import {
  PacketSequences,
  checkedMaxBytes,
  type ReassemblerOptions,
  type SequenceOutcome,
  type SequenceProblemKind,
} from './packetSequences';

/** Where a text belongs: its message and, as they apply, group, channel or function block. */
export interface TextAddress {
  /** 0xD Flex Data or 0xF UMP Stream. */
  messageType: number;
  /** As DecodedUmp.status: (bank << 8) | status for Flex Data, the 10-bit status for UMP Stream. */
  status: number;
  /** "Lyrics", "Endpoint Name Notification", … */
  name: string;
  group?: number;
  channel?: number;
  functionBlock?: number;
}

export interface AssembledText extends TextAddress {
  kind: 'text';
  text: string;
  /** The UTF-8 bytes, padding removed. */
  bytes: Uint8Array;
  packetCount: number;
}

export type TextProblemKind = SequenceProblemKind | 'truncatedPacket';

export interface TextProblem extends TextAddress {
  kind: TextProblemKind;
  /** Its group and channel are marks (showNumbered). */
  description: NumberedText;
  discardedBytes: number;
}

export type TextEvent = AssembledText | TextProblem;

const none: readonly TextEvent[] = Object.freeze([]);

const descriptions: Record<TextProblemKind, string> = {
  continueWithoutStart: 'a Continue packet came with no text started',
  endWithoutStart: 'an End packet came with no text started',
  startInsideStart: 'a Start packet came while a text was open; the open text was dropped',
  completeInsideStart: 'a Complete packet came while a text was open; the open text was dropped',
  tooLong: 'the text grew past the size limit and was dropped',
  unterminated: 'the text was never ended',
  truncatedPacket: 'a packet has fewer than 4 words',
};

export class UmpTextReassembler {
  private readonly sequences: PacketSequences<number>;
  private readonly addresses = new Map<number, TextAddress>();

  constructor(options?: ReassemblerOptions) {
    this.sequences = new PacketSequences(checkedMaxBytes(options));
  }

  /** Takes the UMP at `words[offset]`; returns the text it completed or what was wrong. */
  push(words: ArrayLike<number>, offset = 0): readonly TextEvent[] {
    if (offset < 0 || offset >= words.length) return none;
    const w0 = words[offset] >>> 0;
    const type = w0 >>> 28;
    if (type === 0xd) return this.pushFlexData(w0, words, offset);
    if (type === 0xf) return this.pushStream(w0, words, offset);
    return none;
  }

  /** Reports every text still open as 'unterminated' and forgets it. */
  flush(): TextProblem[] {
    const problems = this.sequences.flush().map(({ key, problem }) => {
      const address = this.addresses.get(key) as TextAddress;
      return textProblem(problem.kind, address, problem.discardedBytes);
    });
    this.addresses.clear();
    return problems;
  }

  reset(): void {
    this.sequences.reset();
    this.addresses.clear();
  }

  private pushFlexData(w0: number, words: ArrayLike<number>, offset: number): readonly TextEvent[] {
    const bank = (w0 >>> 8) & 0xff;
    const status = w0 & 0xff;
    if (!isTextBank(bank)) return none;
    const group = (w0 >>> 24) & 0xf;
    const addressField = flexDataAddressOf(w0);
    const channel = channelOf(w0);
    const address: TextAddress = {
      messageType: 0xd,
      status: (bank << 8) | status,
      name: flexDataName(bank, status) ?? 'Reserved Flex Data Text',
      group,
    };
    if (channel !== undefined) address.channel = channel;
    if (words.length - offset < 4) return [textProblem('truncatedPacket', address, 0)];
    const bytes: number[] = [];
    flexTextBytes(words[offset + 1] >>> 0, words[offset + 2] >>> 0, words[offset + 3] >>> 0, bytes);
    // One open text per group, address, channel, bank and status.
    const key = ((group << 24) | (addressField << 22) | ((channel ?? 0) << 16) | (bank << 8) | status) >>> 0;
    return this.take(key, address, (w0 >>> 22) & 0x3, bytes);
  }

  private pushStream(w0: number, words: ArrayLike<number>, offset: number): readonly TextEvent[] {
    const status = (w0 >>> 16) & 0x3ff;
    const functionBlockName = status === 0x012;
    if (status !== 0x003 && status !== 0x004 && !functionBlockName) return none;
    const address: TextAddress = { messageType: 0xf, status, name: umpStreamName(status) ?? '' };
    const functionBlock = functionBlockName ? (w0 >>> 8) & 0x7f : 0;
    if (functionBlockName) address.functionBlock = functionBlock;
    if (words.length - offset < 4) return [textProblem('truncatedPacket', address, 0)];
    const bytes = streamNameBytes(
      w0,
      words[offset + 1] >>> 0,
      words[offset + 2] >>> 0,
      words[offset + 3] >>> 0,
      functionBlockName,
    );
    // Stream keys sit above every Flex Data key (those stay below 2^32).
    const key = 2 ** 32 + ((status << 8) | functionBlock);
    return this.take(key, address, (w0 >>> 26) & 0x3, bytes);
  }

  private take(key: number, address: TextAddress, form: number, bytes: number[]): readonly TextEvent[] {
    this.addresses.set(key, address);
    const outcome: SequenceOutcome = this.sequences.take(key, form, bytes);
    const events: TextEvent[] = [];
    if (outcome.problem !== undefined) {
      events.push(textProblem(outcome.problem.kind, address, outcome.problem.discardedBytes));
    }
    if (outcome.completed !== undefined) {
      const { bytes: textBytes, packetCount } = outcome.completed;
      events.push({ ...address, kind: 'text', text: decodeUtf8(textBytes), bytes: textBytes, packetCount });
    }
    if (!this.sequences.isOpen(key)) this.addresses.delete(key);
    return events.length === 0 ? none : events;
  }
}

function textProblem(kind: TextProblemKind, address: TextAddress, discardedBytes: number): TextProblem {
  const where = numbered`${address.group === undefined ? '' : numbered` group ${groupOrChannel(address.group)}`}${
    address.channel === undefined ? '' : numbered` channel ${groupOrChannel(address.channel)}`
  }${address.functionBlock === undefined ? '' : ` function block ${address.functionBlock}`}`;
  const dropped = discardedBytes > 0 ? ` (${discardedBytes} bytes discarded)` : '';
  return {
    ...address,
    kind,
    description: numbered`${address.name}${where}: ${descriptions[kind]}${dropped}`,
    discardedBytes,
  };
}
