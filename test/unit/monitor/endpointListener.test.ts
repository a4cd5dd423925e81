// A monitor's listener when its endpoint goes away and comes back: it says the endpoint is gone,
// keeps what it captured, and listens again when an endpoint with the same id is added. Runs on
// the real engine (dist/engine.js) with a real loopback pair.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type * as vscode from 'vscode';
import { Capture } from '../../../src/views/monitor/capture';
import { EndpointListener } from '../../../src/views/monitor/endpointListener';
import { loadEngine } from '../engine/support/engine';
import { waitFor } from '../engine/support/waitFor';

const engine = loadEngine();
const { MidiLoopbackEndpointManager, MidiSession } = engine;

const logged: string[] = [];
const log = {
  info: (text: string) => logged.push(text),
  warn: (text: string) => logged.push(text),
  error: (text: string) => logged.push(text),
} as unknown as vscode.LogOutputChannel;

void test('a removed endpoint is gone with its capture kept, and listened to again when it comes back', async () => {
  const suffix = randomUUID();
  const config = {
    associationId: `listener-${suffix}`,
    endpointA: { name: 'Listener A', uniqueId: `listener-A-${suffix}` },
    endpointB: { name: 'Listener B', uniqueId: `listener-B-${suffix}` },
  };
  const create = () => {
    const created = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config);
    assert.ok(created.success, created.errorInformation);
    return created;
  };
  const first = create();
  const capture = new Capture(1000, () => '');
  let stateChanges = 0;
  const listener = new EndpointListener(
    engine,
    [{ index: 0, endpointDeviceId: first.endpointDeviceIdB, name: 'Listener B' }],
    capture,
    log,
    0,
    () => stateChanges++,
  );
  const sender = MidiSession.create('listener test sender');
  const send = (word: number) => {
    const a = sender.createEndpointConnection(first.endpointDeviceIdA);
    assert.ok(a.open());
    a.sendSingleMessageWords(0, word);
    sender.disconnectEndpointConnection(a.connectionId);
  };
  try {
    assert.deepEqual(listener.goneEndpoints, []);
    send(0x20903c64);
    await waitFor(() => capture.received === 1, 'the first message');

    assert.ok(MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(config.associationId));
    await waitFor(() => listener.goneEndpoints.length === 1, 'the endpoint to be gone');
    assert.deepEqual(listener.goneEndpoints, [0]);
    assert.deepEqual(listener.listenedEndpointIds, []);
    assert.equal(capture.received, 1, 'the capture is kept');
    assert.ok(stateChanges >= 1);

    const second = create();
    assert.equal(
      second.endpointDeviceIdB,
      first.endpointDeviceIdB,
      'the same unique id gives the same endpoint id',
    );
    await waitFor(() => listener.goneEndpoints.length === 0, 'the endpoint to be listened to again');
    assert.deepEqual(listener.listenedEndpointIds, [first.endpointDeviceIdB]);
    send(0x20903d64);
    await waitFor(() => capture.received === 2, 'the message sent after it came back');
    assert.equal(capture.ring.firstWord(1), 0x20903d64);
  } finally {
    listener.dispose();
    sender.close();
    MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(config.associationId);
  }
});

void test('an endpoint missing when the monitor opens is gone, and listened to once it is added', async () => {
  const suffix = randomUUID();
  const config = {
    associationId: `late-${suffix}`,
    endpointA: { name: 'Late A', uniqueId: `late-A-${suffix}` },
    endpointB: { name: 'Late B', uniqueId: `late-B-${suffix}` },
  };
  // Learn the id the engine gives this unique id, then take the pair away before listening.
  const made = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config);
  assert.ok(made.success);
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(config.associationId);
  const capture = new Capture(1000, () => '');
  const listener = new EndpointListener(
    engine,
    [{ index: 0, endpointDeviceId: made.endpointDeviceIdB, name: 'Late B' }],
    capture,
    log,
  );
  try {
    assert.equal(listener.failures.length, 1);
    assert.deepEqual(listener.goneEndpoints, [0]);
    assert.ok(MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config).success);
    await waitFor(() => listener.goneEndpoints.length === 0, 'the late endpoint to be listened to');
  } finally {
    listener.dispose();
    MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(config.associationId);
  }
});
