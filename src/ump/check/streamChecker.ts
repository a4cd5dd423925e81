// UmpStreamChecker: the problems a message has because of what came before it on the same
// stream — SysEx7/SysEx8 sequencing per group, Mixed Data Set chunks against their header,
// multi-packet text order, NOOP floods, timestamps going backwards and JR Clock order. It adds
// them to checkUmp's problems for the same message. Feed it every message in arrival order.
import { PacketForm, wordCountForMessageType } from '../messageType';
import { checkUmp } from './checkMessage';
import { isStreamTextStatus } from './checkUmpStream';
import { payloadsReadingHeaderIncluded, payloadsReadingPayloadOnly } from './mixedDataSetReadings';
import { groupOrChannel, numbered, type NumberedText } from '../numbering';
import { pushProblem, type UmpProblem } from './problem';

export interface StreamCheckerOptions {
  /** NOOPs in a row that count as a flood (default 64). */
  noopFloodThreshold?: number;
}

interface OpenChunk {
  validBytes: number;
  payloads: number;
  payloadOnly: number;
  headerIncluded: number;
}

const formNames = ['Complete', 'Start', 'Continue', 'End'];

export class UmpStreamChecker {
  /** Open SysEx7 per group. */
  private readonly sysEx7 = new Set<number>();
  /** Open SysEx8 per (group << 8 | stream id). */
  private readonly sysEx8 = new Set<number>();
  private readonly sysEx8Groups = new Map<number, number>();
  private readonly chunks = new Map<number, OpenChunk>();
  private readonly texts = new Set<number>();
  private noopRun = 0;
  private lastTimestamp: number | undefined;
  private lastJrTimestamp: number | undefined;
  private lastJrClock: number | undefined;
  private readonly noopFloodThreshold: number;

  constructor(options?: StreamCheckerOptions) {
    this.noopFloodThreshold = options?.noopFloodThreshold ?? 64;
  }

  /**
   * The problems of the message at `words[offset]`, on its own and in this stream.
   * `timestamp` (any monotonic unit, e.g. the engine's 10 MHz ticks) is checked for going back.
   */
  check(words: ArrayLike<number>, offset = 0, timestamp?: number): UmpProblem[] {
    const own = checkUmp(words, offset);
    if (own.length > 0 && own[0].code === 'incompleteMessage') return [...own];
    return [...own, ...this.checkInStream(words, offset, timestamp)];
  }

  /**
   * Only the problems the message has because of the stream before it (not checkUmp's), for
   * callers that check the message alone elsewhere, such as the monitor. A message cut short
   * (its words run out) is left out of the stream's state and gets none.
   */
  checkInStream(words: ArrayLike<number>, offset = 0, timestamp?: number): UmpProblem[] {
    const into: UmpProblem[] = [];
    if (offset < 0 || offset >= words.length) return into;
    const w0 = words[offset] >>> 0;
    if (offset + wordCountForMessageType(w0 >>> 28) > words.length) return into;
    if (timestamp !== undefined) this.checkTimestamp(into, timestamp);
    const type = w0 >>> 28;
    if (type === 0x0) this.checkUtility(into, w0);
    else this.noopRun = 0;
    if (type === 0x3) this.checkSysEx(into, w0, false);
    else if (type === 0x5) {
      const status = (w0 >>> 20) & 0xf;
      if (status <= 3) this.checkSysEx(into, w0, true);
      else if (status === 0x8 || status === 0x9) this.checkMixedDataSet(into, w0, status === 0x8);
    } else if (type === 0xd) this.checkFlexText(into, w0);
    else if (type === 0xf) this.checkStreamText(into, w0);
    return into;
  }

  /** SysEx messages, Mixed Data Set chunks and texts still waiting for their end. */
  openSequences(): number {
    return this.sysEx7.size + this.sysEx8.size + this.chunks.size + this.texts.size;
  }

  reset(): void {
    this.sysEx7.clear();
    this.sysEx8.clear();
    this.sysEx8Groups.clear();
    this.chunks.clear();
    this.texts.clear();
    this.noopRun = 0;
    this.lastTimestamp = this.lastJrTimestamp = this.lastJrClock = undefined;
  }

