// A virtual device on a loopback pair, as Windows MIDI Services' MidiVirtualDevice: the device
// side is one endpoint of the pair with a connection that answers as declared; the other side is
// an ordinary endpoint for the code under test or for Discover Endpoint. Every message reaching
// the device side also reaches any other connection open there (a monitor); those the device
// does not answer are counted and handed to onUnanswered.
import { randomUUID } from 'node:crypto';
import type {
  MidiEndpointConnection,
  MidiLoopbackDeclarationResult,
  MidiLoopbackEndpointDefinition,
  MidiSession,
  MidiUmpEndpointDeclaration,
} from '../engine';
import { forEachUmp } from '../discovery/umpMessages';
import type { VirtualDeviceDeclaration } from './virtualDeviceDeclaration';
import { declaredUmpEndpoint } from './virtualDeviceEndpointInfo';
import { VirtualDeviceResponder } from './virtualDeviceResponder';

/** The parts of the engine a virtual device needs (the extension passes its loaded module). */
export interface VirtualDeviceEngine {
  MidiSession: { create(name: string): MidiSession };
  MidiLoopbackEndpointManager: {
    createTransientLoopbackEndpoints(config: {
      associationId: string;
      endpointA: MidiLoopbackEndpointDefinition;
      endpointB: MidiLoopbackEndpointDefinition;
    }): { success: boolean; errorInformation: string; endpointDeviceIdA: string; endpointDeviceIdB: string };
    removeTransientLoopbackEndpoints(associationId: string): boolean;
    declareTransientLoopbackEndpoint(
      endpointDeviceId: string,
      declaration: MidiUmpEndpointDeclaration | null,
    ): MidiLoopbackDeclarationResult;
  };
}

export interface VirtualDeviceStatistics {
  answered: number;
  unanswered: number;
  repliesSent: number;
  repliesFailed: number;
}

export class VirtualDevice {
  private currentDeclaration: VirtualDeviceDeclaration;
  private currentResponder: VirtualDeviceResponder;
  readonly statistics: VirtualDeviceStatistics = {
    answered: 0,
    unanswered: 0,
    repliesSent: 0,
    repliesFailed: 0,
  };
  private readonly unansweredListeners = new Set<(words: Uint32Array) => void>();
  private closed = false;

  private constructor(
    private readonly engine: VirtualDeviceEngine,
    declaration: VirtualDeviceDeclaration,
    readonly associationId: string,
    /** The endpoint the host side uses: discover it, send to it, monitor it. */
    readonly endpointDeviceId: string,
    /** The endpoint the device answers on. */
    readonly deviceSideEndpointDeviceId: string,
    private readonly session: MidiSession,
    private readonly connection: MidiEndpointConnection,
  ) {
    this.currentDeclaration = declaration;
    this.currentResponder = new VirtualDeviceResponder(declaration);
    connection.onMessagesReceived((batch) =>
      forEachUmp(batch.words, (offset, count) => this.take(batch.words, offset, count)),
    );
  }

  /** Creates the pair and opens the device side; throws with the engine's reason when it cannot. */
  static create(
    engine: VirtualDeviceEngine,
    declaration: VirtualDeviceDeclaration,
    associationId?: string,
  ): VirtualDevice {
    const id = associationId ?? `virtual-${randomUUID()}`;
    const created = engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
      associationId: id,
      endpointA: {
        name: `${declaration.endpointName} (device side)`,
        description: 'MIDI Scope virtual device: the device answers here',
        uniqueId: `${id}-device`,
      },
      // The side the host uses is the one other applications see as the device: what they send
      // to it reaches the device, what the device answers comes out of it, and its function
      // blocks' directions are the device's own. So it carries the declared endpoint info and
      // blocks (in its endpoint information, and where the engine publishes it to the OS: the
      // ALSA client named after the device), from the start. The device side is where the
      // device itself (this code) sits, a plain loopback side to everything else.
      endpointB: {
        name: declaration.endpointName,
        description: 'MIDI Scope virtual device',
        uniqueId: `${id}-host`,
        ...declaredUmpEndpoint(declaration),
      },
    });
    if (!created.success)
      throw new Error(
        `could not create the virtual device "${declaration.endpointName}": ${created.errorInformation}`,
      );
    const session = engine.MidiSession.create(`virtual device ${declaration.endpointName}`);
    try {
      const connection = session.createEndpointConnection(created.endpointDeviceIdA);
      const device = new VirtualDevice(
        engine,
        declaration,
        id,
        created.endpointDeviceIdB,
        created.endpointDeviceIdA,
        session,
        connection,
      );
      if (!connection.open()) throw new Error('the device side could not be opened');
      return device;
    } catch (error) {
      session.close();
      engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(id);
      throw error;
    }
  }

  /** What the device declares and answers. */
  get declaration(): VirtualDeviceDeclaration {
    return this.currentDeclaration;
  }

  get responder(): VirtualDeviceResponder {
    return this.currentResponder;
  }

  /**
   * Takes a changed declaration with the same endpoint name, keeping the pair and its endpoint
   * ids: the engine's endpoint information and what the OS is shown change with it, and the
   * device answers from it (its stream configuration starts again). Throws, changing nothing,
   * when the engine refuses it or the name differs (the pair is named after the device).
   */
  redeclare(declaration: VirtualDeviceDeclaration): void {
    if (this.closed) throw new Error(`the virtual device "${declaration.endpointName}" is closed`);
    if (declaration.endpointName !== this.currentDeclaration.endpointName) {
      throw new Error(
        `the virtual device "${this.currentDeclaration.endpointName}" cannot be renamed to "${declaration.endpointName}" in place`,
      );
    }
    const result = this.engine.MidiLoopbackEndpointManager.declareTransientLoopbackEndpoint(
      this.endpointDeviceId,
      declaredUmpEndpoint(declaration),
    );
    if (!result.success)
      throw new Error(
        `could not declare the virtual device "${declaration.endpointName}": ${result.errorInformation}`,
      );
    this.currentDeclaration = declaration;
    this.currentResponder = new VirtualDeviceResponder(declaration);
  }

  /** Messages the declaration does not answer (a copy of each). */
  onUnanswered(listener: (words: Uint32Array) => void): () => void {
    this.unansweredListeners.add(listener);
    return () => this.unansweredListeners.delete(listener);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Closes the device side and removes the pair. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.session.close();
    this.engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(this.associationId);
    this.unansweredListeners.clear();
  }

  private take(words: Uint32Array, offset: number, count: number): void {
    const response = this.responder.respond(words, offset);
    if (response.outcome === 'pending') return;
    if (response.outcome === 'unanswered') {
      this.statistics.unanswered++;
      const copy = words.slice(offset, offset + count);
      for (const listener of [...this.unansweredListeners]) listener(copy);
      return;
    }
    this.statistics.answered++;
    for (const reply of response.replies) {
      const result = this.connection.sendSingleMessageWordArray(0, 0, reply.length, reply);
      if ((result & 0x80000000) === 0) this.statistics.repliesSent++;
      else this.statistics.repliesFailed++;
    }
  }
}
