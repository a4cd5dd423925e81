// What a test exchanged, for Open Exchange in Monitor: every packet sent and every packet each
// endpoint received during the test (multi-packet SysEx as its packets), in engine time order,
// from the real engine (dist/engine.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTestFile, runTestFile } from '../../../src/testing';
import { loadEngine } from '../engine/support/engine';

const engine = loadEngine();

void test("a test's exchange holds its sends and what arrived, in time order, and only its own", async () => {
  const { file, diagnostics } = parseTestFile(
    [
      'loopback out <-> in',
      'test "first"',
      '  send out note-on channel 2 note 60 velocity 1',
      '  expect in note-on channel 2',
      'end',
      'test "second"',
      '  send out sysex data 7D 01 02 03 04 05 06 07 08',
      '  expect in sysex data 7D ...',
      '  send in 0x20B07B00',
      '  expect out 0x20B07B00',
      'end',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
  const [first, second] = await runTestFile(file, { engine });
  assert.equal(first.passed && second.passed, true);
  const rows = (outcome: typeof first) =>
    outcome.exchange.map((m) => [m.direction, m.endpoint, Array.from(m.words, (w) => w.toString(16))]);
  assert.deepEqual(rows(first), [
    ['sent', 'out', ['20923c01']],
    ['received', 'in', ['20923c01']],
  ]);
  assert.deepEqual(rows(second), [
    ['sent', 'out', ['30167d01', '2030405']],
    ['sent', 'out', ['30330607', '8000000']],
    ['received', 'in', ['30167d01', '2030405']],
    ['received', 'in', ['30330607', '8000000']],
    ['sent', 'in', ['20b07b00']],
    ['received', 'out', ['20b07b00']],
  ]);
  for (const outcome of [first, second]) {
    const ticks = outcome.exchange.map((m) => m.ticks);
    assert.deepEqual(
      ticks,
      [...ticks].sort((a, b) => a - b),
      'oldest first',
    );
  }
});
