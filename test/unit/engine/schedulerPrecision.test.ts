// MidiScheduler.precision: the process-wide trade of the scheduler's lateness against its CPU
// time. Whatever the setting, scheduled messages arrive in timestamp order and never early; a
// wrong value is refused with the choices named and changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './support/engine';
import { openTestPair } from './support/loopbackPairs';
import { ReceivedLog } from './support/receivedLog';

const engine = loadEngine();
const { MidiClock, MidiScheduler, MidiSendMessageResults: R } = engine;

void test('the scheduler is balanced unless told otherwise', () => {
  assert.equal(MidiScheduler.precision, 'balanced');
});

void test('under every precision, scheduled messages arrive in order and never early', async (t) => {
  t.after(() => (MidiScheduler.precision = 'balanced'));
  const endpoints = openTestPair(engine, 'precision');
  t.after(() => endpoints.dispose());
  const log = new ReceivedLog(endpoints.b);
  endpoints.open();
  const due: number[] = [];
  for (const precision of ['precise', 'lowPower', 'balanced'] as const) {
    MidiScheduler.precision = precision;
    assert.equal(MidiScheduler.precision, precision);
    const first = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 200);
    for (let i = 0; i < 20; i++) {
      const timestamp = MidiClock.offsetTimestampByMicroseconds(first, i * 500);
      assert.equal(endpoints.a.sendSingleMessageWords(timestamp, 0x2090_0000 + due.length), R.succeeded);
      due.push(timestamp);
    }
    await log.waitForCount(due.length);
  }
  assert.deepEqual(
    log.messages.map((message) => message.words[0] - 0x2090_0000),
    due.map((_, index) => index),
  );
  log.messages.forEach((message, index) =>
    assert.ok(
      message.timestamp >= due[index],
      `message ${index} arrived ${due[index] - message.timestamp} ticks early`,
    ),
  );
});

void test('a precision that does not exist is refused with the choices, and changes nothing', () => {
  MidiScheduler.precision = 'precise';
  try {
    assert.throws(
      () => (MidiScheduler.precision = 'fast' as never),
      (error: unknown) =>
        error instanceof TypeError &&
        error.message ===
          `MidiScheduler.precision must be one of 'balanced', 'precise', 'lowPower', got the string "fast"`,
    );
    assert.throws(() => (MidiScheduler.precision = 3 as never), TypeError);
    assert.equal(MidiScheduler.precision, 'precise');
  } finally {
    MidiScheduler.precision = 'balanced';
  }
});
