// MidiSession: an application's group of endpoint connections. Closing it closes them all.
import { randomUUID } from 'node:crypto';
import { describeValue, requireObject, requireString } from './argumentChecks';
import { MidiEndpointConnection } from './connection';
import { closeOnEngineShutdown, engineBinding } from './engineLifecycle';
import type { MidiEndpointConnectionSettings } from './types';

/** Receive ring bounds of the addon (native/engine/receive_ring.h). */
const minReceiveBufferWords = 4;
const maxReceiveBufferWords = 2 ** 26;
const maxReceiveBatchIntervalMs = 1_000;
const defaultReceiveBufferWords = 2 ** 20;

export class MidiSession {
  readonly sessionId: string = randomUUID();
  private readonly connectionsById = new Map<string, MidiEndpointConnection>();
  private open = true;
  private readonly forgetAtShutdown: () => void;

  private constructor(readonly name: string) {
    this.forgetAtShutdown = closeOnEngineShutdown(this);
  }

  static create(name: string): MidiSession {
    requireString(name, 'session name');
    engineBinding(); // fail here, not at the first connection, when the addon is missing
    return new MidiSession(name);
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Every connection created and not disconnected, by connectionId (closed ones included). */
  get connections(): ReadonlyMap<string, MidiEndpointConnection> {
    return this.connectionsById;
  }

  /**
   * A connection to the endpoint, not yet open: attach handlers and plugins, then open().
   * Throws an Error when the endpoint does not exist or the session is closed.
   */
  createEndpointConnection(
    endpointDeviceId: string,
    settings?: MidiEndpointConnectionSettings,
  ): MidiEndpointConnection {
    requireString(endpointDeviceId, 'endpointDeviceId');
    if (!this.open) throw new Error(`MIDI session "${this.name}" is closed; create a new session`);
    const known = engineBinding().listEndpoints();
    if (!known.some((endpoint) => endpoint.endpointDeviceId === endpointDeviceId)) {
      throw new Error(
        `No MIDI endpoint has the id "${endpointDeviceId}" (${known.length} endpoints exist; ` +
          'MidiEndpointDeviceInformation.findAll() lists them)',
      );
    }
    const connection = new MidiEndpointConnection(endpointDeviceId, completeSettings(settings));
    this.connectionsById.set(connection.connectionId, connection);
    return connection;
  }

  /** Closes the connection and forgets it; an id this session does not know is ignored. */
  disconnectEndpointConnection(connectionId: string): void {
    requireString(connectionId, 'connectionId');
    const connection = this.connectionsById.get(connectionId);
    if (connection === undefined) return;
    this.connectionsById.delete(connectionId);
    connection.close();
  }

  /** Closes every connection of the session. Idempotent. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.forgetAtShutdown();
    for (const connection of this.connectionsById.values()) connection.close();
    this.connectionsById.clear();
  }

  declare readonly [Symbol.dispose]: () => void;
}

// `using session = MidiSession.create(...)` where the runtime has Symbol.dispose.
if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(MidiSession.prototype, Symbol.dispose, {
    value(this: MidiSession) {
      this.close();
    },
    writable: true,
    configurable: true,
  });
}

function completeSettings(
  settings: MidiEndpointConnectionSettings | undefined,
): Required<MidiEndpointConnectionSettings> {
  if (settings === undefined) {
    return { receiveBufferWords: defaultReceiveBufferWords, receiveBatchIntervalMs: 0 };
  }
  requireObject(settings, 'settings');
  return {
    receiveBufferWords: wholeNumberSetting(
      settings.receiveBufferWords ?? defaultReceiveBufferWords,
      'receiveBufferWords',
      minReceiveBufferWords,
      maxReceiveBufferWords,
    ),
    receiveBatchIntervalMs: wholeNumberSetting(
      settings.receiveBatchIntervalMs ?? 0,
      'receiveBatchIntervalMs',
      0,
      maxReceiveBatchIntervalMs,
    ),
  };
}

function wholeNumberSetting(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`settings.${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`settings.${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}
