// receiveBatchIntervalMs: a connection that asks for it gets its messages in at most one
// delivery per interval, in order and complete; without it, one delivery per wake-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './support/engine';
import { createTestPair } from './support/loopbackPairs';
import { waitFor } from './support/waitFor';

const engine = loadEngine();
const { MidiSession } = engine;

/** Sends `count` messages from A to B, one per turn of the event loop (so B could drain between). */
async function sendOnePerTurn(intervalMs: number, count: number) {
  const pair = createTestPair(engine, 'pacing');
  const session = MidiSession.create('pacing');
  try {
    const a = session.createEndpointConnection(pair.endpointDeviceIdA);
    const b = session.createEndpointConnection(pair.endpointDeviceIdB, {
      receiveBatchIntervalMs: intervalMs,
    });
    const batches: number[][] = [];
    b.onMessagesReceived(({ words }) => batches.push(Array.from(words)));
    assert.ok(a.open() && b.open());
    const received = () => batches.reduce((sum, batch) => sum + batch.length, 0);
    a.sendSingleMessageWords(0, 0x2090_3c00);
    await waitFor(() => received() === 1, 'the first message');
    for (let i = 1; i < count; i++) {
      a.sendSingleMessageWords(0, (0x2090_3c00 | i) >>> 0);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => received() === count, `all ${count} messages`);
    return batches;
  } finally {
    session.close();
    pair.remove();
  }
}

void test('with an interval, messages that arrive within it come in one later delivery, in order', async () => {
  // 1 s: the ten sends take far less, so everything after the first waits for one delivery.
  const batches = await sendOnePerTurn(1_000, 11);
  assert.deepEqual(
    batches.flat(),
    Array.from({ length: 11 }, (_, i) => (0x2090_3c00 | i) >>> 0),
  );
  assert.ok(batches.length <= 3, `expected at most 3 deliveries, got ${batches.length}`);
});

void test('without an interval, each wake-up delivers at once', async () => {
  const batches = await sendOnePerTurn(0, 11);
  assert.deepEqual(
    batches.flat(),
    Array.from({ length: 11 }, (_, i) => (0x2090_3c00 | i) >>> 0),
  );
  // The JS thread drained between sends, so the later messages did not wait for one another.
  assert.ok(batches.length > 3, `expected a delivery per send, got ${batches.length}`);
});

void test('under steady traffic, deliveries come at most once per interval and nothing is lost', async () => {
  const pair = createTestPair(engine, 'pacing-steady');
  const session = MidiSession.create('pacing steady');
  try {
    const a = session.createEndpointConnection(pair.endpointDeviceIdA);
    const b = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBatchIntervalMs: 20 });
    const received: number[] = [];
    let batches = 0;
    b.onMessagesReceived(({ words }) => {
      batches++;
      received.push(...words);
    });
    assert.ok(a.open() && b.open());
    const started = performance.now();
    // One message every 2 ms for 60 messages: the pacer polls on its timer meanwhile.
    for (let i = 0; i < 60; i++) {
      a.sendSingleMessageWords(0, (0x2090_3c00 | i) >>> 0);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(() => received.length === 60, 'all 60 messages');
    const elapsedMs = performance.now() - started;
    assert.deepEqual(
      received,
      Array.from({ length: 60 }, (_, i) => (0x2090_3c00 | i) >>> 0),
    );
    // A delivery only ever follows the previous one by the interval or more.
    assert.ok(
      batches <= Math.floor(elapsedMs / 20) + 2,
      `${batches} deliveries in ${elapsedMs.toFixed(0)} ms at one per 20 ms`,
    );
    // Idle again: the native wake-up is re-armed, so a later message still arrives.
    a.sendSingleMessageWords(0, 0x2090_3c7f);
    await waitFor(() => received.length === 61, 'a message after the traffic stopped');
  } finally {
    session.close();
    pair.remove();
  }
});

void test('receiveBatchIntervalMs outside 0 to 1000 or not a whole number is refused clearly', (t) => {
  const pair = createTestPair(engine, 'pacing-settings');
  const session = MidiSession.create('pacing settings');
  t.after(() => {
    session.close();
    pair.remove();
  });
  const id = pair.endpointDeviceIdB;
  assert.equal(session.createEndpointConnection(id).settings.receiveBatchIntervalMs, 0);
  assert.equal(
    session.createEndpointConnection(id, { receiveBatchIntervalMs: 33 }).settings.receiveBatchIntervalMs,
    33,
  );
  assert.throws(() => session.createEndpointConnection(id, { receiveBatchIntervalMs: '5' as never }), {
    name: 'TypeError',
    message: /settings\.receiveBatchIntervalMs must be a number, got/,
  });
  for (const receiveBatchIntervalMs of [-1, 1_001, 2.5]) {
    assert.throws(() => session.createEndpointConnection(id, { receiveBatchIntervalMs }), {
      name: 'RangeError',
      message: new RegExp(
        `receiveBatchIntervalMs must be a whole number from 0 to 1000, got ${receiveBatchIntervalMs}`,
      ),
    });
  }
});
