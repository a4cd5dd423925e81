// One established session, the same for both roles: UMP both ways with FEC and retransmission,
// pings and RTT, Session Reset, NAKs, and Bye in both directions. The host or client that owns the
// socket hands it the commands that belong to it and sends the datagrams it builds.
import {
  ByeReason,
  CommandCode,
  NakReason,
  describeByeReason,
  describeNakReason,
  describeCommandCode,
} from '../protocol/commandCodes';
import type { Command, EndpointIdentity } from '../protocol/commands';
import {
  writeBye,
  writeByeReply,
  writeNak,
  writePing,
  writeRetransmitRequest,
  writeSessionReset,
} from '../protocol/commandWriters';
import { DatagramWriter } from '../protocol/datagramWriter';
import { randomBytes } from 'node:crypto';
import type { NetworkLog } from './networkLog';
import { newSessionCounters, type SessionCounters } from './sessionCounters';
import type { SessionOptions } from './sessionOptions';
import { UmpReceiver } from './umpReceiver';
import { UmpSender } from './umpSender';

export type SessionState = 'established' | 'resetting' | 'closing' | 'closed';

export interface SessionEnd {
  readonly reason: number;
  /** True when the peer said Bye; false when this side ended it (by the user or a timeout). */
  readonly byPeer: boolean;
  readonly text: string;
}

export interface RemoteAddress {
  readonly address: string;
  readonly port: number;
}

export interface SessionListener {
  /** Whole UMP messages in order; `words` is only valid during the call. */
  ump?(words: Uint32Array, messageCount: number): void;
  /**
   * A state change, an end or a reset. RTT and counters move too often to notify (each change
   * would redraw whole views): read them when drawing.
   */
  changed?(): void;
  lost?(from: number, count: number, why: string): void;
}

const encoder = new TextEncoder();

function isSessionCommand(code: number): boolean {
  return code === CommandCode.UmpData || code === CommandCode.Ping || code === CommandCode.SessionReset;
}

export class NetworkSession {
  readonly counters: SessionCounters = newSessionCounters();
  private currentState: SessionState = 'established';
  private readonly sender: UmpSender;
  private readonly receiver: UmpReceiver;
  private readonly listeners = new Set<SessionListener>();
  private pingTimer: NodeJS.Timeout | undefined;
  private outstandingPing: { id: number; sentAt: bigint } | undefined;
  /**
   * The last few pings sent, by id: a slow peer's reply may come after the next ping went out
   * (seen with amidi2net under emulation); it still measures a round trip and is no fault.
   */
  private readonly recentPings = new Map<number, bigint>();
  private receivedSincePing = true;
  private peerSpoke = false;
  private missedPings = 0;
  private lastRttMs: number | undefined;
  private smoothedRttMs: number | undefined;
  private endInfo: SessionEnd | undefined;
  private byeTimer: NodeJS.Timeout | undefined;
  private resetWaiters: (() => void)[] = [];
  private endWaiters: (() => void)[] = [];
  private readonly toleratedOnce = new Set<string>();

  constructor(
    readonly id: string,
    readonly role: 'host' | 'client',
    readonly remote: RemoteAddress,
    readonly peer: EndpointIdentity,
    readonly options: SessionOptions,
    private readonly sendDatagram: (datagram: Buffer) => void,
    private readonly log: NetworkLog,
  ) {
    const send = (datagram: Buffer): void => this.sendDatagram(datagram);
    this.sender = new UmpSender(options, this.counters, send);
    this.receiver = new UmpReceiver(options, this.counters, {
      deliver: (words, messages) => {
        for (const listener of this.listeners) listener.ump?.(words, messages);
      },
      requestRetransmit: (from, count) => this.control((w) => writeRetransmitRequest(w, from, count)),
      lost: (from, count, why) => {
        this.log.warn(`${this.label}: ${count} UMP Data command(s) lost from sequence ${from}: ${why}`);
        for (const listener of this.listeners) listener.lost?.(from, count, why);
      },
    });
    this.armPing();
  }

  get label(): string {
    return `${this.role} session ${this.id} with ${this.remote.address}:${this.remote.port} ('${this.peer.endpointName}')`;
  }

  get state(): SessionState {
    return this.currentState;
  }

  get rttMs(): number | undefined {
    return this.lastRttMs;
  }

