// The Virtual devices group of the endpoints tree: a virtual device's pair leaves Loopbacks and
// shows as a device of its own, its endpoint and device side named, and its declared endpoint info
// and function blocks read from the declaration, before any discovery; parents lead back up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MidiEndpointDeviceInformation } from '../../../src/engine/types';
import {
  declaredUmpEndpoint,
  exampleDeviceJson,
  parseVirtualDeviceDeclaration,
} from '../../../src/virtualDevice';
import {
  buildSnapshot,
  childNodes,
  parentNode,
  rootNodes,
  type EndpointsTreeNode,
  type VirtualDeviceInfo,
} from '../../../src/views/endpoints/endpointsTreeNodes';
import {
  declaredBlockFields,
  declaredBlockSummary,
} from '../../../src/views/endpoints/virtualDeviceDescriptions';

function loopbackEndpoint(
  endpointDeviceId: string,
  name: string,
  side: 'A' | 'B',
  associationId: string,
  peer: string,
): MidiEndpointDeviceInformation {
  return {
    endpointDeviceId,
    transport: 'loopback',
    name,
    description: '',
    uniqueId: endpointDeviceId,
    protocol: 'midi2',
    details: [],
    functionBlocks: [],
    loopback: { side, associationId, peerEndpointDeviceId: peer },
  };
}

const declaration = parseVirtualDeviceDeclaration(exampleDeviceJson(32, 'Scope Synth'), 'test');
const device: VirtualDeviceInfo = {
  associationId: 'virtual-scope-synth',
  declaration,
  origin: 'settings',
  endpointDeviceId: 'vd-host',
  deviceSideEndpointDeviceId: 'vd-device',
};
const endpoints = [
  loopbackEndpoint('vd-device', 'Scope Synth (device side)', 'A', 'virtual-scope-synth', 'vd-host'),
  loopbackEndpoint('vd-host', 'Scope Synth', 'B', 'virtual-scope-synth', 'vd-device'),
  loopbackEndpoint('pair-a', 'Plain A', 'A', 'plain', 'pair-b'),
  loopbackEndpoint('pair-b', 'Plain B', 'B', 'plain', 'pair-a'),
];
const transports = [{ id: 'diagnostics', available: true, message: '' }];
const snapshot = buildSnapshot(endpoints, transports, () => 'transient', [device]);

const kinds = (nodes: EndpointsTreeNode[]) => nodes.map((node) => node.kind);

void test('the Virtual devices group comes after Loopbacks, and the device pair is not a loopback pair', () => {
  const roots = rootNodes(snapshot);
  assert.deepEqual(kinds(roots), ['loopbacks', 'virtualDevices', 'transport']);
  assert.deepEqual(roots[1], { kind: 'virtualDevices', deviceCount: 1 });
  assert.deepEqual(
    snapshot.pairs.map((pair) => pair.associationId),
    ['plain'],
  );
  const [deviceNode] = childNodes(snapshot, roots[1]);
  assert.equal(deviceNode.kind, 'virtualDevice');
  assert.equal(deviceNode.kind === 'virtualDevice' && deviceNode.endpointDeviceId, 'vd-host');
});

void test('a device shows its endpoint, then its device side, then what it declares', () => {
  const [deviceNode] = childNodes(snapshot, rootNodes(snapshot)[1]);
  const children = childNodes(snapshot, deviceNode);
  assert.deepEqual(kinds(children), ['endpoint', 'endpoint', 'declaredEndpoint', 'declaredBlocks']);
  assert.deepEqual(
    children.slice(0, 2).map((node) => node.kind === 'endpoint' && [node.endpointDeviceId, node.virtualRole]),
    [
      ['vd-host', 'endpoint'],
      ['vd-device', 'device'],
    ],
  );
  const info = childNodes(snapshot, children[2]);
  const line = (id: string) => info.find((node) => node.kind === 'declaredLine' && node.id === id);
  assert.deepEqual(
    [line('name'), line('blocks'), line('protocols')].map(
      (node) => node?.kind === 'declaredLine' && node.detail,
    ),
    ['Scope Synth', '32 (static)', 'MIDI 1.0, MIDI 2.0 (starts in MIDI 2.0)'],
  );
});

