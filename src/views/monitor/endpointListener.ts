// Listens to the chosen endpoints through the engine: one session, one connection per endpoint,
// each connection's batches go straight into the capture tagged with the endpoint's index.
import type * as vscode from 'vscode';
import type { MidiEndpointConnection, MidiEndpointDeviceInformation, MidiSession } from '../../engine';
import type { Capture } from './capture';
import type { EndpointLabel } from './protocol';

/** The part of the engine facade the monitor uses (the extension passes the loaded module). */
export interface MonitorEngine {
  MidiSession: { create(name: string): MidiSession };
  MidiClock: { readonly timestampFrequency: number };
  MidiEndpointDeviceInformation: { findAll(): MidiEndpointDeviceInformation[] };
}

/**
 * How the monitor reaches the engine: through the extension's one loader (src/extension/engineHost),
 * never by importing it, so that the monitor and the tree see the same engine and the same reason
 * when it cannot be used.
 */
export interface MonitorEngineSource {
  /** The engine, or an Error that says why it cannot be used. */
  require(): MonitorEngine;
}

export interface ListenFailure {
  endpointDeviceId: string;
  reason: string;
}

export class EndpointListener implements vscode.Disposable {
  private readonly session: MidiSession;
  private readonly connections: MidiEndpointConnection[] = [];
  readonly failures: ListenFailure[] = [];
  private droppedBaseline = 0;

  constructor(
    engine: MonitorEngine,
    readonly endpoints: readonly EndpointLabel[],
    capture: Capture,
    log: vscode.LogOutputChannel,
    /** The monitor redraws at most this often: messages are delivered to it no more often. */
    receiveBatchIntervalMs = 0,
  ) {
    this.session = engine.MidiSession.create('MIDI Scope monitor');
    for (const endpoint of endpoints) {
      try {
        const connection = this.session.createEndpointConnection(endpoint.endpointDeviceId, {
          receiveBatchIntervalMs,
        });
        connection.onMessagesReceived((batch) => {
          const outcome = capture.append(batch.words, batch.timestamps, batch.messageCount, endpoint.index);
          if (outcome.malformedAt) {
            log.error(
              `monitor: batch from ${endpoint.name} ends inside message ${outcome.malformedAt.message} ` +
                `(word ${outcome.malformedAt.wordOffset} of ${batch.words.length}); kept ${outcome.appended} messages`,
            );
          }
        });
        if (!connection.open()) throw new Error('the endpoint went away before its connection opened');
        this.connections.push(connection);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.failures.push({ endpointDeviceId: endpoint.endpointDeviceId, reason });
        log.warn(`monitor: cannot listen to ${endpoint.name} (${endpoint.endpointDeviceId}): ${reason}`);
      }
    }
  }

  /** Messages the engine dropped on these connections since the last resetDropped(). */
  get engineDropped(): number {
    return this.totalDropped() - this.droppedBaseline;
  }

  /** Starts counting drops from zero (on clear). */
  resetDropped(): void {
    this.droppedBaseline = this.totalDropped();
  }

  get listenedEndpointIds(): string[] {
    return this.connections.map((connection) => connection.connectedEndpointDeviceId);
  }

  dispose(): void {
    this.session.close();
  }

  private totalDropped(): number {
    let dropped = 0;
    for (const connection of this.connections) dropped += connection.statistics.dropped;
    return dropped;
  }
}
