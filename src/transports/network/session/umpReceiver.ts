// Incoming UMP Data: every command is delivered exactly once and in sequence order. Copies of what
// was delivered (FEC repeats, late retransmissions) are dropped and counted; a command that
// arrives after a gap waits until the gap is filled by FEC, by a Retransmit Request, or is declared
// lost (counted and reported, never hidden) so the rest can go on.
import { nextSequence, sequenceDistance } from './sequence';
import type { SessionCounters } from './sessionCounters';

export interface UmpReceiverOptions {
  /** How long a gap may stay open before retransmission is asked for (or it is declared lost). */
  readonly missingTimeoutMs: number;
  readonly retransmitTimeoutMs: number;
  readonly retransmitAttempts: number;
  /** Whether to ask the peer for retransmissions at all. */
  readonly retransmit: boolean;
  /** Commands held after a gap; beyond this the gap is declared lost. */
  readonly maxPending: number;
}

export interface UmpReceiverEvents {
  /** Whole messages, in order; `words` is only valid during the call. */
  deliver(words: Uint32Array, messageCount: number): void;
  requestRetransmit(from: number, count: number): void;
  lost(from: number, count: number, why: string): void;
}

const STALE_DISTANCE = 1024;
/** A first sequence number this far from 0 is taken as where the peer starts, not as a gap. */
const START_TOLERANCE = 256;
/**
 * Sequence numbers this far before 0 in the first datagram after a session starts or resets are
 * FEC copies of data from before it (amidi2net repeats its last commands, renumbered 65533…65535,
 * ahead of the new 0): dropped as duplicates, not taken as the stream's start. 32 is the most FEC.
 */
const COPIES_BEFORE_START = 32;

interface Pending {
  readonly words: Uint32Array;
  readonly messages: number;
}

export class UmpReceiver {
  private started = false;
  private expected = 0;
  /** What came next before a Session Reset: a peer that keeps numbering goes on from there. */
  private expectedBeforeReset = -1;
  private readonly pending = new Map<number, Pending>();
  private output = new Uint32Array(1024);
  private outputWords = 0;
  private outputMessages = 0;
  /** The most UMP Data commands a datagram began with that were copies: the peer's FEC count. */
  private fecSeen = 0;
  private datagramPosition = 0;
  private leadingCopies = 0;
  private leadingRun = true;
  private gapTimer: NodeJS.Timeout | undefined;
  private retransmitFrom = -1;
  private retransmitCount = 0;
  /** The range last asked for, to tell retransmissions from FEC copies when they arrive. */
  private askedFrom = -1;
  private askedCount = 0;
  private attempts = 0;
  private peerRefusesRetransmit = false;
  /** Notes for the log, once each. */
  readonly tolerated: string[] = [];

  constructor(
    private readonly options: UmpReceiverOptions,
    private readonly counters: SessionCounters,
    private readonly events: UmpReceiverEvents,
  ) {}

  get peerFecCount(): number {
    return this.fecSeen;
  }

  get retransmitRefusedByPeer(): boolean {
    return this.peerRefusesRetransmit;
  }

  beginDatagram(): void {
    this.datagramPosition = 0;
    this.leadingCopies = 0;
    this.leadingRun = true;
  }

  endDatagram(): void {
    if (this.leadingCopies > this.fecSeen) this.fecSeen = this.leadingCopies;
    this.flush();
  }

  /** One UMP Data command: `wordCount` big-endian words at `byteOffset` of `view`. */
  umpData(
    sequence: number,
    view: DataView,
    byteOffset: number,
    wordCount: number,
    messageCount: number,
  ): void {
    const position = this.datagramPosition++;
    if (wordCount === 0) this.counters.keepAlivesReceived++;
    if (!this.started) {
      this.started = true;
      const fromZero = sequenceDistance(0, sequence);
      const fromBefore =
        this.expectedBeforeReset < 0 ? -0x10000 : sequenceDistance(this.expectedBeforeReset, sequence);
      if (fromZero < 0 && fromZero >= -COPIES_BEFORE_START) {
        this.expected = 0;
        this.note(
          `the peer's first datagram after the session (re)started led with sequence number ${sequence}: FEC copies from before the start, dropped`,
        );
      } else if (fromBefore >= -COPIES_BEFORE_START && fromBefore <= START_TOLERANCE && fromZero !== 0) {
        // amidi2net resets only what it receives: its sending goes on with the old numbers, and
        // its first datagram leads with FEC copies already delivered before the reset.
        this.expected = this.expectedBeforeReset;
        this.note(
          `the peer did not restart its sequence numbers after Session Reset (went on at ${sequence}): continued from ${this.expected}`,
        );
      } else if (fromZero < 0 || fromZero > START_TOLERANCE) {
        this.expected = sequence;
        this.note(`the peer's first UMP Data had sequence number ${sequence}, not 0: taken as its start`);
      } else this.expected = 0;
    }
    const distance = sequenceDistance(this.expected, sequence);
    if (distance < 0 || this.pending.has(sequence)) {
      if (distance < -STALE_DISTANCE) this.counters.staleSequence++;
      else this.counters.duplicates++;
      if (this.leadingRun) this.leadingCopies++;
      return;
    }
    this.leadingRun = false;
    const intoAsked = this.askedFrom < 0 ? -1 : sequenceDistance(this.askedFrom, sequence);
    if (intoAsked >= 0 && intoAsked < this.askedCount) {
      this.counters.retransmitRecovered++;
    } else if (position < this.fecSeen) {
      this.counters.fecRecovered++;
    }
    if (distance === 0) {
      this.appendFromView(view, byteOffset, wordCount, messageCount);
      this.expected = nextSequence(this.expected);
      this.drainPending();
    } else {
      const words = new Uint32Array(wordCount);
      for (let i = 0; i < wordCount; i++) words[i] = view.getUint32(byteOffset + i * 4);
      this.pending.set(sequence, { words, messages: messageCount });
      if (this.pending.size > this.options.maxPending)
        this.declareLost('too many commands waiting behind the gap');
    }
    this.updateGapTimer();
  }