  get smoothedRtt(): number | undefined {
    return this.smoothedRttMs;
  }

  get end(): SessionEnd | undefined {
    return this.endInfo;
  }

  get peerFecCount(): number {
    return this.receiver.peerFecCount;
  }

  get peerRefusesRetransmit(): boolean {
    return this.receiver.retransmitRefusedByPeer;
  }

  listen(listener: SessionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends whole messages; returns how many went out (0 when the session is not established). */
  sendUmp(words: Uint32Array, wordCount = words.length): number {
    if (this.currentState !== 'established') return 0;
    return this.sender.send(words, wordCount);
  }

  /** Sends Session Reset and resolves when the Reply arrives (or the session ends). */
  reset(): Promise<void> {
    if (this.currentState !== 'established' && this.currentState !== 'resetting') return Promise.resolve();
    this.setState('resetting');
    this.control((w) => writeSessionReset(w, false));
    return new Promise((resolve) => this.resetWaiters.push(resolve));
  }

  /** Sends Bye with `reason` and resolves when the Bye Reply arrives or after byeTimeoutMs. */
  close(reason: ByeReason = ByeReason.UserTerminated, text = ''): Promise<void> {
    if (this.currentState === 'closed') return Promise.resolve();
    if (this.currentState !== 'closing') {
      this.control((w) => writeBye(w, reason, encoder.encode(text)));
      this.endInfo = { reason, byPeer: false, text };
      this.log.info(`${this.label}: Bye sent, ${describeByeReason(reason)}`);
      this.setState('closing');
      this.byeTimer = setTimeout(() => this.finish(), this.options.byeTimeoutMs);
      this.byeTimer.unref();
    }
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /** Ends at once without a Bye (the socket went away). */
  dispose(): void {
    if (this.currentState === 'closed') return;
    this.endInfo ??= { reason: ByeReason.Unknown, byPeer: false, text: 'the transport was disposed' };
    this.finish();
  }

  /** Whether the peer has sent UMP Data or a command other than NAK and Ping Reply: it knows of this session. */
  get heardFromPeer(): boolean {
    return this.peerSpoke;
  }

  beginDatagram(): void {
    this.counters.datagramsIn++;
    this.receivedSincePing = true;
    this.missedPings = 0;
    this.receiver.beginDatagram();
  }

  endDatagram(): void {
    this.receiver.endDatagram();
    for (const text of this.receiver.tolerated.splice(0)) this.tolerate(text);
  }

  umpData(
    sequence: number,
    view: DataView,
    byteOffset: number,
    wordCount: number,
    messageCount: number,
  ): void {
    if (this.currentState === 'closed' || this.currentState === 'closing') return;
    this.peerSpoke = true;
    this.receiver.umpData(sequence, view, byteOffset, wordCount, messageCount);
  }

  tolerate(text: string): void {
    if (this.toleratedOnce.has(text)) return;
    this.toleratedOnce.add(text);
    this.log.info(`${this.label}: tolerated: ${text}`);
  }

  /** A non-UMP command from the peer. Returns false when it does not belong to a session. */
  command(command: Command, header: number): boolean {
    // A client still inviting answers our first ping (or NAKs it): neither says it knows the session.
    if (command.kind !== 'nak' && command.kind !== 'pingReply') this.peerSpoke = true;
    switch (command.kind) {
      case 'ping':
        this.control((w) => writePing(w, true, command.id));
        return true;
      case 'pingReply':
        this.pingReply(command.id, header);
        return true;
      case 'retransmitRequest':
        this.sender.retransmit(command.sequence, command.count, header);
        return true;
      case 'retransmitError':
        this.log.warn(
          `${this.label}: Retransmit Error for sequence ${command.sequence}, reason 0x${command.reason.toString(16)}`,
        );
        this.receiver.retransmitError(command.sequence, command.reason);
        return true;
      case 'sessionReset':
        this.sender.reset();
        this.receiver.reset();
        this.control((w) => writeSessionReset(w, true));
        this.log.info(`${this.label}: the peer reset the session`);
        this.changed();
        return true;
      case 'sessionResetReply':
        if (this.currentState === 'resetting') {
          this.sender.reset();
          this.receiver.reset();
          this.setState('established');
          this.log.info(`${this.label}: session reset`);
          for (const resolve of this.resetWaiters.splice(0)) resolve();
        } else this.nak(NakReason.CommandNotExpected, header, 'no Session Reset was sent');
        return true;
      case 'nak':
        this.counters.naksReceived++;
        this.log.warn(
          `${this.label}: NAK ${describeNakReason(command.reason)} for ${describeCommandCode(command.originalHeader >>> 24)}${command.text ? `: ${command.text}` : ''}`,
        );
        if (command.originalHeader >>> 24 === CommandCode.RetransmitRequest)
          this.receiver.retransmitRefused();
        else if (
          command.reason === NakReason.CommandNotExpected &&
          isSessionCommand(command.originalHeader >>> 24)
        ) {
          // The peer has no session with us any more (it restarted or timed us out).
          this.endInfo = {
            reason: ByeReason.SessionNotEstablished,
            byPeer: false,
            text: 'the peer has no session (NAK)',
          };
          this.log.warn(`${this.label}: the peer no longer knows this session; it ends`);
          this.finish();
        }
        return true;
      case 'bye':
        this.control((w) => writeByeReply(w));
        this.endInfo = { reason: command.reason, byPeer: true, text: command.text };
        this.log.info(
          `${this.label}: the peer said Bye, ${describeByeReason(command.reason)}${command.text ? `: ${command.text}` : ''}`,
        );
        this.finish();
        return true;
      case 'byeReply':
        if (this.currentState === 'closing') this.finish();
        return true;
      default:
        return false;
    }
  }

  /** Sends a NAK quoting `header`. */
  nak(reason: NakReason, header: number, text = ''): void {
    this.counters.naksSent++;
    this.control((w) => writeNak(w, reason, header, encoder.encode(text)));
  }

  private pingReply(id: number, header: number): void {
    const sentAt = this.recentPings.get(id);
    if (sentAt === undefined) {
      this.nak(NakReason.BadPingReply, header, 'no ping with this id was sent lately');
      return;
    }
    this.recentPings.delete(id);
    this.counters.pingRepliesReceived++;
    if (this.outstandingPing?.id === id) this.outstandingPing = undefined;
    const rtt = Number(process.hrtime.bigint() - sentAt) / 1e6;
    this.lastRttMs = rtt;
    this.smoothedRttMs = this.smoothedRttMs === undefined ? rtt : this.smoothedRttMs * 0.875 + rtt * 0.125;
  }

  private armPing(): void {
    this.pingTimer = setInterval(() => this.pingTick(), this.options.pingIntervalMs);
    this.pingTimer.unref();
    this.sendPing();
  }

  private pingTick(): void {
    if (this.currentState === 'closed' || this.currentState === 'closing') return;
    if (this.outstandingPing && !this.receivedSincePing) {
      this.counters.pingsMissed++;
      this.missedPings++;
      this.log.warn(`${this.label}: no answer to ping ${this.missedPings} of ${this.options.pingAttempts}`);
      if (this.missedPings >= this.options.pingAttempts) {
        void this.close(ByeReason.Timeout, 'no reply to pings');
        this.finish();
        return;
      }
    }
    this.sendPing();
  }

  private sendPing(): void {
    const id = randomBytes(4).readUInt32BE(0);
    this.outstandingPing = { id, sentAt: process.hrtime.bigint() };
    this.recentPings.set(id, this.outstandingPing.sentAt);
    const oldest = this.recentPings.keys().next().value;
    if (this.recentPings.size > this.options.pingAttempts + 1 && oldest !== undefined)
      this.recentPings.delete(oldest);
    this.receivedSincePing = false;
    this.counters.pingsSent++;
    this.control((w) => writePing(w, false, id));
  }

  private control(write: (writer: DatagramWriter) => void): void {
    if (this.currentState === 'closed') return;
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    write(writer);
    const datagram = writer.take();
    if (datagram) {
      this.counters.datagramsOut++;
      this.sendDatagram(datagram);
    }
  }

  private finish(): void {
    if (this.currentState === 'closed') return;
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.byeTimer) clearTimeout(this.byeTimer);
    this.sender.close();
    this.receiver.close();
    this.setState('closed');
    for (const resolve of this.resetWaiters.splice(0)) resolve();
    for (const resolve of this.endWaiters.splice(0)) resolve();
  }

  private setState(state: SessionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener.changed?.();
  }
}
