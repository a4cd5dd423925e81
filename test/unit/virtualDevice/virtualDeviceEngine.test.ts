// A virtual device on a real loopback pair of the engine (dist/engine.js): Discover Endpoint on
// its host side gets everything declared; MIDI-CI Discovery and Property Exchange Get round-trip;
// what the device does not answer is counted and seen by another connection on the device side.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadEngine } from '../engine/support/engine';
import { waitFor } from '../engine/support/waitFor';

import { discoverEndpoint, forEachUmp } from '../../../src/discovery';
import { MidiCiInitiator } from '../../../src/midici';
import { VirtualDevice, parseVirtualDeviceDeclaration } from '../../../src/virtualDevice';

// The engine is dist/engine.js, as a plain Node script loads it; discovery, MIDI-CI and the
// virtual device are plain TypeScript that take it (or its sessions) as arguments.
const engine = loadEngine();
const session = engine.MidiSession.create('virtual device test');
after(() => session.close());

const declaration = parseVirtualDeviceDeclaration({
  endpointName: 'Virtual Scope Synth',
  productInstanceId: 'VS-42',
  deviceIdentity: { manufacturer: [0x7d, 0, 0], family: 7, model: 9, softwareRevision: [0, 1, 0, 0] },
  functionBlocks: Array.from({ length: 3 }, (_, i) => ({
    name: `Part ${i + 1} with a name longer than one packet`,
    firstGroup: i,
    direction: i === 0 ? 'input' : 'bidirectional',
  })),
  midiCi: { muid: 0x0abcdef, maxSysExSize: 128, resources: { ChannelList: [{ title: 'One', channel: 1 }] } },
});

