// The addon end to end on the JS thread: the classic sample, wake-ups, the watcher, scheduling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, flags, loadAddon, openDraining, waitFor } from './support.mjs';

const addon = loadAddon();
const sampleA = { name: 'Sample App Loopback A', uniqueId: '8675309-OU812-5150' };
const sampleB = { name: 'Sample App Loopback B', description: 'the B side', uniqueId: '3263827-OU812-5150' };
// MIDI 1.0 note on: group 5, channel 3, note 120, velocity 100.
const noteOn = new Uint32Array([0x25937864]);

test('the classic sample goes from A to B and back as one word', async () => {
  const pair = addon.createLoopbackPair('sample', sampleA, sampleB);
  assert.equal(pair.success, true, pair.errorInformation);
  const a = openDraining(addon, pair.endpointDeviceIdA);
  const b = openDraining(addon, pair.endpointDeviceIdB);
  assert.equal(addon.sendMessage(a.handle, 0, noteOn, 0, 1), 0);
  await waitFor(() => b.words.length === 1, 'the note on at B');
  assert.deepEqual(b.words, [0x25937864]);
  assert.equal(addon.sendMessage(b.handle, 0, noteOn, 0, 1), 0);
  await waitFor(() => a.words.length === 1, 'the note on back at A');
  assert.deepEqual(a.words, [0x25937864]);
  addon.closeConnection(a.handle);
  addon.closeConnection(b.handle);
  assert.equal(addon.removeLoopbackPair('sample'), true);
});

test('onWake runs later, once per burst, never inside the send', async () => {
  const a = openDraining(addon, 'midiscope://diagnostics/loopback-a');
  const b = openDraining(addon, 'midiscope://diagnostics/loopback-b');
  for (let i = 0; i < 1000; i++) addon.sendMessage(a.handle, 0, noteOn, 0, 1);
  assert.equal(b.wakes, 0, 'the wake-up is asynchronous');
  await waitFor(() => b.words.length === 1000, '1000 messages');
  assert.equal(b.wakes, 1);
  addon.sendMessages(a.handle, 0, new Uint32Array([0x20000001, 0x40000000, 2]), 0, 3);
  await waitFor(() => b.words.length === 1003, 'a second burst');
  assert.equal(b.wakes, 2);
  assert.deepEqual(addon.stats(b.handle), {
    received: 1002,
    dropped: 0,
    pendingScheduled: 0,
    sentScheduled: 0,
    failedScheduled: 0,
    lastScheduledFailure: 0,
  });
  addon.closeConnection(a.handle);
  addon.closeConnection(b.handle);
});

test('the watcher gets one batch per change of the registry', async () => {
  const batches = [];
  addon.setEndpointWatcher((changes) => batches.push(changes));
  addon.createLoopbackPair('watched', { name: 'W A', uniqueId: 'w-a' }, { name: 'W B', uniqueId: 'w-b' });
  await waitFor(() => batches.length === 1, 'the added batch');
  assert.deepEqual(
    batches[0].map((c) => [
      c.change,
      c.endpoint.endpointDeviceId,
      c.endpoint.loopback.side,
      c.endpoint.loopback.peerEndpointDeviceId,
    ]),
    [
      ['added', 'midiscope://loopback/w-a', 'A', 'midiscope://loopback/w-b'],
      ['added', 'midiscope://loopback/w-b', 'B', 'midiscope://loopback/w-a'],
    ],
  );
  addon.removeLoopbackPair('watched');
  await waitFor(() => batches.length === 2, 'the removed batch');
  assert.deepEqual(
    batches[1].map((c) => c.change),
    ['removed', 'removed'],
  );
  addon.setEndpointWatcher(null);
  addon.createLoopbackPair('unwatched', { name: 'U A', uniqueId: 'u-a' }, { name: 'U B', uniqueId: 'u-b' });
  addon.removeLoopbackPair('unwatched');
  const marker = openDraining(addon, 'midiscope://diagnostics/loopback-b');
  const sender = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
  addon.sendMessage(sender, 0, noteOn, 0, 1);
  await waitFor(() => marker.words.length === 1, 'a later notification'); // queued after the changes
  assert.equal(batches.length, 2);
  addon.closeConnection(sender);
  addon.closeConnection(marker.handle);
});

