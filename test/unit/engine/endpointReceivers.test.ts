// endpointReceiverStatistics: what every open connection of this process on an endpoint received
// and dropped, so a sender can say what a bufferFull result cost and where.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './support/engine';
import { createTestPair } from './support/loopbackPairs';

const engine = loadEngine();
const { MidiSession, MidiSendMessageResults: R, endpointReceiverStatistics } = engine;

void test('counts what the receivers of an endpoint got and dropped, open connections only', (t) => {
  const pair = createTestPair(engine, 'receivers');
  const session = MidiSession.create('receivers');
  t.after(() => {
    session.close();
    pair.remove();
  });
  const a = session.createEndpointConnection(pair.endpointDeviceIdA);
  const roomy = session.createEndpointConnection(pair.endpointDeviceIdB);
  const tiny = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBufferWords: 4 });
  assert.deepEqual(endpointReceiverStatistics(pair.endpointDeviceIdB), {
    openConnections: 0,
    received: 0,
    dropped: 0,
  });
  assert.ok(a.open() && roomy.open() && tiny.open());

  const words = Array.from({ length: 12 }, (_, index) => 0x2090_3c00 + index);
  const sent = a.sendMultipleMessagesWordList(0, words);
  assert.equal(sent.messagesSent, 12);
  assert.equal(sent.result & R.bufferFull, R.bufferFull, 'the send says a receiver dropped some');

  const onB = endpointReceiverStatistics(pair.endpointDeviceIdB);
  assert.equal(onB.openConnections, 2);
  assert.ok(tiny.statistics.dropped > 0);
  assert.equal(onB.dropped, tiny.statistics.dropped);
  assert.equal(onB.received, 12 + tiny.statistics.received);
  assert.equal(endpointReceiverStatistics(pair.endpointDeviceIdA).openConnections, 1);

  session.disconnectEndpointConnection(tiny.connectionId);
  assert.deepEqual(endpointReceiverStatistics(pair.endpointDeviceIdB), {
    openConnections: 1,
    received: 12,
    dropped: 0,
  });
});
