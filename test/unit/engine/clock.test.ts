// MidiClock: a monotonic 10 MHz tick count, exact in a double, with conversions and offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './support/engine';

const { MidiClock } = loadEngine();

void test('ticks run at 10 MHz and 0 means "send now"', () => {
  assert.equal(MidiClock.timestampFrequency, 10_000_000);
  assert.equal(MidiClock.timestampConstantSendImmediately, 0);
});

void test('now() never goes backwards and is an exact integer', () => {
  let previous = MidiClock.now();
  for (let i = 0; i < 100_000; i++) {
    const current = MidiClock.now();
    assert.ok(current >= previous, `clock went back from ${previous} to ${current}`);
    previous = current;
  }
  assert.ok(Number.isSafeInteger(previous), `${previous} is not a safe integer`);
  assert.ok(previous > 0);
});

void test('now() advances exactly with the monotonic clock', () => {
  // Each clock reading is bracketed by two hrtime readings, so the bounds hold however the
  // process is preempted; one tick (100 ns) of slack covers rounding to whole ticks.
  const read = () => {
    const before = process.hrtime.bigint();
    const ticks = MidiClock.now();
    return { ticks, before: Number(before) / 100, after: Number(process.hrtime.bigint()) / 100 };
  };
  const start = read();
  while (Number(process.hrtime.bigint()) / 100 - start.after < 200_000); // 20 ms
  const end = read();
  const elapsedTicks = end.ticks - start.ticks;
  assert.ok(elapsedTicks >= end.before - start.after - 1, `${elapsedTicks} ticks is too few`);
  assert.ok(elapsedTicks <= end.after - start.before + 1, `${elapsedTicks} ticks is too many`);
});

void test('conversions between ticks, microseconds, milliseconds and seconds', () => {
  assert.equal(MidiClock.convertTimestampTicksToMicroseconds(10), 1);
  assert.equal(MidiClock.convertTimestampTicksToMilliseconds(25_000), 2.5);
  assert.equal(MidiClock.convertTimestampTicksToSeconds(30_000_000), 3);
  assert.equal(MidiClock.convertMicrosecondsToTimestampTicks(7), 70);
  assert.equal(MidiClock.convertMillisecondsToTimestampTicks(1.5), 15_000);
  assert.equal(MidiClock.convertSecondsToTimestampTicks(2), 20_000_000);
});

void test('offsets move a timestamp by ticks, microseconds, milliseconds and seconds', () => {
  const base = 1_000_000_000;
  assert.equal(MidiClock.offsetTimestampByTicks(base, -5), base - 5);
  assert.equal(MidiClock.offsetTimestampByMicroseconds(base, 250), base + 2_500);
  assert.equal(MidiClock.offsetTimestampByMilliseconds(base, -3), base - 30_000);
  assert.equal(MidiClock.offsetTimestampBySeconds(base, 1), base + 10_000_000);
});

void test('28 years of uptime still count single ticks exactly', () => {
  const years28 = MidiClock.convertSecondsToTimestampTicks(28 * 365.25 * 24 * 3600);
  assert.ok(years28 < Number.MAX_SAFE_INTEGER);
  assert.equal(MidiClock.offsetTimestampByTicks(years28, 1) - years28, 1);
});

void test('non-number arguments are programming errors', () => {
  assert.throws(() => MidiClock.offsetTimestampByMilliseconds('5' as unknown as number, 1), {
    name: 'TypeError',
    message: /timestamp must be a number, got the string "5"/,
  });
  assert.throws(
    () => MidiClock.convertTimestampTicksToMicroseconds(undefined as unknown as number),
    TypeError,
  );
});
