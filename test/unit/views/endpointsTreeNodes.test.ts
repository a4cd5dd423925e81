// The endpoints tree's model: endpoints grouped by transport (Loopbacks as pairs, Diagnostics,
// then every other transport, unavailable ones included), function blocks under their endpoint,
// and parents that lead back up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MidiEndpointDeviceInformation } from '../../../src/engine/types';
import {
  buildSnapshot,
  childNodes,
  parentNode,
  rootNodes,
  type EndpointsTreeNode,
} from '../../../src/views/endpoints/endpointsTreeNodes';

function endpoint(
  fields: Partial<MidiEndpointDeviceInformation> & { endpointDeviceId: string },
): MidiEndpointDeviceInformation {
  return {
    transport: 'alsa',
    name: fields.endpointDeviceId,
    description: '',
    uniqueId: fields.endpointDeviceId,
    protocol: 'midi2',
    details: [],
    functionBlocks: [],
    ...fields,
  };
}

const block = {
  number: 0,
  name: 'Main',
  active: true,
  direction: 3,
  firstGroup: 0,
  groupCount: 2,
  uiHint: 3,
  midi1: 0,
  midiCiVersion: 0,
  maxSysEx8Streams: 0,
};
const endpoints = [
  endpoint({
    endpointDeviceId: 'diag-b',
    transport: 'diagnostics',
    name: 'Diag B',
    loopback: { side: 'B', associationId: '', peerEndpointDeviceId: 'diag-a' },
  }),
  endpoint({
    endpointDeviceId: 'diag-a',
    transport: 'diagnostics',
    name: 'Diag A',
    loopback: { side: 'A', associationId: '', peerEndpointDeviceId: 'diag-b' },
  }),
  endpoint({
    endpointDeviceId: 'pair-b',
    transport: 'loopback',
    name: 'Out',
    loopback: { side: 'B', associationId: 'p', peerEndpointDeviceId: 'pair-a' },
  }),
  endpoint({
    endpointDeviceId: 'pair-a',
    transport: 'loopback',
    name: 'In',
    loopback: { side: 'A', associationId: 'p', peerEndpointDeviceId: 'pair-b' },
  }),
  endpoint({
    endpointDeviceId: 'usb',
    transport: 'alsa',
    name: 'USB MIDI 2.0',
    functionBlocks: [block],
    details: [
      ['client', '24'],
      ['port', '0'],
    ],
  }),
  endpoint({ endpointDeviceId: 'remote', transport: 'network', name: 'Remote' }),
];
const transports = [
  { id: 'diagnostics', available: true, message: '' },
  { id: 'loopback', available: true, message: '' },
  { id: 'alsa', available: true, message: 'alsa-lib 1.2.8: MIDI 1.0 only' },
  { id: 'coremidi', available: false, message: 'CoreMIDI exists on macOS only' },
];

void test("the roots are Loopbacks, Virtual devices, Diagnostics, then each other transport in the engine's order", () => {
  const snapshot = buildSnapshot(endpoints, transports, () => 'transient');
  const roots = rootNodes(snapshot);
  assert.deepEqual(
    roots.map((node) => (node.kind === 'transport' ? node.transport : node.kind)),
    ['loopbacks', 'virtualDevices', 'diagnostics', 'alsa', 'coremidi', 'network'],
  );
  const coremidi = roots[4];
  assert.ok(
    coremidi?.kind === 'transport' && !coremidi.view.available && coremidi.view.endpoints.length === 0,
  );
});

void test('pairs hold their A and B sides, in that order, under Loopbacks', () => {
  const snapshot = buildSnapshot(endpoints, transports, () => 'persistent');
  const [loopbacks] = rootNodes(snapshot);
  assert.ok(loopbacks);
  const pairs = childNodes(snapshot, loopbacks);
  assert.equal(pairs.length, 1);
  const pair = pairs[0] as EndpointsTreeNode & { kind: 'pair' };
  assert.equal(pair.pair.persistence, 'persistent');
  const sides = childNodes(snapshot, pair).map((node) =>
    node.kind === 'endpoint' ? node.endpoint.loopback?.side : '?',
  );
  assert.deepEqual(sides, ['A', 'B']);
  const [sideA] = childNodes(snapshot, pair);
  assert.ok(sideA);
  assert.equal(parentNode(snapshot, sideA)?.kind, 'pair');
  assert.equal(parentNode(snapshot, pair)?.kind, 'loopbacks');
});

void test('a device lists its function blocks, and each leads back to it', () => {
  const snapshot = buildSnapshot(endpoints, transports, () => 'transient');
  const alsa = rootNodes(snapshot).find((node) => node.kind === 'transport' && node.transport === 'alsa');
  assert.ok(alsa);
  const [usb] = childNodes(snapshot, alsa);
  assert.ok(usb?.kind === 'endpoint' && usb.endpoint.name === 'USB MIDI 2.0');
  const blocks = childNodes(snapshot, usb);
  assert.equal(blocks.length, 1);
  const [first] = blocks;
  assert.ok(first?.kind === 'functionBlock' && first.block.name === 'Main');
  const parent = parentNode(snapshot, first);
  assert.ok(parent?.kind === 'endpoint' && parent.endpointDeviceId === 'usb');
  assert.ok(parentNode(snapshot, usb)?.kind === 'transport');
});

void test('no pairs shows the placeholder that creates one', () => {
  const snapshot = buildSnapshot(
    endpoints.filter((e) => e.transport !== 'loopback'),
    transports,
    () => 'transient',
  );
  const [loopbacks] = rootNodes(snapshot);
  assert.ok(loopbacks);
  assert.deepEqual(childNodes(snapshot, loopbacks), [{ kind: 'noPairs' }]);
});
