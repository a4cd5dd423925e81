// Sends UMP words from the editor to endpoints through one engine session. Connections open on
// first use and stay open (reopened if their endpoint went away and came back); each multiple-
// message send is one engine call, so what was sent is exactly what the engine reports.
import * as vscode from 'vscode';
import type { MidiEndpointConnection, MidiMultipleSendResult, MidiSession } from '../../engine';
import { Disposable } from '../disposable';
import type { EngineModule } from '../engineHost';

/** Send-only connections: anything the peer sends back is not read, so keep the ring small. */
const sendConnectionSettings = { receiveBufferWords: 1024 };

export interface TimedMessage {
  /** MidiClock ticks. */
  timestamp: number;
  words: Uint32Array;
}

export interface SendOutcome extends MidiMultipleSendResult {
  endpointDeviceId: string;
  totalMessages: number;
  totalWords: number;
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
    const result = connection.sendMultipleMessagesWordArray(
      this.engine.MidiClock.timestampConstantSendImmediately,
      0,
      words.length,
      words,
    );
    return { ...result, endpointDeviceId, totalMessages: messageCount, totalWords: words.length };
  }

  /** Hands every message to the engine's scheduler with its own timestamp, in one call. */
  sendTimed(endpointDeviceId: string, messages: readonly TimedMessage[]): SendOutcome {
    const connection = this.connectionTo(endpointDeviceId);
    const result = connection.sendMultipleMessagesPacketList(messages);
    this.pendingEmitter.fire();
    const totalWords = messages.reduce((sum, message) => sum + message.words.length, 0);
    return { ...result, endpointDeviceId, totalMessages: messages.length, totalWords };
  }

  /** Messages this sender has scheduled that the engine has not sent yet. */
  pendingScheduled(): number {
    let pending = 0;
    for (const connection of this.connections.values()) {
      if (connection.isOpen) pending += connection.getStatistics().pendingScheduled;
    }
    return pending;
  }

  /** Drops everything still scheduled; returns how many messages that was. */
  cancelScheduled(): number {
    let cancelled = 0;
    for (const connection of this.connections.values()) {
      if (connection.isOpen) cancelled += connection.cancelScheduledMessages();
    }
    this.pendingEmitter.fire();
    return cancelled;
  }

  private connectionTo(endpointDeviceId: string): MidiEndpointConnection {
    const existing = this.connections.get(endpointDeviceId);
    if (existing?.isOpen) return existing;
    if (existing) {
      // Its endpoint was removed (the engine closed it); a pair with the same id may be back.
      this.session.disconnectEndpointConnection(existing.connectionId);
      this.connections.delete(endpointDeviceId);
    }
    const connection = this.session.createEndpointConnection(endpointDeviceId, sendConnectionSettings);
    connection.open();
    this.connections.set(endpointDeviceId, connection);
    return connection;
  }
}
