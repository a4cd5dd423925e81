// The runner's step hook and the step debugger's rules (StepControl) against the real engine:
// every step is offered before it runs, with its frames, depth and the variables so far; the run
// stops at breakpoints, steps over/in/out of repeats, pauses, stops on a failed expectation with
// its field-by-field difference and what arrived, and ends cleanly (its loopback pair removed)
// when the debugger stops it. Breakpoints move onto step lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  breakpointLine,
  parseTestFile,
  runTestFile,
  StepControl,
  type PausePoint,
  type Stop,
  type TestFile,
} from '../../../src/testing';
import { loadEngine } from '../engine/support/engine';

const engine = loadEngine();

const text = [
  'loopback out <-> in', // 0
  'timeout 20ms', // 1
  'let note = 60', // 2
  '', // 3
  'test "first"', // 4
  '  send out note-on channel 1 note $note velocity 80', // 5
  '  expect in note-on channel 1 note ?got velocity any within 5ms', // 6
  '  repeat 2 as turn', // 7
  '    send out cc channel 0 controller 7 value $turn', // 8
  '    expect in cc controller 7 value $turn within 5ms', // 9
  '  end', // 10
  '  let after = 1', // 11
  'end', // 12
  '', // 13
  'test "second"', // 14
  '  # a comment in a test', // 15
  '  send out note-on channel 5 note 60 velocity 100', // 16
  '  expect in note-on channel 0-3 note 60 velocity any within 5ms', // 17
  'end', // 18
].join('\n');

function parsed(): TestFile {
  const { file, diagnostics } = parseTestFile(text);
  assert.deepEqual(diagnostics, []);
  return file;
}

/** A StepControl whose stops are awaited one by one. */
function debuggerFor(options: { stopOnEntry?: boolean; stopOnFailure?: boolean } = {}) {
  const queued: Stop[] = [];
  const waiting: ((stop: Stop) => void)[] = [];
  const control = new StepControl({
    ...options,
    onStop: (stop) => {
      const waiter = waiting.shift();
      if (waiter) waiter(stop);
      else queued.push(stop);
    },
  });
  const nextStop = (): Promise<Stop> => {
    const stop = queued.shift();
    return stop ? Promise.resolve(stop) : new Promise((resolve) => waiting.push(resolve));
  };
  return { control, nextStop, queued };
}

const where = (stop: Stop) => [stop.reason, stop.point.step.span.line, stop.point.depth];

void test('the hook is offered every step before it runs, with its frames, depth and variables', async () => {
  const points: PausePoint[] = [];
  const outcomes = await runTestFile(parsed(), {
    engine,
    include: (t) => t.name === 'first',
    hook: { beforeStep: (point) => void points.push(point) },
  });
  assert.equal(outcomes[0].passed, true, outcomes[0].failure?.message);
  assert.deepEqual(
    points.map((point) => [point.step.span.line, point.depth]),
    [
      [5, 0],
      [6, 0],
      [7, 0],
      [8, 1],
      [9, 1],
      [8, 1],
      [9, 1],
      [11, 0],
    ],
  );
  assert.deepEqual(
    points[6].frames.map((frame) => frame.label),
    ['test "first"', 'repeat, turn 2 of 2', 'expect ← in'],
  );
  assert.deepEqual(Object.fromEntries(points[7].variables), { note: 60, got: 60, turn: 1 });
  const received = points[7].endpoints().find((endpoint) => endpoint.alias === 'in')?.received ?? [];
  assert.equal(received.length, 3);
  assert.equal(received[0].hex, '0x20913C50');
  assert.match(received[0].description, /Note On/);
  assert.equal(received[0].matched, true);
});