  /** The peer could not retransmit `sequence`: what is still missing up to the next held command is lost. */
  retransmitError(sequence: number, reason: number): void {
    this.counters.retransmitErrorsReceived++;
    if (this.pending.size > 0)
      this.declareLost(
        `the peer could not retransmit sequence ${sequence} (reason 0x${reason.toString(16)})`,
      );
    this.flush();
  }

  /** The peer answered our Retransmit Request with a NAK: it does not retransmit. */
  retransmitRefused(): void {
    if (!this.peerRefusesRetransmit)
      this.note(
        'the peer does not support Retransmit Request (it answered with a NAK); gaps beyond FEC are lost',
      );
    this.peerRefusesRetransmit = true;
    if (this.pending.size > 0) this.declareLost('the peer does not retransmit');
    this.flush();
  }

  /** Session Reset: the peer's sequence numbers start again. */
  reset(): void {
    // A second reset before anything arrived (both sides asked) keeps what came next before.
    if (this.started) this.expectedBeforeReset = this.expected;
    this.started = false;
    this.expected = 0;
    this.pending.clear();
    this.clearGap();
    this.askedFrom = -1;
    this.fecSeen = 0;
  }

  close(): void {
    this.clearGap();
    this.pending.clear();
  }

  private note(text: string): void {
    if (!this.tolerated.includes(text)) this.tolerated.push(text);
  }

  private appendFromView(view: DataView, byteOffset: number, wordCount: number, messages: number): void {
    this.ensureOutput(wordCount);
    const out = this.output;
    let at = this.outputWords;
    for (let i = 0; i < wordCount; i++) out[at++] = view.getUint32(byteOffset + i * 4);
    this.outputWords = at;
    this.outputMessages += messages;
  }

  private appendWords(words: Uint32Array, messages: number): void {
    this.ensureOutput(words.length);
    this.output.set(words, this.outputWords);
    this.outputWords += words.length;
    this.outputMessages += messages;
  }

  private ensureOutput(extra: number): void {
    if (this.outputWords + extra <= this.output.length) return;
    const grown = new Uint32Array(Math.max(this.output.length * 2, this.outputWords + extra));
    grown.set(this.output.subarray(0, this.outputWords));
    this.output = grown;
  }

  private flush(): void {
    if (this.outputWords === 0) return;
    const words = this.output.subarray(0, this.outputWords);
    const messages = this.outputMessages;
    this.outputWords = 0;
    this.outputMessages = 0;
    this.counters.umpIn += messages;
    this.events.deliver(words, messages);
  }

  private drainPending(): void {
    for (;;) {
      const next = this.pending.get(this.expected);
      if (!next) return;
      this.pending.delete(this.expected);
      this.appendWords(next.words, next.messages);
      this.expected = nextSequence(this.expected);
    }
  }

  /** The pending command nearest after `expected`. */
  private lowestPending(): number {
    let best = -1;
    let bestDistance = 0x10000;
    for (const sequence of this.pending.keys()) {
      const distance = sequenceDistance(this.expected, sequence);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = sequence;
      }
    }
    return best;
  }

  private declareLost(why: string): void {
    const lowest = this.lowestPending();
    if (lowest < 0) return;
    const count = sequenceDistance(this.expected, lowest);
    const from = this.expected;
    this.counters.lost += count;
    this.expected = lowest;
    this.clearGap();
    this.events.lost(from, count, why);
    this.drainPending();
    this.updateGapTimer();
  }

  private clearGap(): void {
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    this.retransmitFrom = -1;
    this.retransmitCount = 0;
    this.attempts = 0;
  }

  private updateGapTimer(): void {
    if (this.pending.size === 0) {
      this.clearGap();
      return;
    }
    if (this.retransmitFrom >= 0 && this.retransmitFrom !== this.expected) {
      // Part of the gap arrived; what is left is a new gap.
      this.clearGap();
    }
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => this.onGapTimeout(), this.options.missingTimeoutMs);
    this.gapTimer.unref();
  }

  private onGapTimeout(): void {
    this.gapTimer = undefined;
    if (this.pending.size === 0) return;
    const canAsk = this.options.retransmit && !this.peerRefusesRetransmit;
    if (!canAsk || this.attempts >= this.options.retransmitAttempts) {
      this.declareLost(canAsk ? `no answer to ${this.attempts} Retransmit Requests` : 'retransmit is off');
      this.flush();
      return;
    }
    const lowest = this.lowestPending();
    this.retransmitFrom = this.expected;
    this.retransmitCount = sequenceDistance(this.expected, lowest);
    this.askedFrom = this.retransmitFrom;
    this.askedCount = this.retransmitCount;
    this.attempts++;
    this.counters.retransmitRequestsSent++;
    this.events.requestRetransmit(this.retransmitFrom, this.retransmitCount);
    this.gapTimer = setTimeout(() => this.onGapTimeout(), this.options.retransmitTimeoutMs);
    this.gapTimer.unref();
  }
}
