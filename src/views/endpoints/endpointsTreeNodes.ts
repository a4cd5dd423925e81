// The tree's model: plain nodes built from one snapshot of the engine's endpoints, so that
// getChildren, getTreeItem and getParent all see the same state.
import type { MidiEndpointDeviceInformation } from '../../engine/types';

export type EndpointGroupKind = 'diagnostics' | 'loopbackPairs' | 'devices';

export interface LoopbackPairView {
  associationId: string;
  endpointA: MidiEndpointDeviceInformation | undefined;
  endpointB: MidiEndpointDeviceInformation | undefined;
  /** As the extension keeps the pair (its PairPersistence, src/extension/loopback). */
  persistence: 'transient' | 'persistent';
}

export type EndpointsTreeNode =
  | { kind: 'group'; group: EndpointGroupKind; childCount: number }
  // Top-level ids let commands run from the tree read their target without knowing node kinds
  // (the monitor's `midiScope.openMonitor` takes any argument with an `endpointDeviceId`).
  | { kind: 'pair'; associationId: string; pair: LoopbackPairView }
  | { kind: 'endpoint'; endpointDeviceId: string; endpoint: MidiEndpointDeviceInformation }
  | { kind: 'noPairs' }
  | { kind: 'engineUnavailable'; reason: string };

export interface EndpointsSnapshot {
  diagnostics: MidiEndpointDeviceInformation[];
  pairs: LoopbackPairView[];
  /** Endpoints of other transports (none exist yet); shown under "Devices". */
  devices: MidiEndpointDeviceInformation[];
}

const byName = (a: MidiEndpointDeviceInformation, b: MidiEndpointDeviceInformation): number =>
  a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

export function buildSnapshot(
  endpoints: readonly MidiEndpointDeviceInformation[],
  persistenceOf: (associationId: string) => LoopbackPairView['persistence'],
): EndpointsSnapshot {
  const diagnostics: MidiEndpointDeviceInformation[] = [];
  const devices: MidiEndpointDeviceInformation[] = [];
  const pairs = new Map<string, LoopbackPairView>();
  for (const endpoint of endpoints) {
    if (endpoint.transport === 'diagnostics') {
      diagnostics.push(endpoint);
    } else if (endpoint.transport === 'loopback') {
      let pair = pairs.get(endpoint.associationId);
      if (!pair) {
        pair = {
          associationId: endpoint.associationId,
          endpointA: undefined,
          endpointB: undefined,
          persistence: persistenceOf(endpoint.associationId),
        };
        pairs.set(endpoint.associationId, pair);
      }
      if (endpoint.kind === 'loopbackA') pair.endpointA = endpoint;
      else pair.endpointB = endpoint;
    } else {
      devices.push(endpoint);
    }
  }
  const pairName = (pair: LoopbackPairView): string => pair.endpointA?.name ?? pair.endpointB?.name ?? '';
  return {
    diagnostics: diagnostics.sort(byName),
    pairs: [...pairs.values()].sort((a, b) => pairName(a).localeCompare(pairName(b))),
    devices: devices.sort(byName),
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

export function rootNodes(snapshot: EndpointsSnapshot): EndpointsTreeNode[] {
  return [
    { kind: 'group', group: 'diagnostics', childCount: snapshot.diagnostics.length },
    { kind: 'group', group: 'loopbackPairs', childCount: snapshot.pairs.length },
    { kind: 'group', group: 'devices', childCount: snapshot.devices.length },
  ];
}

export function childNodes(snapshot: EndpointsSnapshot, node: EndpointsTreeNode): EndpointsTreeNode[] {
  if (node.kind === 'pair') {
    return [node.pair.endpointA, node.pair.endpointB]
      .filter((endpoint): endpoint is MidiEndpointDeviceInformation => endpoint !== undefined)
      .map(endpointNode);
  }
  if (node.kind !== 'group') return [];
  switch (node.group) {
    case 'diagnostics':
      return snapshot.diagnostics.map(endpointNode);
    case 'loopbackPairs':
      return snapshot.pairs.length === 0 ? [{ kind: 'noPairs' }] : snapshot.pairs.map(pairNode);
    case 'devices':
      return snapshot.devices.map(endpointNode);
  }
}

export function parentNode(
  snapshot: EndpointsSnapshot,
  node: EndpointsTreeNode,
): EndpointsTreeNode | undefined {
  const group = (kind: EndpointGroupKind): EndpointsTreeNode =>
    rootNodes(snapshot).find((root) => root.kind === 'group' && root.group === kind) as EndpointsTreeNode;
  switch (node.kind) {
    case 'pair':
    case 'noPairs':
      return group('loopbackPairs');
    case 'endpoint': {
      const { endpoint } = node;
      if (endpoint.transport === 'diagnostics') return group('diagnostics');
      if (endpoint.transport !== 'loopback') return group('devices');
      const pair = snapshot.pairs.find((candidate) => candidate.associationId === endpoint.associationId);
      return pair ? pairNode(pair) : undefined;
    }
    default:
      return undefined;
  }
}
