// Listens to the chosen endpoints through the engine: one session, one connection per endpoint,
// each connection's batches go straight into the capture tagged with the endpoint's index. An
// endpoint that is removed (or was not there when the monitor opened) is "gone": the capture
// stays, and a watcher connects again when an endpoint with the same id is added.
import type * as vscode from 'vscode';
import type {
  MidiDisposable,
  MidiEndpointConnection,
  MidiEndpointDeviceInformation,
  MidiEndpointDeviceWatcherEvent,
  MidiSession,
} from '../../engine';
import type { Capture } from './capture';
import type { EndpointLabel } from './protocol';

/** The part of the engine facade the monitor uses (the extension passes the loaded module). */
export interface MonitorEngine {
  MidiSession: { create(name: string): MidiSession };
  MidiClock: { readonly timestampFrequency: number; now(): number };
  MidiEndpointDeviceInformation: {
    findAll(): MidiEndpointDeviceInformation[];
    createWatcher(): {
      onChanged(listener: (events: readonly MidiEndpointDeviceWatcherEvent[]) => void): MidiDisposable;
      dispose(): void;
    };
  };
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
  private readonly watcher: ReturnType<MonitorEngine['MidiEndpointDeviceInformation']['createWatcher']>;
  /** Open connections by endpoint index. */
  private readonly connections = new Map<number, MidiEndpointConnection>();
  readonly failures: ListenFailure[] = [];
  /** Drops counted by connections closed since (their endpoint went away). */
  private droppedByClosed = 0;
  private droppedBaseline = 0;

  constructor(
    engine: MonitorEngine,
    readonly endpoints: readonly EndpointLabel[],
    private readonly capture: Capture,
    private readonly log: vscode.LogOutputChannel,
    /** The monitor redraws at most this often: messages are delivered to it no more often. */
    private readonly receiveBatchIntervalMs = 0,
    private readonly onStateChange: () => void = () => undefined,
  ) {
    this.session = engine.MidiSession.create('MIDI Scope monitor');
    // Watch before connecting: an endpoint added in between is not missed.
    this.watcher = engine.MidiEndpointDeviceInformation.createWatcher();
    this.watcher.onChanged((events) => this.onEndpointChanges(events));
    for (const endpoint of endpoints) {
      const reason = this.connect(endpoint);
      if (reason !== undefined) {
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
    return [...this.connections.values()].map((connection) => connection.connectedEndpointDeviceId);
  }

  /** Indexes of the endpoints not listened to now (removed, or not there when the monitor opened). */
  get goneEndpoints(): number[] {
    return this.endpoints.filter((e) => !this.connections.has(e.index)).map((e) => e.index);
  }

  dispose(): void {
    this.watcher.dispose();
    this.session.close();
  }

  /** Opens a connection to `endpoint`; returns why it could not. */
  private connect(endpoint: EndpointLabel): string | undefined {
    try {
      const connection = this.session.createEndpointConnection(endpoint.endpointDeviceId, {
        receiveBatchIntervalMs: this.receiveBatchIntervalMs,
      });
      connection.onMessagesReceived((batch) => {
        const outcome = this.capture.append(
          batch.words,
          batch.timestamps,
          batch.messageCount,
          endpoint.index,
        );
        if (outcome.malformedAt) {
          this.log.error(
            `monitor: batch from ${endpoint.name} ends inside message ${outcome.malformedAt.message} ` +
              `(word ${outcome.malformedAt.wordOffset} of ${batch.words.length}); kept ${outcome.appended} messages`,
          );
        }
      });
      if (!connection.open()) {
        this.session.disconnectEndpointConnection(connection.connectionId);
        throw new Error('the endpoint went away before its connection opened');
      }
      this.connections.set(endpoint.index, connection);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private onEndpointChanges(events: readonly MidiEndpointDeviceWatcherEvent[]): void {
    let changed = false;
    for (const { change, endpoint: info } of events) {
      for (const endpoint of this.endpoints) {
        if (endpoint.endpointDeviceId !== info.endpointDeviceId) continue;
        const connection = this.connections.get(endpoint.index);
        if (change === 'removed' && connection) {
          this.droppedByClosed += connection.statistics.dropped;
          this.connections.delete(endpoint.index);
          this.session.disconnectEndpointConnection(connection.connectionId);
          this.log.info(
            `monitor: ${endpoint.name} (${endpoint.endpointDeviceId}) is gone; the capture is kept`,
          );
          changed = true;
        } else if (change === 'added' && !connection) {
          const reason = this.connect(endpoint);
          if (reason === undefined) this.log.info(`monitor: ${endpoint.name} is back; listening again`);
          else this.log.warn(`monitor: ${endpoint.name} is back but cannot be listened to: ${reason}`);
          changed = true;
        }
      }
    }
    if (changed) this.onStateChange();
  }

  private totalDropped(): number {
    let dropped = this.droppedByClosed;
    for (const connection of this.connections.values()) dropped += connection.statistics.dropped;
    return dropped;
  }
}
