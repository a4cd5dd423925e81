// MidiTransports: which transports the engine runs (and why one is unavailable here), and the
// seam for transports written in JS. A JS transport (Network MIDI 2.0) declares endpoints that
// are then endpoints like any other: listed, watched, opened by connections, sent to with every
// send variant and the scheduler, monitored. What connections send to them arrives in onSend,
// batched, on the JS thread; what the transport receives it hands to deliver().
import { closeOnEngineShutdown, engineBinding } from './engineLifecycle';
import type { NativeJsEndpointDefinition } from './nativeBinding';
import type { MidiFunctionBlockDetails, MidiUmpEndpointDetails } from './types';
import { reportListenerError } from './listenerList';

export interface MidiTransportSummary {
  id: string;
  available: boolean;
  /** Why it is unavailable, or what it is limited to ('' when fully available). */
  message: string;
}

export interface MidiJsTransportEndpointDefinition {
  /** Unique within the transport; the endpoint's id becomes midiscope://<transport>/<localId>. */
  localId: string;
  name: string;
  description?: string;
  uniqueId: string;
  protocol?: 'midi1' | 'midi2' | 'unknown';
  /** Shown as they are, in order: ['remote', '127.0.0.1:5673'], ['state', 'connected'], … */
  details?: [string, string][];
  umpEndpoint?: MidiUmpEndpointDetails;
  functionBlocks?: MidiFunctionBlockDetails[];
}

export interface MidiJsTransportHandlers {
  /**
   * Messages that connections sent to one of this transport's endpoints (at once, or when the
   * scheduler made them due), in order, back to back; `timestamps[i]` is when the i-th left
   * its connection. The arrays are only valid during the call.
   */
  onSend(endpointDeviceId: string, words: Uint32Array, timestamps: Float64Array, messageCount: number): void;
}

export interface MidiJsDeliveryResult {
  /** MidiSendMessageResults flags: a bad message stops the delivery and is reported here. */
  result: number;
  messagesDelivered: number;
}

const initialOutboxWords = 4096;
/** Ids of the JS transports registered in this process (one owner each). */
const registered = new Set<string>();

class Outbox {
  private words = new Uint32Array(initialOutboxWords);
  private timestamps = new Float64Array(initialOutboxWords);

  constructor(
    readonly id: number,
    private readonly endpointDeviceId: string,
    private readonly handlers: MidiJsTransportHandlers,
  ) {}

  drain(): void {
    const binding = engineBinding();
    for (;;) {
      const drained = binding.jsTransportDrainOutbox(this.id, this.words, this.timestamps);
      if (drained.messageCount > 0) {
        try {
          this.handlers.onSend(
            this.endpointDeviceId,
            this.words.subarray(0, drained.wordCount),
            this.timestamps.subarray(0, drained.messageCount),
            drained.messageCount,
          );
        } catch (error) {
          reportListenerError(error);
        }
      }
      if (!drained.more) return;
      if (drained.messageCount === 0 || this.words.length < 1 << 20) {
        this.words = new Uint32Array(this.words.length * 2);
        this.timestamps = new Float64Array(this.timestamps.length * 2);
      }
    }
  }
}

/** A transport implemented in JS, registered with MidiTransports.registerJsTransport. */
export class MidiJsTransport {
  private readonly outboxes = new Map<string, Outbox>();
  private disposed = false;
  private readonly forget: () => void;

  constructor(
    readonly id: string,
    private readonly handlers: MidiJsTransportHandlers,
  ) {
    if (registered.has(id))
      throw new Error(`A JS transport "${id}" is registered already; dispose() it first.`);
    engineBinding().registerJsTransport(id);
    registered.add(id);
    this.forget = closeOnEngineShutdown({ close: () => this.dispose() });
  }

  /** Declares an endpoint; returns its endpointDeviceId. Throws when localId is taken. */
  addEndpoint(definition: MidiJsTransportEndpointDefinition): string {
    this.checkAlive();
    // The wake-up can only come after the outbox exists (it reaches JS asynchronously).
    const holder: { outbox?: Outbox } = {};
    const added = engineBinding().jsTransportAddEndpoint(this.id, toNative(definition), () =>
      holder.outbox?.drain(),
    );
    holder.outbox = new Outbox(added.outbox, added.endpointDeviceId, this.handlers);
    this.outboxes.set(added.endpointDeviceId, holder.outbox);
    return added.endpointDeviceId;
  }

