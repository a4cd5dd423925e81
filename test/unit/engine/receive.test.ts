// Receiving: per-message events with their fields, batches of back-to-back words with one
// timestamp each, drops counted when a ring is full, listeners that unsubscribe or throw.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { MidiMessageReceivedEventArgs } from '../../../src/engine';
import { lastJsonLine, runNode } from './support/childProcess';
import { childScriptPath, loadEngine } from './support/engine';
import { openTestPair } from './support/loopbackPairs';
import { messagesBeforeMarker } from './support/marker';
import { ReceivedLog } from './support/receivedLog';
import { waitFor } from './support/waitFor';

const engine = loadEngine();
const { MidiClock, MidiSendMessageResults: R } = engine;

function setUp(t: TestContext, settings?: { receiveBufferWords: number }) {
  const endpoints = openTestPair(engine, 'receive');
  t.after(() => endpoints.dispose());
  if (settings) {
    const small = endpoints.session.createEndpointConnection(endpoints.pair.endpointDeviceIdB, settings);
    return { ...endpoints, b: small };
  }
  return endpoints;
}

void test('each message arrives with its timestamp, words, type, size, group, channel and ids', async (t) => {
  const { a, b, open } = setUp(t);
  const events: MidiMessageReceivedEventArgs[] = [];
  b.onMessageReceived((args) => events.push(args));
  open();
  const before = MidiClock.now();
  a.sendMultipleMessagesWordList(
    0,
    [0x2593_7864, 0x4c9a_3c00, 0xabcd_0000, 0x0020_0001, 0xf001_0000, 1, 2, 3],
  );
  await waitFor(() => events.length === 4, 'four messages');
  const after = MidiClock.now();

  const summary = events.map(({ words, messageType, wordCount, group, channel }) => ({
    words: [...words],
    messageType,
    wordCount,
    group,
    channel,
  }));
  assert.deepEqual(summary, [
    { words: [0x2593_7864], messageType: 0x2, wordCount: 1, group: 5, channel: 3 },
    { words: [0x4c9a_3c00, 0xabcd_0000], messageType: 0x4, wordCount: 2, group: 12, channel: 10 },
    { words: [0x0020_0001], messageType: 0x0, wordCount: 1, group: undefined, channel: undefined },
    { words: [0xf001_0000, 1, 2, 3], messageType: 0xf, wordCount: 4, group: undefined, channel: undefined },
  ]);
  for (const event of events) {
    assert.ok(
      event.timestamp >= before && event.timestamp <= after,
      `arrival ${event.timestamp} outside the send`,
    );
    assert.equal(event.connectionId, b.connectionId);
    assert.equal(event.endpointDeviceId, b.connectedEndpointDeviceId);
  }
});

void test('batches hold back-to-back words, one timestamp per message, and add up to everything sent', async (t) => {
  const { a, b, open } = setUp(t);
  const log = new ReceivedLog(b, 'batch');
  b.onMessagesReceived((batch) => {
    assert.equal(batch.timestamps.length, batch.messageCount);
    assert.equal(batch.connectionId, b.connectionId);
  });
  open();
  const count = 20_000;
  const words = new Uint32Array(count * 3);
  for (let i = 0; i < count; i++) {
    words[i * 3] = 0x2090_0000 | (i & 0x7f); // one-word note on
    words[i * 3 + 1] = 0x4090_0000 | (i & 0x7f); // two-word note on
    words[i * 3 + 2] = i;
  }
  const sent = a.sendMultipleMessagesWordArray(0, 0, words.length, words);
  assert.deepEqual(sent, { result: R.succeeded, messagesSent: count * 2, wordsSent: count * 3 });
  await log.waitForCount(count * 2);

  assert.deepEqual(
    log.messages.slice(0, 2).map((m) => m.words),
    [[0x2090_0000], [0x4090_0000, 0]],
  );
  const last = log.messages[count * 2 - 1];
  assert.deepEqual(last.words, [0x4090_0000 | ((count - 1) & 0x7f), count - 1]);
  const total = log.batchSizes.reduce((sum, size) => sum + size, 0);
  assert.equal(total, count * 2);
  assert.ok(log.batchSizes.length < count * 2, `${log.batchSizes.length} batches for ${count * 2} messages`);
});

void test('a full ring drops and counts what does not fit, never blocking the sender', async (t) => {
  const { a, b } = setUp(t, { receiveBufferWords: 4 });
  const log = new ReceivedLog(b, 'batch');
  assert.equal(a.open() && b.open(), true);
  const count = 100;
  const sent = a.sendMultipleMessagesWordList(0, new Array<number>(count).fill(0x2090_3c40));
  assert.equal(R.failed & sent.result, 0, 'a full ring is not a failed send');
  assert.equal(sent.result & R.bufferFull, R.bufferFull);
  assert.equal(sent.messagesSent, count);

  await waitFor(
    () => b.statistics.received + b.statistics.dropped === count,
    'every message received or dropped',
  );
  const { received, dropped } = b.statistics;
  assert.ok(dropped >= count - 4, `${dropped} dropped`);
  await waitFor(() => log.messages.length === received, 'the received ones delivered');

  // Once drained, the ring takes messages again.
  assert.equal(a.sendSingleMessageWords(0, 0x2090_3c41), R.succeeded);
  await waitFor(() => log.messages.length === received + 1, 'a message after the drops');
});

void test('a disposed listener hears nothing more; the others go on', async (t) => {
  const { a, b, open } = setUp(t);
  const kept = new ReceivedLog(b);
  const dropped: number[] = [];
  const subscription = b.onMessageReceived(({ words }) => dropped.push(words[0]));
  open();
  a.sendSingleMessageWords(0, 0x2090_3c40);
  await kept.waitForCount(1);
  subscription.dispose();
  subscription.dispose(); // harmless twice
  a.sendSingleMessageWords(0, 0x2090_3c41);
  const arrived = await messagesBeforeMarker(a, kept);
  assert.deepEqual(
    arrived.map((m) => m.words[0]),
    [0x2090_3c40, 0x2090_3c41],
  );
  assert.deepEqual(dropped, [0x2090_3c40]);
});

void test('a listener that throws does not stop the others; its error surfaces as uncaught', async () => {
  const outcome = await runNode([childScriptPath('throwingListener')]);
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.deepEqual(lastJsonLine(outcome), {
    delivered: 4,
    uncaught: ['batch listener failed on purpose', 'listener failed on purpose'],
  });
});

void test('listeners must be functions', (t) => {
  const { b } = setUp(t);
  assert.throws(() => b.onMessageReceived('nope' as never), {
    name: 'TypeError',
    message: /onMessageReceived listener must be a function/,
  });
  assert.throws(() => b.onMessagesReceived(undefined as never), TypeError);
});