void test('the 32 declared blocks are children at once, with their names and fields', () => {
  const [deviceNode] = childNodes(snapshot, rootNodes(snapshot)[1]);
  const blocksNode = childNodes(snapshot, deviceNode)[3];
  const blocks = childNodes(snapshot, blocksNode);
  assert.equal(blocks.length, 32);
  const last = blocks[31];
  assert.ok(last.kind === 'declaredBlock');
  assert.equal(last.index, 31);
  assert.equal(last.block.name, 'Function block 32 of the example device');
  // Block 31 of the example: input (31 % 3 == 1), group 16 (31 % 16), MIDI 1.0 (31 % 4 == 3).
  assert.equal(
    declaredBlockSummary(last.block, 'oneBased'),
    'input · group 16 · MIDI 1.0 · UI receiver · CI 0x02',
  );
  assert.deepEqual(
    new Map(declaredBlockFields(31, last.block, 'oneBased')).get('Groups'),
    'group 16 (first 16, count 1)',
  );
  // #17: under zeroBased the groups read as in the message, as the monitor's rows then do.
  assert.equal(
    declaredBlockSummary(last.block, 'zeroBased'),
    'input · group 15 · MIDI 1.0 · UI receiver · CI 0x02',
  );
  assert.deepEqual(
    new Map(declaredBlockFields(31, last.block, 'zeroBased')).get('Groups'),
    'group 15 (first 15, count 1)',
  );
  assert.equal(
    new Map(declaredBlockFields(0, declaration.functionBlocks[0], 'oneBased')).get('Active'),
    'yes',
  );
});

void test('parents lead from a declared block and from either side back to the group', () => {
  const group = rootNodes(snapshot)[1];
  const [deviceNode] = childNodes(snapshot, group);
  const [endpointNode, deviceSide, infoNode, blocksNode] = childNodes(snapshot, deviceNode);
  const block = childNodes(snapshot, blocksNode)[5];
  const line = childNodes(snapshot, infoNode)[0];
  assert.equal(parentNode(snapshot, block)?.kind, 'declaredBlocks');
  assert.equal(parentNode(snapshot, line)?.kind, 'declaredEndpoint');
  for (const node of [endpointNode, deviceSide, infoNode, blocksNode])
    assert.deepEqual(parentNode(snapshot, node), deviceNode);
  assert.deepEqual(parentNode(snapshot, deviceNode), group);
});

void test('without its endpoints (the pair is gone) a device is not shown; without devices the group is empty', () => {
  const gone = buildSnapshot(endpoints.slice(2), transports, () => 'transient', [device]);
  assert.deepEqual(childNodes(gone, rootNodes(gone)[1]), []);
  const none = buildSnapshot(endpoints, transports, () => 'transient');
  assert.deepEqual(rootNodes(none)[1], { kind: 'virtualDevices', deviceCount: 0 });
  // Not a virtual device any more: its pair is an ordinary loopback pair.
  assert.deepEqual(none.pairs.map((pair) => pair.associationId).sort(), ['plain', 'virtual-scope-synth']);
});

void test("the device's endpoint, which carries the declared blocks in the engine, does not list them again", () => {
  const declared = declaredUmpEndpoint(declaration);
  const withBlocks = endpoints.map((endpoint) =>
    endpoint.endpointDeviceId === 'vd-host' ? { ...endpoint, ...declared } : endpoint,
  );
  const declaredSnapshot = buildSnapshot(withBlocks, transports, () => 'transient', [device]);
  const [deviceNode] = childNodes(declaredSnapshot, rootNodes(declaredSnapshot)[1]);
  const [endpointNode] = childNodes(declaredSnapshot, deviceNode);
  assert.ok(endpointNode.kind === 'endpoint' && endpointNode.endpoint.functionBlocks.length === 32);
  assert.deepEqual(childNodes(declaredSnapshot, endpointNode), []);
  assert.equal(childNodes(declaredSnapshot, childNodes(declaredSnapshot, deviceNode)[3]).length, 32);
});
