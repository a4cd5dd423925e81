// The raw Node-API surface of native/addon, and the loader that finds the binary.
// This file is the seam between the C++ engine and the TypeScript facade: the addon
// implements exactly this interface; nothing outside src/engine touches it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  MidiEndpointDeviceInformation,
  MidiFunctionBlockDetails,
  MidiLoopbackDeclarationResult,
  MidiUmpEndpointDeclaration,
  MidiUmpEndpointDetails,
} from './types';

/** Endpoint as the native registry describes it (see MidiEndpointDeviceInformation). */
export type NativeEndpointInfo = MidiEndpointDeviceInformation;

/** A transport and whether it can run here (and if not, why). */
export interface NativeTransportSummary {
  id: string;
  available: boolean;
  message: string;
}

/** An endpoint a JS transport declares; localId makes its id midiscope://<transport>/<localId>. */
export interface NativeJsEndpointDefinition extends Omit<
  MidiEndpointDeviceInformation,
  'endpointDeviceId' | 'transport' | 'loopback' | 'details' | 'functionBlocks' | 'description'
> {
  localId: string;
  description?: string;
  details?: [string, string][];
  functionBlocks?: MidiFunctionBlockDetails[];
}

export interface NativeJsDeliveryResult {
  /** MidiSendMessageResults flags. */
  result: number;
  messagesDelivered: number;
}

export interface NativeLoopbackSide {
  name: string;
  description: string;
  uniqueId: string;
  /** A virtual device's declaration for the side (both or neither; the addon checks them). */
  umpEndpoint?: MidiUmpEndpointDetails;
  functionBlocks?: MidiFunctionBlockDetails[];
}

export interface NativeCreateLoopbackResult {
  success: boolean;
  endpointDeviceIdA: string;
  endpointDeviceIdB: string;
  errorInformation: string;
}

export interface NativeEndpointChange {
  change: 'added' | 'removed' | 'updated';
  endpoint: NativeEndpointInfo;
}

export interface NativeConnectionStats {
  /** Messages written into this connection's receive ring. */
  received: number;
  /** Messages that did not fit in the receive ring and were dropped (never blocks the sender). */
  dropped: number;
  /** Messages this connection has scheduled for the future and not yet sent. */
  pendingScheduled: number;
  /** Scheduled messages that went out at their due time. */
  sentScheduled: number;
  /**
   * Scheduled messages that were not sent: their send at the due time failed (all of it, or the
   * part after what fitted), or their endpoint went away while they waited. Cancelling is not a
   * failure.
   */
  failedScheduled: number;
  /** The send result flags of the last such failure; 0 (succeeded) while there was none. */
  lastScheduledFailure: number;
}

export interface NativeDrainResult {
  /** Words written into the words buffer. */
  wordCount: number;
  /** Messages written (one timestamp each into the timestamps buffer). */
  messageCount: number;
  /** True when the ring still holds messages that did not fit in the buffers. */
  more: boolean;
}

export interface NativeMultipleSendResult {
  /** MidiSendMessageResults flags. */
  result: number;
  /** Whole messages accepted before the first bad one (all of them on success). */
  messagesSent: number;
  /** Words those messages took. */
  wordsSent: number;
}

export interface NativeBinding {
  /** Ticks of MidiClock now (monotonic). */
  clockNow(): number;
  /** Ticks per second of clockNow (10 MHz). */
  readonly clockFrequency: number;

  /** The process-wide scheduler precision ('balanced', 'precise' or 'lowPower'). */
  schedulerPrecision(): string;
  /** Throws a TypeError for any other name; applies from each scheduler thread's next wake-up. */
  setSchedulerPrecision(precision: string): void;

  listEndpoints(): NativeEndpointInfo[];
  createLoopbackPair(
    associationId: string,
    endpointA: NativeLoopbackSide,
    endpointB: NativeLoopbackSide,
  ): NativeCreateLoopbackResult;
  /** False when no pair has that associationId. Open connections to it are closed. */
  removeLoopbackPair(associationId: string): boolean;
  /**
   * Sets (null: clears) what a user loopback side declares of itself; a TypeError naming the
   * field when the declaration is wrong, `success: false` when the endpoint cannot take one.
   */
  declareLoopbackEndpoint(
    endpointDeviceId: string,
    declaration: MidiUmpEndpointDeclaration | null,
  ): MidiLoopbackDeclarationResult;
  /** Registers the one watcher callback (null to remove); called on the JS thread, batched. */
  setEndpointWatcher(callback: ((changes: NativeEndpointChange[]) => void) | null): void;

  /**
   * Opens a receiving/sending connection on an endpoint and returns its handle.
   * `onWake` runs on the JS thread when the receive ring goes from empty to non-empty
   * (and when the connection is closed underneath, e.g. its pair was removed);
   * the facade then calls drain() until `more` is false.
   * Throws an Error naming the id when the endpoint does not exist.
   */
  openConnection(endpointDeviceId: string, ringCapacityWords: number, onWake: () => void): number;
  closeConnection(handle: number): void;
  isConnectionOpen(handle: number): boolean;

