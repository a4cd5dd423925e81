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
  /** Fires after a timed send or a cancel changed what is scheduled. */
  readonly onDidChangeScheduled = this.pendingEmitter.event;

  constructor(private readonly engine: EngineModule) {
    super();
    this.session = engine.MidiSession.create('MIDI Scope editor sends');
    this.register({ dispose: () => this.session.close() });
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