void test('breakpoints, step over, step out into the next test, and a stop on the failed expectation', async () => {
  const { control, nextStop } = debuggerFor();
  control.setBreakpoints([8]);
  const run = runTestFile(parsed(), { engine, hook: control });
  let stop = await nextStop();
  assert.deepEqual(where(stop), ['breakpoint', 8, 1]);
  assert.equal(stop.point.variables.get('turn'), 0);
  control.stepOver();
  stop = await nextStop();
  assert.deepEqual(where(stop), ['step', 9, 1]);
  control.stepOut(); // the breakpoint in the repeat's second turn comes first
  stop = await nextStop();
  assert.deepEqual(where(stop), ['breakpoint', 8, 1]);
  assert.equal(stop.point.variables.get('turn'), 1);
  control.setBreakpoints([]);
  control.stepOut();
  stop = await nextStop();
  assert.deepEqual(where(stop), ['step', 11, 0]);
  control.stepOver();
  stop = await nextStop();
  assert.deepEqual(where(stop), ['step', 16, 0]);
  assert.equal(stop.point.test.name, 'second');
  control.continue();
  stop = await nextStop();
  assert.deepEqual(where(stop), ['exception', 17, 0]);
  assert.match(stop.failure?.message ?? '', /expected note-on/);
  assert.deepEqual(
    stop.failure?.differences.find((difference) => difference.field === 'channel'),
    { field: 'channel', expected: '0-3', actual: '5' },
  );
  const arrived = stop.point.endpoints().find((endpoint) => endpoint.alias === 'in')?.received;
  assert.deepEqual(
    arrived?.map((item) => [item.hex, item.matched]),
    [['0x20953C64', false]],
  );
  assert.equal(control.stopped, stop);
  control.continue();
  const outcomes = await run;
  assert.deepEqual(
    outcomes.map((outcome) => outcome.passed),
    [true, false],
  );
  assert.equal(control.stopped, undefined);
});

void test('stop on entry, step in to a repeat, pause, and stopping the run ends it and removes its pair', async () => {
  const before = engine.MidiEndpointDeviceInformation.findAll().length;
  const { control, nextStop } = debuggerFor({ stopOnEntry: true });
  let cancelled = false;
  const run = runTestFile(parsed(), { engine, hook: control, isCancelled: () => cancelled });
  let stop = await nextStop();
  assert.deepEqual(where(stop), ['entry', 5, 0]);
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before + 2, 'the pair is open');
  control.stepIn();
  assert.deepEqual(where(await nextStop()), ['step', 6, 0]);
  control.stepIn();
  assert.deepEqual(where(await nextStop()), ['step', 7, 0]);
  control.stepIn();
  assert.deepEqual(where(await nextStop()), ['step', 8, 1]);
  control.continue();
  control.pause(); // asked while running: stops before the next step
  stop = await nextStop();
  assert.deepEqual(where(stop), ['pause', 9, 1]);
  cancelled = true;
  control.end();
  const outcomes = await run;
  assert.equal(outcomes.length, 1, 'the second test does not start');
  assert.equal(outcomes[0].cancelled, true);
  assert.equal(outcomes[0].passed, false);
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before, 'the pair is removed');
});

void test('with stop on failure off and no breakpoints the run never stops', async () => {
  const { control, queued } = debuggerFor({ stopOnFailure: false });
  const outcomes = await runTestFile(parsed(), { engine, hook: control });
  assert.deepEqual(
    outcomes.map((outcome) => outcome.passed),
    [true, false],
  );
  assert.deepEqual(queued, []);
});

void test('holding the run between a send and its expectation past the deadline does not fail it', async () => {
  const { control, nextStop } = debuggerFor();
  control.setBreakpoints([6]);
  const run = runTestFile(parsed(), { engine, hook: control, include: (t) => t.name === 'first' });
  await nextStop();
  // Held until the engine's clock is 10 ms past the stop: twice the `within 5ms`.
  const heldFrom = engine.MidiClock.now();
  while (engine.MidiClock.now() < heldFrom + 100_000) await new Promise((resolve) => setImmediate(resolve));
  control.continue();
  const [outcome] = await run;
  assert.equal(outcome.passed, true, outcome.failure?.message);
});

void test('a breakpoint moves onto the next step of its test, or says why it cannot stop', () => {
  const file = parsed();
  assert.deepEqual(breakpointLine(file, 5), { verified: true, line: 5 });
  assert.deepEqual(breakpointLine(file, 4), { verified: true, line: 5 }, 'the test line');
  assert.deepEqual(breakpointLine(file, 10), { verified: true, line: 11 }, "a repeat's end");
  assert.deepEqual(breakpointLine(file, 15), { verified: true, line: 16 }, 'a comment');
  assert.deepEqual(breakpointLine(file, 9), { verified: true, line: 9 }, 'a step in a repeat');
  assert.deepEqual(breakpointLine(file, 1), {
    verified: false,
    message: 'line 2 is not inside a test: breakpoints stop before the steps of a test',
  });
  assert.deepEqual(breakpointLine(file, 12), {
    verified: false,
    message: 'no step of test "first" on or after line 13: breakpoints stop before steps',
  });
});
