// The endpoints a test file talks to, ready for a run: loopback pairs and virtual devices it
// declares are created (and removed afterwards), named endpoints are looked up, each alias gets an
// open connection and an Inbox. Problems are reported against the declaration's line.
import { randomBytes } from 'node:crypto';
import type * as Engine from '../engine';
import { VirtualDevice } from '../virtualDevice';
import type { EndpointDeclaration, Span } from './ast';
import { Inbox } from './inbox';
import { virtualDeviceDeclaration } from './testVirtualDevice';

export type EngineModule = typeof Engine;

export interface OpenEndpoint {
  alias: string;
  endpointDeviceId: string;
  name: string;
  connection: Engine.MidiEndpointConnection;
  inbox: Inbox;
}

export class EndpointSetupError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

export class TestEndpoints {
  readonly byAlias = new Map<string, OpenEndpoint>();
  private readonly pairs: string[] = [];
  /** Virtual devices the file declares, by alias. */
  readonly virtualDevices = new Map<string, VirtualDevice>();
  private readonly session: Engine.MidiSession;

  private constructor(
    private readonly engine: EngineModule,
    /** Where `virtual … file "…"` paths start from: the test file's folder. */
    private readonly directory: string | undefined,
  ) {
    this.session = engine.MidiSession.create('midi-scope test run');
  }

  /** Opens every declared endpoint, or throws EndpointSetupError after undoing what it did. */
  static open(
    engine: EngineModule,
    declarations: readonly EndpointDeclaration[],
    label: string,
    directory?: string,
  ): TestEndpoints {
    const endpoints = new TestEndpoints(engine, directory);
    try {
      for (const declaration of declarations) endpoints.declare(declaration, label);
      return endpoints;
    } catch (error) {
      endpoints.close();
      throw error;
    }
  }

  get(alias: string): OpenEndpoint {
    const endpoint = this.byAlias.get(alias);
    if (endpoint === undefined) throw new Error(`no endpoint is declared as ${alias}`);
    return endpoint;
  }

  close(): void {
    this.session.close();
    for (const device of this.virtualDevices.values()) device.close();
    this.virtualDevices.clear();
    for (const associationId of this.pairs.splice(0)) {
      this.engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
    }
  }

  private declare(declaration: EndpointDeclaration, label: string): void {
    if (declaration.kind === 'loopback') {
      const tag = randomBytes(4).toString('hex');
      const associationId = `umptest-${tag}`;
      const result = this.engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
        associationId,
        endpointA: { name: `${label} ${declaration.a}`, uniqueId: `umptest-${tag}-${declaration.a}` },
        endpointB: { name: `${label} ${declaration.b}`, uniqueId: `umptest-${tag}-${declaration.b}` },
      });
      if (!result.success) {
        throw new EndpointSetupError(
          `the loopback pair could not be created: ${result.errorInformation}`,
          declaration.span,
        );
      }
      this.pairs.push(associationId);
      this.connect(declaration.a, result.endpointDeviceIdA, `${label} ${declaration.a}`, declaration.span);
      this.connect(declaration.b, result.endpointDeviceIdB, `${label} ${declaration.b}`, declaration.span);
      return;
    }
    if (declaration.kind === 'virtual') {
      const device = this.createVirtualDevice(declaration);
      const name = device.declaration.endpointName;
      this.connect(declaration.alias, device.endpointDeviceId, name, declaration.span);
      if (declaration.deviceAlias !== undefined) {
        this.connect(
          declaration.deviceAlias,
          device.deviceSideEndpointDeviceId,
          `${name} (device side)`,
          declaration.span,
        );
      }
      return;
    }
    const all = this.engine.MidiEndpointDeviceInformation.findAll();
    const found = all.filter((endpoint) =>
      declaration.by === 'id'
        ? endpoint.endpointDeviceId === declaration.value
        : endpoint.name === declaration.value,
    );
    if (found.length !== 1) {
      const names = all.map((endpoint) => `"${endpoint.name}"`).join(', ');
      const what =
        declaration.by === 'id' ? `the id "${declaration.value}"` : `the name "${declaration.value}"`;
      throw new EndpointSetupError(
        found.length === 0
          ? `no endpoint has ${what} (endpoints now: ${names})`
          : `${found.length} endpoints have ${what}; declare it by id instead`,
        declaration.span,
      );
    }
    this.connect(declaration.alias, found[0].endpointDeviceId, found[0].name, declaration.span);
  }

  private createVirtualDevice(declaration: Extract<EndpointDeclaration, { kind: 'virtual' }>): VirtualDevice {
    let device: VirtualDevice;
    try {
      device = VirtualDevice.create(
        this.engine,
        virtualDeviceDeclaration(declaration.source, this.directory),
      );
    } catch (error) {
      throw new EndpointSetupError(error instanceof Error ? error.message : String(error), declaration.span);
    }
    this.virtualDevices.set(declaration.alias, device);
    return device;
  }

  private connect(alias: string, endpointDeviceId: string, name: string, span: Span): void {
    const connection = this.session.createEndpointConnection(endpointDeviceId);
    const inbox = new Inbox(connection);
    if (!connection.open()) throw new EndpointSetupError(`the endpoint ${name} could not be opened`, span);
    this.byAlias.set(alias, { alias, endpointDeviceId, name, connection, inbox });
  }
}