void describe('VirtualDevice on the engine', () => {
  void it('appears as an endpoint, answers discovery as declared and is removed on close', async () => {
    const device = VirtualDevice.create(engine, declaration);
    const listed = engine.MidiEndpointDeviceInformation.findAll().map((e) => e.endpointDeviceId);
    assert.ok(listed.includes(device.endpointDeviceId));
    const run = discoverEndpoint(session, device.endpointDeviceId, {
      timeoutMs: 10_000,
      negotiate: { protocol: 1 },
    });
    const result = await run.discovery.finished();
    run.dispose();
    assert.equal(result.state, 'complete');
    assert.deepEqual(result.problems, []);
    assert.equal(result.endpointName?.value, 'Virtual Scope Synth');
    assert.equal(result.productInstanceId?.value, 'VS-42');
    assert.equal(result.functionBlocks.size, 3);
    assert.equal(result.functionBlocks.get(2)?.name?.value, 'Part 3 with a name longer than one packet');
    assert.equal(result.negotiation?.accepted, true);
    assert.equal(device.responder.streamConfiguration.protocol, 1, 'the device switched to MIDI 1.0');
    device.close();
    assert.equal(
      engine.MidiEndpointDeviceInformation.findAll().some(
        (e) => e.endpointDeviceId === device.endpointDeviceId,
      ),
      false,
    );
  });

  void it('answers MIDI-CI Discovery and Property Exchange Get of ResourceList, DeviceInfo and a declared resource', async (t) => {
    const device = VirtualDevice.create(engine, declaration);
    t.after(() => device.close());
    const connection = session.createEndpointConnection(device.endpointDeviceId);
    t.after(() => session.disconnectEndpointConnection(connection.connectionId));
    const initiator = new MidiCiInitiator({
      group: 0,
      send: (words) => (connection.sendSingleMessageWordArray(0, 0, words.length, words) & 0x80000000) === 0,
    });
    connection.onMessagesReceived((batch) =>
      forEachUmp(batch.words, (offset) => initiator.receive(batch.words, offset)),
    );
    assert.equal(connection.open(), true);
    const responders = await initiator.discover(10_000, 0x7f, (found) => found.length > 0);
    assert.equal(responders.length, 1);
    assert.equal(responders[0].muid, 0x0abcdef);
    assert.equal(responders[0].maxSysExSize, 128);
    assert.deepEqual(responders[0].manufacturer, [0x7d, 0, 0]);
    const list = await initiator.getProperty(0x0abcdef, 'ResourceList', 10_000);
    assert.deepEqual(list?.bodyJson, [{ resource: 'DeviceInfo' }, { resource: 'ChannelList' }]);
    const info = await initiator.getProperty(0x0abcdef, 'DeviceInfo', 10_000);
    assert.equal((info?.bodyJson as { model: string }).model, 'Virtual Scope Synth');
    assert.ok((info?.chunkCount ?? 0) >= 2, 'DeviceInfo does not fit 128 bytes: it came in chunks');
    const channels = await initiator.getProperty(0x0abcdef, 'ChannelList', 10_000);
    assert.deepEqual(channels?.bodyJson, [{ title: 'One', channel: 1 }]);
    const missing = await initiator.getProperty(0x0abcdef, 'NoSuchThing', 10_000);
    assert.equal(missing?.header?.status, 404);
    assert.deepEqual(initiator.problems, []);
  });

  void it('leaves what it does not answer to other connections on the device side, and counts it', async (t) => {
    const device = VirtualDevice.create(engine, declaration);
    t.after(() => device.close());
    const unanswered: number[][] = [];
    device.onUnanswered((words) => unanswered.push(Array.from(words)));
    const monitor = session.createEndpointConnection(device.deviceSideEndpointDeviceId);
    const seen: number[] = [];
    monitor.onMessagesReceived((batch) => seen.push(...batch.words));
    assert.equal(monitor.open(), true);
    const host = session.createEndpointConnection(device.endpointDeviceId);
    assert.equal(host.open(), true);
    t.after(() => {
      session.disconnectEndpointConnection(host.connectionId);
      session.disconnectEndpointConnection(monitor.connectionId);
    });
    host.sendSingleMessageWords(0, 0x40903c00, 0xffff0000);
    await waitFor(() => unanswered.length === 1 && seen.length === 2, 'the note on to reach the device side');
    assert.deepEqual(unanswered, [[0x40903c00, 0xffff0000]]);
    assert.equal(device.statistics.unanswered, 1);
  });
  void it("gives the engine its declaration: the endpoint side's information carries it, and redeclare changes it in place", async (t) => {
    const device = VirtualDevice.create(engine, declaration);
    t.after(() => device.close());
    const find = (id: string) =>
      engine.MidiEndpointDeviceInformation.findAll().find((e) => e.endpointDeviceId === id);
    const host = find(device.endpointDeviceId);
    assert.equal(host?.umpEndpoint?.productInstanceId, 'VS-42');
    assert.equal(host?.umpEndpoint?.functionBlockCount, 3);
    assert.equal(host?.umpEndpoint?.manufacturerId, 0x7d0000);
    assert.equal(host?.umpEndpoint?.family, 7);
    assert.equal(host?.umpEndpoint?.softwareRevision, 0x00010000);
    assert.deepEqual(
      host?.functionBlocks.map((b) => [
        b.number,
        b.name.slice(0, 6),
        b.firstGroup,
        b.groupCount,
        b.direction,
      ]),
      [
        [0, 'Part 1', 0, 1, 1],
        [1, 'Part 2', 1, 1, 3],
        [2, 'Part 3', 2, 1, 3],
      ],
    );
    // The side the device answers on declares nothing: a plain loopback side.
    const deviceSide = find(device.deviceSideEndpointDeviceId);
    assert.equal(deviceSide?.umpEndpoint, undefined);
    assert.deepEqual(deviceSide?.functionBlocks, []);

    const watcher = engine.MidiEndpointDeviceInformation.createWatcher();
    t.after(() => watcher.dispose());
    const updated: string[][] = [];
    watcher.onUpdated((endpoint) => updated.push(endpoint.functionBlocks.map((b) => b.name)));
    const changed = parseVirtualDeviceDeclaration({
      ...declaration,
      functionBlocks: [{ name: 'Only', firstGroup: 3, groupCount: 2, direction: 'output' }],
    });
    device.redeclare(changed);
    assert.equal(device.declaration, changed);
    assert.deepEqual(
      find(device.endpointDeviceId)?.functionBlocks.map((b) => [
        b.name,
        b.firstGroup,
        b.groupCount,
        b.direction,
      ]),
      [['Only', 3, 2, 2]],
    );
    await waitFor(() => updated.length > 0, 'the watcher to hear the change');
    assert.deepEqual(updated, [['Only']]);
    // The device answers from the new declaration.
    const run = discoverEndpoint(session, device.endpointDeviceId, { timeoutMs: 10_000 });
    const result = await run.discovery.finished();
    run.dispose();
    assert.equal(result.functionBlocks.size, 1);
    assert.equal(result.functionBlocks.get(0)?.name?.value, 'Only');
    // A rename cannot happen in place; nothing changes.
    assert.throws(
      () => device.redeclare(parseVirtualDeviceDeclaration({ ...changed, endpointName: 'Other' })),
      /cannot be renamed to "Other" in place/,
    );
    assert.equal(device.declaration, changed);
  });
});