  private checkTimestamp(into: UmpProblem[], timestamp: number): void {
    const last = this.lastTimestamp;
    if (last !== undefined && timestamp < last) {
      pushProblem(
        into,
        'timestampBackwards',
        0,
        31,
        0,
        `arrived with timestamp ${timestamp}, before the previous message's ${last}`,
      );
    }
    this.lastTimestamp = timestamp;
  }

  private checkUtility(into: UmpProblem[], w0: number): void {
    const status = (w0 >>> 20) & 0xf;
    if (status !== 0x0) this.noopRun = 0;
    else if (++this.noopRun === this.noopFloodThreshold) {
      pushProblem(
        into,
        'noopFlood',
        0,
        23,
        20,
        `${this.noopRun} NOOPs in a row: a sender with nothing to say should say nothing`,
      );
    }
    if (status !== 0x1 && status !== 0x2) return;
    const ticks = w0 & 0xffff;
    const last = status === 0x1 ? this.lastJrClock : this.lastJrTimestamp;
    // 16-bit times wrap every 2.1 s: a step of more than half the range is a step back.
    if (last !== undefined && ((ticks - last) & 0xffff) > 0x8000) {
      if (status === 0x1) {
        pushProblem(
          into,
          'jrClockOutOfOrder',
          0,
          15,
          0,
          `JR Clock ${ticks} is behind the previous JR Clock ${last}`,
        );
      } else {
        pushProblem(
          into,
          'timestampBackwards',
          0,
          15,
          0,
          `JR Timestamp ${ticks} is behind the previous JR Timestamp ${last}`,
        );
      }
    }
    if (status === 0x1) this.lastJrClock = ticks;
    else this.lastJrTimestamp = ticks;
  }

  private checkSysEx(into: UmpProblem[], w0: number, eightBit: boolean): void {
    const group = (w0 >>> 24) & 0xf;
    const form = ((w0 >>> 20) & 0x3) as PacketForm;
    const kind = eightBit ? 'SysEx8' : 'SysEx7';
    const key = eightBit ? (group << 8) | ((w0 >>> 8) & 0xff) : group;
    const open = eightBit ? this.sysEx8 : this.sysEx7;
    const otherOpen = eightBit ? this.sysEx7.has(group) : (this.sysEx8Groups.get(group) ?? 0) > 0;
    if (otherOpen) {
      pushProblem(
        into,
        'sysExInterleaved',
        0,
        23,
        20,
        numbered`${kind} ${formNames[form]} on group ${groupOrChannel(group)} while a ${eightBit ? 'SysEx7' : 'SysEx8'} message is open there`,
      );
    }
    const wasOpen = open.has(key);
    const where = eightBit
      ? numbered`group ${groupOrChannel(group)} stream ${key & 0xff}`
      : numbered`group ${groupOrChannel(group)}`;
    if ((form === PacketForm.Start || form === PacketForm.Complete) && wasOpen) {
      pushProblem(
        into,
        'sysExStartedTwice',
        0,
        23,
        20,
        numbered`${kind} ${formNames[form]} on ${where} while a ${kind} message is still open: the open one is cut short`,
      );
    }
    if ((form === PacketForm.Continue || form === PacketForm.End) && !wasOpen) {
      pushProblem(
        into,
        'sysExWithoutStart',
        0,
        23,
        20,
        numbered`${kind} ${formNames[form]} on ${where} with no ${kind} Start before it`,
      );
    }
    const nowOpen = form === PacketForm.Start || (form === PacketForm.Continue && wasOpen);
    if (nowOpen && !wasOpen) {
      open.add(key);
      if (eightBit) this.sysEx8Groups.set(group, (this.sysEx8Groups.get(group) ?? 0) + 1);
    } else if (!nowOpen && wasOpen) {
      open.delete(key);
      if (eightBit) this.sysEx8Groups.set(group, (this.sysEx8Groups.get(group) ?? 1) - 1);
    }
  }

