// Windows MIDI Services' loopback sample, step for step: a transient pair "Sample App Loopback
// A"/"B", a MIDI 1.0 note on (group 5, channel 3, note 120, velocity 100) out on A, in on B as
// the single word 0x25937864, and the same back from B to A.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadEngine } from './support/engine';
import { ReceivedLog } from './support/receivedLog';

const engine = loadEngine();
const { MidiClock, MidiEndpointConnection, MidiLoopbackEndpointManager, MidiSession } = engine;

const associationId = 'c2a9a8f6-sample-app-loopback';
after(() => MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId));

void test('a note on sent out on A arrives on B as 0x25937864, and back from B to A', async () => {
  const created = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'Sample App Loopback A', description: 'The A side', uniqueId: '8675309-OU812-5150' },
    endpointB: { name: 'Sample App Loopback B', description: 'The B side', uniqueId: '3263827-OU812-5150' },
  });
  assert.equal(created.success, true, created.errorInformation);
  assert.equal(created.errorInformation, '');

  using session = MidiSession.create('Sample App');
  const sendConnection = session.createEndpointConnection(created.endpointDeviceIdA);
  const receiveConnection = session.createEndpointConnection(created.endpointDeviceIdB);
  const onB = new ReceivedLog(receiveConnection);
  const onA = new ReceivedLog(sendConnection);
  assert.equal(sendConnection.open(), true);
  assert.equal(receiveConnection.open(), true);

  const group = 5;
  const channel = 3;
  const noteOn = (0x2 << 28) | (group << 24) | ((0x90 | channel) << 16) | (120 << 8) | 100;
  assert.equal(noteOn >>> 0, 0x25937864);

  const sentOnA = sendConnection.sendSingleMessageWords(MidiClock.now(), noteOn >>> 0);
  assert.equal(MidiEndpointConnection.sendMessageSucceeded(sentOnA), true);
  const [arrivedOnB] = await onB.waitForCount(1);
  assert.deepEqual(arrivedOnB.words, [0x25937864]);

  const sentOnB = receiveConnection.sendSingleMessageWords(MidiClock.now(), 0x25937864);
  assert.equal(MidiEndpointConnection.sendMessageFailed(sentOnB), false);
  const [arrivedOnA] = await onA.waitForCount(1);
  assert.deepEqual(arrivedOnA.words, [0x25937864]);
  assert.equal(onB.messages.length, 1, 'B received only what A sent');
});