  /** Replaces what is known about an endpoint (watchers see 'updated'); false if unknown. */
  updateEndpoint(
    endpointDeviceId: string,
    definition: Omit<MidiJsTransportEndpointDefinition, 'localId'>,
  ): boolean {
    this.checkAlive();
    const { localId: _unused, ...native } = toNative({ ...definition, localId: '-' });
    return engineBinding().jsTransportUpdateEndpoint(this.id, endpointDeviceId, native);
  }

  /**
   * The endpoint is gone (session ended): its connections close, watchers see 'removed'. What
   * connections sent before is still handed to onSend first.
   */
  removeEndpoint(endpointDeviceId: string): boolean {
    if (this.disposed) return false;
    const binding = engineBinding();
    const removed = binding.jsTransportRemoveEndpoint(this.id, endpointDeviceId);
    const outbox = this.outboxes.get(endpointDeviceId);
    if (outbox) {
      outbox.drain();
      binding.jsTransportForgetOutbox(outbox.id);
      this.outboxes.delete(endpointDeviceId);
    }
    return removed;
  }

  /** Received messages (whole UMPs back to back) into every connection open on the endpoint. */
  deliver(
    endpointDeviceId: string,
    words: Uint32Array,
    start = 0,
    count = words.length - start,
  ): MidiJsDeliveryResult {
    this.checkAlive();
    return engineBinding().jsTransportDeliver(this.id, endpointDeviceId, words, start, count);
  }

  /** Messages sent to the endpoint that were dropped because its outbox was full. */
  outboxDropped(endpointDeviceId: string): number {
    const outbox = this.outboxes.get(endpointDeviceId);
    return outbox ? engineBinding().jsTransportOutboxDropped(outbox.id) : 0;
  }

  /** Removes every endpoint (their connections close) and the transport. Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.forget();
    for (const endpointDeviceId of [...this.outboxes.keys()]) {
      const outbox = this.outboxes.get(endpointDeviceId);
      outbox?.drain();
      if (outbox) engineBinding().jsTransportForgetOutbox(outbox.id);
    }
    this.outboxes.clear();
    registered.delete(this.id);
    engineBinding().unregisterJsTransport(this.id);
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error(`The JS transport "${this.id}" was disposed.`);
  }
}

function toNative(definition: MidiJsTransportEndpointDefinition): NativeJsEndpointDefinition {
  return {
    localId: definition.localId,
    name: definition.name,
    description: definition.description ?? '',
    uniqueId: definition.uniqueId,
    protocol: definition.protocol ?? 'midi2',
    details: definition.details ?? [],
    ...(definition.umpEndpoint ? { umpEndpoint: definition.umpEndpoint } : {}),
    functionBlocks: definition.functionBlocks ?? [],
  };
}

export const MidiTransports = {
  /** Every transport the engine runs, with whether it can run here. */
  list(): MidiTransportSummary[] {
    return engineBinding().listTransports();
  },

  /**
   * Whether MIDI Scope's own endpoints (loopback sides, the diagnostics pair) are published to
   * the OS (ALSA sequencer ports). On by default; off removes the ports, on creates them again.
   */
  setPublishing(enabled: boolean): void {
    if (typeof enabled !== 'boolean') throw new TypeError('setPublishing: enabled must be a boolean');
    engineBinding().setPublishing(enabled);
  },

  isPublishing(): boolean {
    return engineBinding().isPublishing();
  },

  /** Registers a transport written in JS. Throws when the id belongs to a native transport. */
  registerJsTransport(id: string, handlers: MidiJsTransportHandlers): MidiJsTransport {
    if (typeof id !== 'string' || id === '')
      throw new TypeError('registerJsTransport: id must be a non-empty string');
    if (typeof handlers?.onSend !== 'function') {
      throw new TypeError('registerJsTransport: handlers.onSend must be a function');
    }
    return new MidiJsTransport(id, handlers);
  },
};
