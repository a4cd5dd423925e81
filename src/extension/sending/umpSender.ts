// Sends UMP words from the editor to endpoints through one engine session. Connections open on
// first use and stay open (reopened if their endpoint went away and came back); each multiple-
// message send is one engine call, so what was sent is exactly what the engine reports.
import * as vscode from 'vscode';
import {
  MidiSendMessageResults,
  type MidiEndpointConnection,
  type MidiMultipleSendResult,
  type MidiSession,
} from '../../engine';
import { Disposable } from '../disposable';
import type { EngineModule } from '../engineHost';

/** Send-only connections: anything the peer sends back is not read, so keep the ring small. */
const sendConnectionSettings = { receiveBufferWords: 1024 };

export interface TimedMessage {
  /** MidiClock ticks. */
  timestamp: number;
  words: Uint32Array;
}

/** Messages the receivers on the other side of the pair dropped during a send (ring full). */
export interface ReceiverDrops {
  /** The endpoint whose connections receive what is sent to the target (its pair's other side). */
  endpointDeviceId: string;
  endpointName: string;
  /** Messages dropped while the send ran, over every connection on that endpoint in this process. */
  dropped: number;
  /** Its open connections, the receivers. */
  openConnections: number;
}

/** Scheduled messages to one endpoint that were not sent at their due time, since the last report. */
export interface ScheduledFailure {
  endpointDeviceId: string;
  messages: number;
  /** The send result flags of the last of them (failed | reason). */
  result: number;
}

/** How often what is scheduled is looked at while anything is pending. */
const scheduleWatchIntervalMs = 250;

export interface SendOutcome extends MidiMultipleSendResult {
  endpointDeviceId: string;
  totalMessages: number;
  totalWords: number;
  /** Set when the engine said bufferFull or a receiver's drop count grew during the send. */
  receiverDrops?: ReceiverDrops;
}

function notSent(endpointDeviceId: string, totalMessages: number, totalWords: number): SendOutcome {
  const { failed, endpointConnectionClosedOrInvalid } = MidiSendMessageResults;
  return {
    result: (failed | endpointConnectionClosedOrInvalid) >>> 0,
    messagesSent: 0,
    wordsSent: 0,
    endpointDeviceId,
    totalMessages,
    totalWords,
  };
}

export class UmpSender extends Disposable {
  private readonly session: MidiSession;
  private readonly connections = new Map<string, MidiEndpointConnection>();
  private readonly pendingEmitter = this.register(new vscode.EventEmitter<void>());
  /**
   * Fires after a timed send or a cancel changed what is scheduled, and while anything is
   * pending, whenever the count of pending messages changed.
   */
  readonly onDidChangeScheduled = this.pendingEmitter.event;
  private readonly failureEmitter = this.register(new vscode.EventEmitter<ScheduledFailure>());
  /** Fires when scheduled messages were not sent at their due time (failed, or endpoint gone). */
  readonly onDidFailScheduled = this.failureEmitter.event;
  /** failedScheduled of each connection as last reported. */
  private readonly failuresReported = new WeakMap<MidiEndpointConnection, number>();
  private watchTimer: NodeJS.Timeout | undefined;
  private lastPending = 0;
  private idleLooks = 0;

  constructor(private readonly engine: EngineModule) {
    super();
    this.session = engine.MidiSession.create('MIDI Scope editor sends');
    this.register({ dispose: () => this.session.close() });
    this.register({ dispose: () => this.stopWatching() });
  }

  /** Sends every message now, back to back, in one call. */
  sendNow(endpointDeviceId: string, words: Uint32Array, messageCount: number): SendOutcome {
    const connection = this.connectionTo(endpointDeviceId);
    if (!connection) return notSent(endpointDeviceId, messageCount, words.length);
    const receivers = this.receiversOf(endpointDeviceId);
    const result = connection.sendMultipleMessagesWordArray(
      this.engine.MidiClock.timestampConstantSendImmediately,
      0,
      words.length,
      words,
    );
    return {
      ...result,
      endpointDeviceId,
      totalMessages: messageCount,
      totalWords: words.length,
      ...receivers.dropsDuring(result.result),
    };
  }

  /** Hands every message to the engine's scheduler with its own timestamp, in one call. */
  sendTimed(endpointDeviceId: string, messages: readonly TimedMessage[]): SendOutcome {
    const totalWords = messages.reduce((sum, message) => sum + message.words.length, 0);
    const connection = this.connectionTo(endpointDeviceId);
    if (!connection) return notSent(endpointDeviceId, messages.length, totalWords);
    const receivers = this.receiversOf(endpointDeviceId);
    const result = connection.sendMultipleMessagesPacketList(messages);
    this.watchScheduled();
    this.pendingEmitter.fire();
    return {
      ...result,
      endpointDeviceId,
      totalMessages: messages.length,
      totalWords,
      ...receivers.dropsDuring(result.result),
    };
  }

