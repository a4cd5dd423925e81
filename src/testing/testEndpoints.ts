// The endpoints a test file talks to, ready for a run: loopback pairs it declares are created
// (and removed afterwards), named endpoints are looked up, each alias gets an open connection
// and an Inbox. Problems are reported against the declaration's line.
import { randomBytes } from 'node:crypto';
import type * as Engine from '../engine';
import type { EndpointDeclaration, Span } from './ast';
import { Inbox } from './inbox';

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
  private readonly session: Engine.MidiSession;

  private constructor(private readonly engine: EngineModule) {
    this.session = engine.MidiSession.create('midi-scope test run');
  }

  /** Opens every declared endpoint, or throws EndpointSetupError after undoing what it did. */
  static open(
    engine: EngineModule,
    declarations: readonly EndpointDeclaration[],
    label: string,
  ): TestEndpoints {
    const endpoints = new TestEndpoints(engine);
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

  private connect(alias: string, endpointDeviceId: string, name: string, span: Span): void {
    const connection = this.session.createEndpointConnection(endpointDeviceId);
    const inbox = new Inbox(connection);
    if (!connection.open()) throw new EndpointSetupError(`the endpoint ${name} could not be opened`, span);
    this.byAlias.set(alias, { alias, endpointDeviceId, name, connection, inbox });
  }
}
