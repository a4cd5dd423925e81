// The Variables view of a stopped .umptest session: scopes for the test's variables, its
// endpoints, the messages each endpoint received so far (decoded, with hex) and, when stopped on a
// failure, what was expected, what arrived and the difference field by field. References are
// valid until the run goes on.
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { EndpointSnapshot, ReceivedSnapshot, Stop } from '../../../testing';

type Children = () => DebugProtocol.Variable[];

export class DebugVariables {
  private readonly containers = new Map<number, Children>();
  private scopeList: DebugProtocol.Scope[] = [];
  private nextReference = 1;

  /** Forgets the previous stop's references and builds this one's scopes. */
  show(stop: Stop | undefined): void {
    this.containers.clear();
    this.scopeList = [];
    if (stop === undefined) return;
    // Read when the view asks: messages go on arriving while the run is held.
    const endpoints = () => stop.point.endpoints();
    this.scope('Variables', () => variableRows(stop.point.variables));
    this.scope('Endpoints', () => endpoints().map((endpoint) => this.endpointRow(endpoint)));
    this.scope('Received', () => endpoints().map((endpoint) => this.receivedRow(endpoint)));
    const failure = stop.failure;
    if (failure !== undefined) {
      this.scope('Failed expectation', () => [
        leaf('message', failure.message),
        leaf('expected', failure.expected ?? '(none)'),
        leaf('actual', failure.actual ?? '(none)'),
        this.container(
          'difference',
          failure.differences.length === 0
            ? '(no message of that kind arrived)'
            : `${failure.differences.length} field(s)`,
          () =>
            failure.differences.map((difference) =>
              leaf(difference.field, `expected ${difference.expected}, got ${difference.actual}`),
            ),
        ),
      ]);
    }
  }

  scopes(): DebugProtocol.Scope[] {
    return this.scopeList;
  }

  children(reference: number): DebugProtocol.Variable[] {
    return this.containers.get(reference)?.() ?? [];
  }

  private scope(name: string, children: Children): void {
    this.scopeList.push({ name, variablesReference: this.register(children), expensive: false });
  }

  private register(children: Children): number {
    const reference = this.nextReference++;
    this.containers.set(reference, children);
    return reference;
  }

  private container(name: string, value: string, children: Children): DebugProtocol.Variable {
    return { name, value, variablesReference: this.register(children) };
  }

  private endpointRow(endpoint: EndpointSnapshot): DebugProtocol.Variable {
    return this.container(endpoint.alias, endpoint.name, () => [
      leaf('name', endpoint.name),
      leaf('endpoint id', endpoint.endpointDeviceId),
      this.receivedRow(endpoint, 'received'),
    ]);
  }

  private receivedRow(endpoint: EndpointSnapshot, name = endpoint.alias): DebugProtocol.Variable {
    const matched = endpoint.received.filter((item) => item.matched).length;
    return this.container(
      name,
      `${endpoint.received.length} message(s), ${matched} matched by an expectation`,
      () => endpoint.received.map((item, index) => this.messageRow(item, index)),
    );
  }

  private messageRow(item: ReceivedSnapshot, index: number): DebugProtocol.Variable {
    return this.container(`[${index}] +${item.atMs.toFixed(3)} ms`, item.description, () => [
      leaf('decoded', item.description),
      leaf('hex', item.hex),
      leaf('received at', `+${item.atMs.toFixed(3)} ms after the test started (engine timestamp)`),
      leaf('matched', item.matched ? 'yes, an expectation took it' : 'no'),
    ]);
  }
}

function leaf(name: string, value: string): DebugProtocol.Variable {
  return { name, value, variablesReference: 0 };
}

function variableRows(variables: ReadonlyMap<string, number>): DebugProtocol.Variable[] {
  return [...variables].map(([name, value]) => ({
    name,
    value: `${value} (0x${value.toString(16).toUpperCase()})`,
    type: 'number',
    variablesReference: 0,
  }));
}
