// The tree's model: plain nodes built from one snapshot of the engine's endpoints and
// transports, so that getChildren, getTreeItem and getParent all see the same state.
// Endpoints are grouped by transport: Loopbacks (as pairs), Diagnostics, then every other
// transport the engine runs (ALSA, Network, …), each with its endpoints and their function blocks.
import type { MidiEndpointDeviceInformation, MidiFunctionBlockDetails } from '../../engine/types';

/** A transport as the tree needs it: its id, and why it is unavailable here ('' when it runs). */
export interface TransportView {
  id: string;
  available: boolean;
  message: string;
}

export interface LoopbackPairView {
  associationId: string;
  endpointA: MidiEndpointDeviceInformation | undefined;
  endpointB: MidiEndpointDeviceInformation | undefined;
  /** As the extension keeps the pair (its PairPersistence, src/extension/loopback). */
  persistence: 'transient' | 'persistent';
}

export interface TransportGroupView extends TransportView {
  endpoints: MidiEndpointDeviceInformation[];
}

export type EndpointsTreeNode =
  | { kind: 'loopbacks'; pairCount: number }
  | { kind: 'transport'; transport: string; view: TransportGroupView }
  // Top-level ids let commands run from the tree read their target without knowing node kinds
  // (the monitor's `midiScope.openMonitor` takes any argument with an `endpointDeviceId`).
  | { kind: 'pair'; associationId: string; pair: LoopbackPairView }
  | { kind: 'endpoint'; endpointDeviceId: string; endpoint: MidiEndpointDeviceInformation }
  | { kind: 'functionBlock'; endpointDeviceId: string; block: MidiFunctionBlockDetails }
  | { kind: 'noPairs' }
  | { kind: 'engineUnavailable'; reason: string };

export interface EndpointsSnapshot {
  pairs: LoopbackPairView[];
  /** Every transport but the user's loopbacks: diagnostics first, then in the engine's order. */
  transports: TransportGroupView[];
}

const byName = (a: MidiEndpointDeviceInformation, b: MidiEndpointDeviceInformation): number =>
  (a.loopback?.side ?? '').localeCompare(b.loopback?.side ?? '') || a.name.localeCompare(b.name);

export function buildSnapshot(
  endpoints: readonly MidiEndpointDeviceInformation[],
  transports: readonly TransportView[],
  persistenceOf: (associationId: string) => LoopbackPairView['persistence'],
): EndpointsSnapshot {
  const groups = new Map<string, TransportGroupView>();
  for (const transport of transports) {
    if (transport.id !== 'loopback') groups.set(transport.id, { ...transport, endpoints: [] });
  }
  const pairs = new Map<string, LoopbackPairView>();
  for (const endpoint of endpoints) {
    if (endpoint.transport === 'loopback' && endpoint.loopback) {
      const { associationId, side } = endpoint.loopback;
      let pair = pairs.get(associationId);
      if (!pair) {
        pair = {
          associationId,
          endpointA: undefined,
          endpointB: undefined,
          persistence: persistenceOf(associationId),
        };
        pairs.set(associationId, pair);
      }
      if (side === 'A') pair.endpointA = endpoint;
      else pair.endpointB = endpoint;
      continue;
    }
    let group = groups.get(endpoint.transport);
    if (!group) {
      // An endpoint of a transport the engine did not list (it came and went in between).
      group = { id: endpoint.transport, available: true, message: '', endpoints: [] };
      groups.set(endpoint.transport, group);
    }
    group.endpoints.push(endpoint);
  }
  for (const group of groups.values()) group.endpoints.sort(byName);
  const pairName = (pair: LoopbackPairView): string => pair.endpointA?.name ?? pair.endpointB?.name ?? '';
  const ordered = [...groups.values()].sort(
    (a, b) => Number(b.id === 'diagnostics') - Number(a.id === 'diagnostics'),
  );
  return {
    pairs: [...pairs.values()].sort((a, b) => pairName(a).localeCompare(pairName(b))),
    transports: ordered,
  };
}

const endpointNode = (endpoint: MidiEndpointDeviceInformation): EndpointsTreeNode => ({
  kind: 'endpoint',
  endpointDeviceId: endpoint.endpointDeviceId,
  endpoint,
});

const pairNode = (pair: LoopbackPairView): EndpointsTreeNode => ({
  kind: 'pair',
  associationId: pair.associationId,
  pair,
});

const transportNode = (view: TransportGroupView): EndpointsTreeNode => ({
  kind: 'transport',
  transport: view.id,
  view,
});

export function rootNodes(snapshot: EndpointsSnapshot): EndpointsTreeNode[] {
  return [{ kind: 'loopbacks', pairCount: snapshot.pairs.length }, ...snapshot.transports.map(transportNode)];
}

export function childNodes(snapshot: EndpointsSnapshot, node: EndpointsTreeNode): EndpointsTreeNode[] {
  switch (node.kind) {
    case 'loopbacks':
      return snapshot.pairs.length === 0 ? [{ kind: 'noPairs' }] : snapshot.pairs.map(pairNode);
    case 'transport':
      return node.view.endpoints.map(endpointNode);
    case 'pair':
      return [node.pair.endpointA, node.pair.endpointB]
        .filter((endpoint): endpoint is MidiEndpointDeviceInformation => endpoint !== undefined)
        .map(endpointNode);
    case 'endpoint':
      return node.endpoint.functionBlocks.map((block) => ({
        kind: 'functionBlock',
        endpointDeviceId: node.endpointDeviceId,
        block,
      }));
    default:
      return [];
  }
}

function findEndpoint(snapshot: EndpointsSnapshot, endpointDeviceId: string): EndpointsTreeNode | undefined {
  for (const view of snapshot.transports) {
    const endpoint = view.endpoints.find((candidate) => candidate.endpointDeviceId === endpointDeviceId);
    if (endpoint) return endpointNode(endpoint);
  }
  for (const pair of snapshot.pairs) {
    for (const endpoint of [pair.endpointA, pair.endpointB]) {
      if (endpoint?.endpointDeviceId === endpointDeviceId) return endpointNode(endpoint);
    }
  }
  return undefined;
}

export function parentNode(
  snapshot: EndpointsSnapshot,
  node: EndpointsTreeNode,
): EndpointsTreeNode | undefined {
  switch (node.kind) {
    case 'pair':
    case 'noPairs':
      return { kind: 'loopbacks', pairCount: snapshot.pairs.length };
    case 'functionBlock':
      return findEndpoint(snapshot, node.endpointDeviceId);
    case 'endpoint': {
      const { endpoint } = node;
      if (endpoint.transport === 'loopback') {
        const pair = snapshot.pairs.find(
          (candidate) => candidate.associationId === endpoint.loopback?.associationId,
        );
        return pair ? pairNode(pair) : undefined;
      }
      const view = snapshot.transports.find((candidate) => candidate.id === endpoint.transport);
      return view ? transportNode(view) : undefined;
    }
    default:
      return undefined;
  }
}
