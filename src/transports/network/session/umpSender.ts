// Outgoing UMP: one UMP Data command per message (the form every implementation accepts), each
// with the next 16-bit sequence number, packed into datagrams that each start with the newest
// `fecCount` commands already sent (forward error correction). After traffic stops, a few
// zero-length UMP Data commands carry the tail's FEC copies and let the peer see a lost tail.
import { NakReason, RetransmitErrorReason } from '../protocol/commandCodes';
import { writeNak, writeRetransmitError, writeUmpData } from '../protocol/commandWriters';
import { DatagramWriter } from '../protocol/datagramWriter';
import { wordCountOf } from '../../../ump/messageType';
import { RetransmitBuffer } from './retransmitBuffer';
import { nextSequence, sequenceDistance } from './sequence';
import type { SessionCounters } from './sessionCounters';

export interface UmpSenderOptions {
  /** Earlier UMP Data commands repeated in each datagram (0 turns FEC off). */
  readonly fecCount: number;
  /** Commands kept for Retransmit Requests (0: retransmit is refused with a NAK). */
  readonly retransmitDepth: number;
  readonly maxDatagramBytes: number;
  /** Zero-length UMP Data commands sent after traffic stops. */
  readonly trailingKeepAlives: number;
  readonly keepAliveIdleMs: number;
}

const EMPTY = new Uint32Array(0);
const NO_TEXT = new Uint8Array(0);

export class UmpSender {
  private readonly buffer: RetransmitBuffer;
  private sequence = 0;
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private keepAlivesLeft = 0;
  private sentSinceTimer = false;
  private closed = false;

  constructor(
    private readonly options: UmpSenderOptions,
    private readonly counters: SessionCounters,
    private readonly sendDatagram: (datagram: Buffer) => void,
  ) {
    this.buffer = new RetransmitBuffer(Math.max(options.fecCount, options.retransmitDepth, 1));
  }

  /** The sequence number the next UMP Data command gets. */
  get nextSequenceNumber(): number {
    return this.sequence;
  }

  /**
   * Sends `words[0, wordCount)`, whole messages (the engine validated them). Returns the messages sent;
   * a message cut short at the end is not sent.
   */
  send(words: Uint32Array, wordCount = words.length): number {
    if (this.closed) return 0;
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    let index = 0;
    let messages = 0;
    while (index < wordCount) {
      const length = wordCountOf(words[index]);
      if (index + length > wordCount) break;
      if (writer.isEmpty) this.writeFec(writer);
      if (!writer.fits(length)) {
        this.flush(writer);
        continue;
      }
      this.writeNew(writer, words, index, length);
      index += length;
      messages++;
    }
    this.flush(writer);
    this.counters.umpOut += messages;
    this.armKeepAlives();
    return messages;
  }

  /** One zero-length UMP Data command (with the FEC copies before it). */
  sendKeepAlive(): void {
    if (this.closed) return;
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    this.writeFec(writer);
    this.writeNew(writer, EMPTY, 0, 0);
    this.flush(writer);
    this.counters.keepAlivesSent++;
  }

  /**
   * Answers a Retransmit Request for `count` commands from `from` (0: all from `from` to the newest):
   * the commands still held, then a Retransmit Error for the first one asked for and not held.
   */
  retransmit(from: number, count: number, requestHeader: number): void {
    this.counters.retransmitRequestsReceived++;
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    if (this.options.retransmitDepth === 0) {
      writeNak(writer, NakReason.CommandNotSupported, requestHeader, NO_TEXT);
      this.counters.naksSent++;
      this.flush(writer);
      return;
    }
    const held = this.buffer.size;
    const fromNewest = held === 0 ? -1 : sequenceDistance(from, this.buffer.newest);
    const total = count === 0 ? Math.max(fromNewest + 1, 1) : count;
    let missingAt = -1;
    for (let i = 0; i < total; i++) {
      const sequence = nextSequence(from, i);
      const found = this.buffer.read(sequence, (source, start, length) => {
        if (!writer.fits(length)) this.flush(writer);
        writeUmpData(writer, sequence, source, start, length);
        this.counters.retransmittedOut++;
      });
      if (!found) {
        if (missingAt < 0) missingAt = sequence;
        // The ring holds one contiguous run; past the newest nothing more can be found.
        if (held === 0 || sequenceDistance(this.buffer.newest, sequence) > 0) break;
      }
    }
    if (missingAt >= 0) {
      if (!writer.fits(1)) this.flush(writer);
      writeRetransmitError(writer, RetransmitErrorReason.BufferDoesNotContainSequence, missingAt);
      this.counters.retransmitErrorsSent++;
    }
    this.flush(writer);
  }

  /** Session Reset: sequence numbers start again at 0 and nothing old is repeated. */
  reset(): void {
    this.sequence = 0;
    this.buffer.clear();
    this.keepAlivesLeft = 0;
  }

  close(): void {
    this.closed = true;
    if (this.keepAliveTimer) clearTimeout(this.keepAliveTimer);
    this.keepAliveTimer = undefined;
  }

  private writeNew(writer: DatagramWriter, words: Uint32Array, start: number, length: number): void {
    writeUmpData(writer, this.sequence, words, start, length);
    this.buffer.push(this.sequence, words, start, length);
    this.sequence = nextSequence(this.sequence);
  }

  /** The newest `fecCount` commands sent, oldest first. */
  private writeFec(writer: DatagramWriter): void {
    const copies = Math.min(this.options.fecCount, this.buffer.size);
    for (let back = copies; back >= 1; back--) {
      const sequence = nextSequence(this.sequence, -back);
      this.buffer.read(sequence, (source, start, length) =>
        writeUmpData(writer, sequence, source, start, length),
      );
    }
  }

  private flush(writer: DatagramWriter): void {
    const datagram = writer.take();
    if (datagram) {
      this.counters.datagramsOut++;
      this.sendDatagram(datagram);
    }
  }

  private armKeepAlives(): void {
    if (this.options.trailingKeepAlives <= 0) return;
    this.keepAlivesLeft = this.options.trailingKeepAlives;
    this.sentSinceTimer = true;
    if (this.keepAliveTimer) return;
    const tick = (): void => {
      this.keepAliveTimer = undefined;
      if (this.closed) return;
      if (this.sentSinceTimer) this.sentSinceTimer = false;
      else if (this.keepAlivesLeft > 0) {
        this.keepAlivesLeft--;
        this.sendKeepAlive();
      }
      if (this.keepAlivesLeft > 0) {
        this.keepAliveTimer = setTimeout(tick, this.options.keepAliveIdleMs);
        this.keepAliveTimer.unref();
      }
    };
    this.keepAliveTimer = setTimeout(tick, this.options.keepAliveIdleMs);
    this.keepAliveTimer.unref();
  }
}