  /** Messages this sender has scheduled that the engine has not sent yet. */
  pendingScheduled(): number {
    let pending = 0;
    for (const connection of this.connections.values()) {
      if (connection.isOpen) pending += connection.statistics.pendingScheduled;
    }
    return pending;
  }

  /** Drops everything still scheduled; returns how many messages that was. */
  cancelScheduled(): number {
    let cancelled = 0;
    for (const connection of this.connections.values()) {
      if (connection.isOpen) cancelled += connection.cancelScheduled();
    }
    this.pendingEmitter.fire();
    return cancelled;
  }

  /**
   * Reports scheduled messages that failed since the last look (onDidFailScheduled); returns
   * how many that was. The watch calls it while anything is pending; callers may call it too.
   */
  reportScheduledFailures(): number {
    let failed = 0;
    for (const connection of this.connections.values()) failed += this.reportFailuresOf(connection);
    return failed;
  }

  private reportFailuresOf(connection: MidiEndpointConnection): number {
    const { failedScheduled, lastScheduledFailure } = connection.statistics;
    const before = this.failuresReported.get(connection) ?? 0;
    if (failedScheduled <= before) return 0;
    this.failuresReported.set(connection, failedScheduled);
    const messages = failedScheduled - before;
    this.failureEmitter.fire({
      endpointDeviceId: connection.connectedEndpointDeviceId,
      messages,
      result: lastScheduledFailure,
    });
    return messages;
  }

  /**
   * Looks at what is scheduled on a low-rate timer while anything is pending: failures are
   * reported as they happen and the pending count's changes are announced. The timer stops once
   * nothing was pending at two looks in a row: the scheduler counts a failure just after it took
   * the message off the queue, so the look that first finds nothing pending may come too early.
   */
  private watchScheduled(): void {
    this.lastPending = this.pendingScheduled();
    this.idleLooks = 0;
    this.watchTimer ??= setInterval(() => {
      this.reportScheduledFailures();
      const pending = this.pendingScheduled();
      if (pending !== this.lastPending) {
        this.lastPending = pending;
        this.pendingEmitter.fire();
      }
      this.idleLooks = pending === 0 ? this.idleLooks + 1 : 0;
      if (this.idleLooks >= 2) this.stopWatching();
    }, scheduleWatchIntervalMs);
  }

  private stopWatching(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
  }

  /**
   * The receivers of what is sent to `endpointDeviceId` (the connections on its pair's other
   * side), counted now; dropsDuring() after the send says what they dropped in between. Only
   * the scheduler thread, delivering something scheduled before, can add to that in between.
   */
  private receiversOf(endpointDeviceId: string): {
    dropsDuring(result: number): { receiverDrops?: ReceiverDrops };
  } {
    const { MidiEndpointDeviceInformation, endpointReceiverStatistics } = this.engine;
    const target = MidiEndpointDeviceInformation.find(endpointDeviceId);
    const peerId = target?.loopback?.peerEndpointDeviceId ?? '';
    const before = endpointReceiverStatistics(peerId).dropped;
    return {
      dropsDuring: (result) => {
        const after = endpointReceiverStatistics(peerId);
        const dropped = after.dropped - before;
        const bufferFull = (result & MidiSendMessageResults.bufferFull) !== 0;
        if (dropped <= 0 && !bufferFull) return {};
        const peer = MidiEndpointDeviceInformation.find(peerId);
        return {
          receiverDrops: {
            endpointDeviceId: peerId,
            endpointName: peer?.name ?? peerId,
            dropped: Math.max(dropped, 0),
            openConnections: after.openConnections,
          },
        };
      },
    };
  }

  /** An open connection, or undefined when the endpoint is gone (e.g. removed since it was picked). */
  private connectionTo(endpointDeviceId: string): MidiEndpointConnection | undefined {
    const existing = this.connections.get(endpointDeviceId);
    if (existing?.isOpen) return existing;
    if (existing) {
      // Its endpoint was removed (the engine closed it); a pair with the same id may be back.
      // What it had scheduled failed with it: say so before the connection is forgotten.
      this.reportFailuresOf(existing);
      this.session.disconnectEndpointConnection(existing.connectionId);
      this.connections.delete(endpointDeviceId);
    }
    if (!this.engine.MidiEndpointDeviceInformation.find(endpointDeviceId)) return undefined;
    const connection = this.session.createEndpointConnection(endpointDeviceId, sendConnectionSettings);
    if (!connection.open()) {
      this.session.disconnectEndpointConnection(connection.connectionId);
      return undefined;
    }
    this.connections.set(endpointDeviceId, connection);
    return connection;
  }
}
