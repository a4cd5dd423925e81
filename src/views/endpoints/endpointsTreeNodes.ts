// The tree's model: plain nodes built from one snapshot of the engine's endpoints and
// transports, so that getChildren, getTreeItem and getParent all see the same state.
// Endpoints are grouped by transport: Loopbacks (as pairs), Virtual devices (the pairs a virtual
// device runs on, with what it declares), Diagnostics, then every other transport the engine runs
// (ALSA, Network, …), each with its endpoints and their function blocks.
import type { MidiEndpointDeviceInformation, MidiFunctionBlockDetails } from '../../engine/types';
import type { VirtualDeviceDeclaration, VirtualFunctionBlock } from '../../virtualDevice';

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

/** A virtual device as its registry keeps it (src/extension/discovery/virtualDeviceRegistry). */
export interface VirtualDeviceInfo {
  associationId: string;
  declaration: VirtualDeviceDeclaration;
  /** Declared in the setting midiScope.virtualDevices, or made by Create Virtual Device. */
  origin: 'settings' | 'created';
  /** The endpoint for the code under test (and Discover Endpoint). */
  endpointDeviceId: string;
  /** The endpoint the device answers on. */
  deviceSideEndpointDeviceId: string;
}

export interface VirtualDeviceView extends VirtualDeviceInfo {
  endpoint: MidiEndpointDeviceInformation | undefined;
  deviceSide: MidiEndpointDeviceInformation | undefined;
}

/** Which side of a virtual device an endpoint row is. */
export type VirtualRole = 'endpoint' | 'device';

export interface TransportGroupView extends TransportView {
  endpoints: MidiEndpointDeviceInformation[];
}

export type EndpointsTreeNode =
  | { kind: 'loopbacks'; pairCount: number }
  | { kind: 'transport'; transport: string; view: TransportGroupView }
  // Top-level ids let commands run from the tree read their target without knowing node kinds
  // (the monitor's `midiScope.openMonitor` takes any argument with an `endpointDeviceId`).
  | { kind: 'pair'; associationId: string; pair: LoopbackPairView }
  | {
      kind: 'endpoint';
      endpointDeviceId: string;
      endpoint: MidiEndpointDeviceInformation;
      virtualRole?: VirtualRole;
    }
  | { kind: 'virtualDevices'; deviceCount: number }
  // associationId and endpointDeviceId at the top, as for pairs: Remove Virtual Device reads the
  // first, and the endpoint commands run from the device's row act on its endpoint.
  | { kind: 'virtualDevice'; associationId: string; endpointDeviceId: string; device: VirtualDeviceView }
  | { kind: 'declaredEndpoint'; associationId: string; device: VirtualDeviceView }
  | { kind: 'declaredLine'; associationId: string; id: string; label: string; detail: string }
  | { kind: 'declaredBlocks'; associationId: string; device: VirtualDeviceView }
  | { kind: 'declaredBlock'; associationId: string; index: number; block: VirtualFunctionBlock }
  | { kind: 'functionBlock'; endpointDeviceId: string; block: MidiFunctionBlockDetails }
  | { kind: 'noPairs' }
  | { kind: 'engineUnavailable'; reason: string };

export interface EndpointsSnapshot {
  pairs: LoopbackPairView[];
  virtualDevices: VirtualDeviceView[];
  /** Every transport but the user's loopbacks: diagnostics first, then in the engine's order. */
  transports: TransportGroupView[];
}

const byName = (a: MidiEndpointDeviceInformation, b: MidiEndpointDeviceInformation): number =>
  (a.loopback?.side ?? '').localeCompare(b.loopback?.side ?? '') || a.name.localeCompare(b.name);