  /** One message: `count` words of `words` from `start`. Returns MidiSendMessageResults flags. */
  sendMessage(handle: number, timestamp: number, words: Uint32Array, start: number, count: number): number;
  /** Back-to-back messages sharing one timestamp; stops at the first bad one. */
  sendMessages(
    handle: number,
    timestamp: number,
    words: Uint32Array,
    start: number,
    count: number,
  ): NativeMultipleSendResult;
  /**
   * Back-to-back messages each with its own timestamp (timestamps[i] for the i-th message);
   * stops at the first bad one.
   */
  sendTimestampedMessages(
    handle: number,
    timestamps: Float64Array,
    words: Uint32Array,
    start: number,
    count: number,
  ): NativeMultipleSendResult;

  /**
   * Moves received messages into the caller's buffers (words back to back, one timestamp each).
   * Emptying the ring re-arms its wake-up, unless `stayDisarmed` (a paced receiver that polls and
   * will drain again on its own).
   */
  drain(
    handle: number,
    words: Uint32Array,
    timestamps: Float64Array,
    stayDisarmed?: boolean,
  ): NativeDrainResult;
  stats(handle: number): NativeConnectionStats;
  /** Drops every message this connection has scheduled; returns how many. */
  cancelScheduled(handle: number): number;

  /** Every transport the engine runs, with whether it is available here. */
  listTransports(): NativeTransportSummary[];
  /** Shows (true) or hides the engine's own endpoints (loopbacks, diagnostics) to the OS. */
  setPublishing(enabled: boolean): void;
  isPublishing(): boolean;
  /** Registers a JS transport (idempotent); throws when a native transport has that id. */
  registerJsTransport(transportId: string): void;
  /** Removes a JS transport and its endpoints (their connections close). */
  unregisterJsTransport(transportId: string): boolean;
  /**
   * Declares an endpoint of a JS transport. `onOutbox` runs on the JS thread when messages that
   * connections sent to it wait in its outbox (drain it with jsTransportDrainOutbox).
   */
  jsTransportAddEndpoint(
    transportId: string,
    endpoint: NativeJsEndpointDefinition,
    onOutbox: () => void,
  ): { endpointDeviceId: string; outbox: number };
  jsTransportUpdateEndpoint(
    transportId: string,
    endpointDeviceId: string,
    endpoint: Omit<NativeJsEndpointDefinition, 'localId'>,
  ): boolean;
  jsTransportRemoveEndpoint(transportId: string, endpointDeviceId: string): boolean;
  /** Forgets the outbox's wake-up callback (after its endpoint was removed and drained). */
  jsTransportForgetOutbox(outbox: number): void;
  /** Whole, validated messages received by a JS transport, into its endpoint's connections. */
  jsTransportDeliver(
    transportId: string,
    endpointDeviceId: string,
    words: Uint32Array,
    start: number,
    count: number,
  ): NativeJsDeliveryResult;
  /** Moves what connections sent to a JS transport's endpoint into the caller's buffers. */
  jsTransportDrainOutbox(outbox: number, words: Uint32Array, timestamps: Float64Array): NativeDrainResult;
  /** Messages dropped because the outbox was full. */
  jsTransportOutboxDropped(outbox: number): number;

  /** Closes every connection and joins every native thread. Idempotent; the addon is unusable after. */
  shutdown(): void;
}

// ------------------------------------------------------------------------------------------
// Loader. The addon lives in dist/native/<platform>-<arch>/midi_scope.node; bundles that import
// this file sit in dist/ (engine.js, extension.js) or deeper (test and bench bundles in out/...),
// so the loader walks up from its own directory. MIDI_SCOPE_ADDON names a binary explicitly.

const addonFileName = 'midi_scope.node';
/** MidiClock's tick rate; an addon counting in anything else belongs to another build. */
const expectedClockFrequency = 10_000_000;
/** How many directories above the bundle to look for native/ or dist/native/. */
const searchDepth = 4;

/**
 * Every path the loader tries, in order, for this process's platform and architecture. When
 * MIDI_SCOPE_ADDON is set it is the only one: a binary asked for by name is never swapped for another.
 */
export function addonCandidatePaths(
  fromDirectory: string = __dirname,
  platformArch = `${process.platform}-${process.arch}`,
  override: string | undefined = process.env.MIDI_SCOPE_ADDON,
): string[] {
  if (override) return [override];
  const candidates: string[] = [];
  let directory = fromDirectory;
  for (let level = 0; level <= searchDepth; level++) {
    candidates.push(join(directory, 'native', platformArch, addonFileName));
    candidates.push(join(directory, 'dist', 'native', platformArch, addonFileName));
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return candidates;
}

let loaded: NativeBinding | undefined;

/** The addon, loaded on first use. Throws one Error that says what was looked for and where. */
export function nativeBinding(): NativeBinding {
  if (loaded) return loaded;
  const platformArch = `${process.platform}-${process.arch}`;
  const candidates = addonCandidatePaths(__dirname, platformArch);
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(
      `MIDI Scope has no native engine for ${platformArch}: none of these exist:\n  ` +
        candidates.join('\n  ') +
        `\nThis build was packaged for another platform; install the MIDI Scope package built for ` +
        `${platformArch}, or build the addon with \`npm run build:native\`.`,
    );
  }
  try {
    // A dynamic require: the bundler leaves it alone and Node loads the binary at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const binding = require(found) as NativeBinding;
    if (binding.clockFrequency !== expectedClockFrequency) {
      throw new Error(`its clock runs at ${binding.clockFrequency} Hz, not ${expectedClockFrequency} Hz`);
    }
    loaded = binding;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`MIDI Scope could not load its native engine ${found} (${platformArch}): ${reason}`);
  }
  return loaded;
}