test('listEndpoints describes both sides of every pair', () => {
  const endpoints = addon.listEndpoints();
  assert.deepEqual(endpoints[0], {
    endpointDeviceId: 'midiscope://diagnostics/loopback-a',
    name: 'Diagnostics Loopback A',
    description: 'Built-in loopback: messages sent out on A arrive in on B',
    uniqueId: 'midiscope-diagnostics-loopback-a',
    transport: 'diagnostics',
    protocol: 'midi2',
    details: [],
    functionBlocks: [],
    loopback: { side: 'A', associationId: '', peerEndpointDeviceId: 'midiscope://diagnostics/loopback-b' },
  });
  assert.equal(endpoints.length, 2);
});

test('scheduled messages arrive in order, not before their time, and can be cancelled', async () => {
  const a = openDraining(addon, 'midiscope://diagnostics/loopback-a');
  const b = openDraining(addon, 'midiscope://diagnostics/loopback-b');
  // Far enough ahead that stats() below runs first even on a loaded machine (20 ms was not).
  const t = addon.clockNow() + 300 * 10_000; // 300 ms ahead
  const timestamps = new Float64Array([t + 10_000, t, t]);
  const words = new Uint32Array([0x20000003, 0x20000001, 0x20000002]);
  assert.deepEqual(addon.sendTimestampedMessages(a.handle, timestamps, words, 0, 3), {
    result: 0,
    messagesSent: 3,
    wordsSent: 3,
  });
  assert.equal(addon.stats(a.handle).pendingScheduled, 3);
  await waitFor(() => b.words.length === 3, 'the scheduled messages');
  assert.deepEqual(b.words, [0x20000001, 0x20000002, 0x20000003]);
  assert.ok(b.timestamps[0] >= t && b.timestamps[2] >= t + 10_000);

  addon.sendMessages(
    a.handle,
    addon.clockNow() + 3_600 * 10_000_000,
    new Uint32Array(100).fill(0x20000000),
    0,
    100,
  );
  assert.equal(addon.cancelScheduled(a.handle), 100);
  assert.equal(addon.stats(a.handle).pendingScheduled, 0);
  // Sent at their due time: counted; cancelled: not a failure. The count follows the delivery
  // (the scheduler thread counts once the send returned), so B can hold the words first.
  await waitFor(() => addon.stats(a.handle).sentScheduled === 3, 'the three counted as sent');
  assert.equal(addon.stats(a.handle).failedScheduled, 0);
  addon.closeConnection(a.handle);
  addon.closeConnection(b.handle);
});

test('scheduled messages whose endpoint goes away are counted as failed, with the reason', () => {
  const pair = addon.createLoopbackPair('doomed', { name: 'D A', uniqueId: 'd-a' }, { name: 'D B', uniqueId: 'd-b' });
  const a = addon.openConnection(pair.endpointDeviceIdA, 64, () => {});
  const words = new Uint32Array(5).fill(0x20903c64);
  assert.equal(addon.sendMessages(a, addon.clockNow() + 3_600 * 10_000_000, words, 0, 5).messagesSent, 5);
  assert.equal(addon.removeLoopbackPair('doomed'), true);
  assert.deepEqual(addon.stats(a), {
    received: 0,
    dropped: 0,
    pendingScheduled: 0,
    sentScheduled: 0,
    failedScheduled: 5,
    lastScheduledFailure: failure(flags.closed),
  });
  addon.closeConnection(a);
});

test('send results are flags, and a full ring drops without failing the send', () => {
  const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
  const small = addon.openConnection('midiscope://diagnostics/loopback-b', 4, () => {});
  const words = new Uint32Array([0x25937864, 0x40903c00]);
  assert.equal(addon.sendMessage(a, 0, words, 0, 2), failure(flags.invalidMessageTypeForWordCount));
  assert.equal(addon.sendMessage(a, 0, words, 1, 5), failure(flags.dataIndexOutOfRange));
  assert.equal(addon.sendMessage(a, -1, words, 0, 1), failure(flags.timestampOutOfRange));
  assert.equal(addon.sendMessage(12345, 0, words, 0, 1), failure(flags.closed));
  assert.equal(addon.sendMessage(1.5, 0, words, 0, 1), failure(flags.closed));
  assert.deepEqual(addon.sendMessages(a, 0, words, 0, 2), {
    result: failure(flags.invalidMessageTypeForWordCount, flags.partiallyProcessed),
    messagesSent: 1,
    wordsSent: 1,
  });
  const burst = new Uint32Array(10).fill(0x25937864);
  assert.equal(addon.sendMessages(a, 0, burst, 0, 10).result, flags.bufferFull);
  assert.deepEqual(addon.stats(small), {
    received: 4,
    dropped: 7,
    pendingScheduled: 0,
    sentScheduled: 0,
    failedScheduled: 0,
    lastScheduledFailure: 0,
  });
  addon.closeConnection(a);
  addon.closeConnection(small);
});