  private checkMixedDataSet(into: UmpProblem[], w0: number, header: boolean): void {
    const group = (w0 >>> 24) & 0xf;
    const mdsId = (w0 >>> 16) & 0xf;
    const key = (group << 4) | mdsId;
    const open = this.chunks.get(key);
    const where = numbered`group ${groupOrChannel(group)} MDS id ${mdsId}`;
    if (!header) {
      if (open === undefined) {
        pushProblem(
          into,
          'mdsPayloadWithoutHeader',
          0,
          23,
          16,
          numbered`Mixed Data Set payload on ${where} with no open chunk: no header, or more payloads than its byte count needs`,
        );
        return;
      }
      open.payloads++;
      if (open.payloads >= open.payloadOnly) this.chunks.delete(key);
      return;
    }
    if (open !== undefined) this.closeChunkAtHeader(into, open, where);
    const validBytes = w0 & 0xffff;
    const chunk: OpenChunk = {
      validBytes,
      payloads: 0,
      payloadOnly: payloadsReadingPayloadOnly(validBytes),
      headerIncluded: payloadsReadingHeaderIncluded(validBytes),
    };
    if (chunk.payloadOnly > 0) this.chunks.set(key, chunk);
    else this.chunks.delete(key);
  }

  /** A header arrived while the previous chunk still waited for payloads: which reading fits? */
  private closeChunkAtHeader(into: UmpProblem[], open: OpenChunk, where: NumberedText): void {
    if (open.payloads === open.headerIncluded) {
      pushProblem(
        into,
        'mdsCountIncludesHeader',
        0,
        15,
        0,
        numbered`the previous chunk on ${where} had ${open.payloads} payload(s) for ${open.validBytes} valid bytes: that matches a count that includes the header's 8 data bytes, not MIDI Scope's payload-only reading (${open.payloadOnly} payloads)`,
      );
      return;
    }
    pushProblem(
      into,
      'mdsPayloadCountMismatch',
      0,
      15,
      0,
      numbered`the previous chunk on ${where} announced ${open.validBytes} valid bytes (${open.payloadOnly} payloads) but got ${open.payloads} before this header`,
    );
  }

  private checkFlexText(into: UmpProblem[], w0: number): void {
    const bank = (w0 >>> 8) & 0xff;
    if (bank !== 0x01 && bank !== 0x02) return;
    // One text per group, address, channel and kind (bank and status); stream texts key below 2^32.
    const place = ((w0 >>> 24) & 0xf) * 64 + ((w0 >>> 16) & 0x3f);
    const key = 0x1_0000_0000 + place * 0x10000 + (w0 & 0xffff);
    this.checkText(into, key, (w0 >>> 22) & 0x3, 0, 23, 22, 'Flex Data text');
  }

  private checkStreamText(into: UmpProblem[], w0: number): void {
    const status = (w0 >>> 16) & 0x3ff;
    if (!isStreamTextStatus(status)) return;
    const block = status === 0x012 ? (w0 >>> 8) & 0x7f : 0;
    const what =
      status === 0x003
        ? 'Endpoint Name'
        : status === 0x004
          ? 'Product Instance Id'
          : `Function Block ${block} Name`;
    this.checkText(into, status * 0x100 + block, (w0 >>> 26) & 0x3, 0, 27, 26, what);
  }

  private checkText(
    into: UmpProblem[],
    key: number,
    form: PacketForm,
    word: number,
    highBit: number,
    lowBit: number,
    what: string,
  ): void {
    const wasOpen = this.texts.has(key);
    if ((form === PacketForm.Start || form === PacketForm.Complete) && wasOpen) {
      pushProblem(
        into,
        'textCutShort',
        word,
        highBit,
        lowBit,
        `${what} ${formNames[form]} while the previous text never got its End: that text is cut short`,
      );
    }
    if ((form === PacketForm.Continue || form === PacketForm.End) && !wasOpen) {
      pushProblem(
        into,
        'textWithoutStart',
        word,
        highBit,
        lowBit,
        `${what} ${formNames[form]} with no Start before it: packets out of order or lost`,
      );
    }
    if (form === PacketForm.Start || (form === PacketForm.Continue && wasOpen)) this.texts.add(key);
    else this.texts.delete(key);
  }
}