export function buildSnapshot(
  endpoints: readonly MidiEndpointDeviceInformation[],
  transports: readonly TransportView[],
  persistenceOf: (associationId: string) => LoopbackPairView['persistence'],
  virtualDevices: readonly VirtualDeviceInfo[] = [],
): EndpointsSnapshot {
  const devices = new Map<string, VirtualDeviceView>(
    virtualDevices.map((info) => [
      info.associationId,
      { ...info, endpoint: undefined, deviceSide: undefined },
    ]),
  );
  const groups = new Map<string, TransportGroupView>();
  for (const transport of transports) {
    if (transport.id !== 'loopback') groups.set(transport.id, { ...transport, endpoints: [] });
  }
  const pairs = new Map<string, LoopbackPairView>();
  for (const endpoint of endpoints) {
    if (endpoint.transport === 'loopback' && endpoint.loopback) {
      const { associationId, side } = endpoint.loopback;
      const device = devices.get(associationId);
      if (device) {
        if (endpoint.endpointDeviceId === device.deviceSideEndpointDeviceId) device.deviceSide = endpoint;
        else device.endpoint = endpoint;
        continue;
      }
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
    // A device whose pair is not (or no longer) among the endpoints is not shown.
    virtualDevices: [...devices.values()]
      .filter((device) => device.endpoint !== undefined || device.deviceSide !== undefined)
      .sort((a, b) => a.declaration.endpointName.localeCompare(b.declaration.endpointName)),
    transports: ordered,
  };
}

const endpointNode = (
  endpoint: MidiEndpointDeviceInformation,
  virtualRole?: VirtualRole,
): EndpointsTreeNode => ({
  kind: 'endpoint',
  endpointDeviceId: endpoint.endpointDeviceId,
  endpoint,
  ...(virtualRole === undefined ? {} : { virtualRole }),
});

const virtualDeviceNode = (device: VirtualDeviceView): EndpointsTreeNode => ({
  kind: 'virtualDevice',
  associationId: device.associationId,
  endpointDeviceId: device.endpointDeviceId,
  device,
});

const virtualDevicesNode = (snapshot: EndpointsSnapshot): EndpointsTreeNode => ({
  kind: 'virtualDevices',
  deviceCount: snapshot.virtualDevices.length,
});

/** The endpoint first (what the code under test uses), then the device side. */
function virtualDeviceEndpoints(device: VirtualDeviceView): EndpointsTreeNode[] {
  const nodes: EndpointsTreeNode[] = [];
  if (device.endpoint) nodes.push(endpointNode(device.endpoint, 'endpoint'));
  if (device.deviceSide) nodes.push(endpointNode(device.deviceSide, 'device'));
  return nodes;
}

const hex = (n: number, width: number): string => `0x${n.toString(16).toUpperCase().padStart(width, '0')}`;

/** The declared endpoint info, one line a field, as discovery would find it. */
export function declaredEndpointLines(declaration: VirtualDeviceDeclaration): [string, string, string][] {
  const { deviceIdentity: id } = declaration;
  const protocols = [
    declaration.protocols.midi1 ? 'MIDI 1.0' : '',
    declaration.protocols.midi2 ? 'MIDI 2.0' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [
    ['name', 'Name', declaration.endpointName],
    [
      'piid',
      'Product instance id',
      declaration.productInstanceId === '' ? '(none)' : declaration.productInstanceId,
    ],
    ['ump', 'UMP version', `${declaration.umpVersion.major}.${declaration.umpVersion.minor}`],
    ['protocols', 'Protocols', `${protocols || 'none'} (starts in MIDI ${declaration.initialProtocol}.0)`],
    [
      'jr',
      'JR timestamps',
      `receive ${declaration.jrTimestamps.receive ? 'yes' : 'no'}, transmit ${declaration.jrTimestamps.transmit ? 'yes' : 'no'}`,
    ],
    [
      'blocks',
      'Function blocks',
      `${declaration.functionBlocks.length} (${declaration.staticFunctionBlocks ? 'static' : 'may change'})`,
    ],
    [
      'identity',
      'Device identity',
      `${id.manufacturer.map((b) => hex(b, 2)).join(' ')} · family ${hex(id.family, 4)} · model ${hex(id.model, 4)} · rev ${id.softwareRevision.join('.')}`,
    ],
  ];
}

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
  return [
    { kind: 'loopbacks', pairCount: snapshot.pairs.length },
    virtualDevicesNode(snapshot),
    ...snapshot.transports.map(transportNode),
  ];
}

export function childNodes(snapshot: EndpointsSnapshot, node: EndpointsTreeNode): EndpointsTreeNode[] {
  switch (node.kind) {
    case 'loopbacks':
      return snapshot.pairs.length === 0 ? [{ kind: 'noPairs' }] : snapshot.pairs.map(pairNode);
    case 'transport':
      return node.view.endpoints.map((endpoint) => endpointNode(endpoint));
    case 'virtualDevices':
      return snapshot.virtualDevices.map(virtualDeviceNode);
    case 'virtualDevice':
      return [
        ...virtualDeviceEndpoints(node.device),
        { kind: 'declaredEndpoint', associationId: node.associationId, device: node.device },
        { kind: 'declaredBlocks', associationId: node.associationId, device: node.device },
      ];
    case 'declaredEndpoint':
      return declaredEndpointLines(node.device.declaration).map(([id, label, detail]) => ({
        kind: 'declaredLine',
        associationId: node.associationId,
        id,
        label,
        detail,
      }));
    case 'declaredBlocks':
      return node.device.declaration.functionBlocks.map((block, index) => ({
        kind: 'declaredBlock',
        associationId: node.associationId,
        index,
        block,
      }));
    case 'pair':
      return [node.pair.endpointA, node.pair.endpointB]
        .filter((endpoint): endpoint is MidiEndpointDeviceInformation => endpoint !== undefined)
        .map((endpoint) => endpointNode(endpoint));
    case 'endpoint':
      // A virtual device's endpoint carries its declared blocks: the device's row shows them once,
      // under Declared function blocks.
      if (node.virtualRole !== undefined) return [];
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
  for (const device of snapshot.virtualDevices) {
    const found = virtualDeviceEndpoints(device).find(
      (candidate) => candidate.kind === 'endpoint' && candidate.endpointDeviceId === endpointDeviceId,
    );
    if (found) return found;
  }
  return undefined;
}

function findVirtualDevice(
  snapshot: EndpointsSnapshot,
  associationId: string,
): EndpointsTreeNode | undefined {
  const device = snapshot.virtualDevices.find((candidate) => candidate.associationId === associationId);
  return device ? virtualDeviceNode(device) : undefined;
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
    case 'virtualDevice':
      return virtualDevicesNode(snapshot);
    case 'declaredEndpoint':
    case 'declaredBlocks':
      return findVirtualDevice(snapshot, node.associationId);
    case 'declaredLine': {
      const device = snapshot.virtualDevices.find(
        (candidate) => candidate.associationId === node.associationId,
      );
      return device ? { kind: 'declaredEndpoint', associationId: node.associationId, device } : undefined;
    }
    case 'declaredBlock': {
      const device = snapshot.virtualDevices.find(
        (candidate) => candidate.associationId === node.associationId,
      );
      return device ? { kind: 'declaredBlocks', associationId: node.associationId, device } : undefined;
    }
    case 'endpoint': {
      const { endpoint } = node;
      if (node.virtualRole !== undefined && endpoint.loopback)
        return findVirtualDevice(snapshot, endpoint.loopback.associationId);
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
