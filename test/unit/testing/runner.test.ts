// The runner against the real engine (dist/engine.js): the sample files pass, the one that fails
// on purpose fails where it should and says why, and deadlines are judged on the engine's
// timestamps, not on when JavaScript looked.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { parseTestFile, runTestFile, type TestOutcome } from '../../../src/testing';
import { engineModulePath, loadEngine } from '../engine/support/engine';

const engine = loadEngine();
const samples = join(dirname(dirname(engineModulePath())), 'samples', 'tests');

async function run(text: string): Promise<TestOutcome[]> {
  const { file, diagnostics } = parseTestFile(text);
  assert.deepEqual(diagnostics, []);
  return runTestFile(file, { engine });
}

const sample = (name: string) => readFileSync(join(samples, name), 'utf8');

void test('the sample test files pass over the loopback pairs they declare', async () => {
  for (const name of ['channel-voice.umptest', 'sysex-and-ci.umptest']) {
    const outcomes = await run(sample(name));
    assert.ok(outcomes.length >= 5, name);
    for (const outcome of outcomes)
      assert.equal(outcome.passed, true, `${name}: ${outcome.test.name}: ${outcome.failure?.message}`);
  }
});

void test('the file that fails on purpose fails at its expectations, saying what arrived instead', async () => {
  const outcomes = await run(sample('fails-on-purpose.umptest'));
  assert.deepEqual(
    outcomes.map((o) => [o.test.name.split(':')[0], o.passed]),
    [
      ['passes', true],
      ['fails', false],
      ['fails', false],
    ],
  );
  const [, wrongChannel, unwanted] = outcomes;
  assert.equal(wrongChannel.failure?.span.line, 12, 'the expect line (0-based)');
  assert.match(wrongChannel.failure?.message ?? '', /closest: 20953C64 {2}Note On group 0 channel 5/);
  assert.match(wrongChannel.failure?.message ?? '', /channel: expected 0-3, got 5/);
  assert.equal(unwanted.failure?.span.line, 17);
  assert.match(unwanted.failure?.message ?? '', /expected no cc controller 123 on in .* but got 20B07B00/);
  assert.ok(
    wrongChannel.log.some((line) => line.startsWith('→ out')),
    'the send is in the log',
  );
});

void test('the pair a file declares is removed after the run', async () => {
  const before = engine.MidiEndpointDeviceInformation.findAll().length;
  await run('loopback x <-> y\ntest "t"\n send 0x20903C64\n expect 0x20903C64\nend');
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before);
});

void test('an endpoint that does not exist fails every test at its declaration', async () => {
  const outcomes = await run(
    'endpoint synth "No Such Synth"\ntest "a"\n send 0x20903C64\nend\ntest "b"\n wait 1ms\nend',
  );
  assert.equal(outcomes.length, 2);
  for (const outcome of outcomes) {
    assert.equal(outcome.passed, false);
    assert.equal(outcome.failure?.span.line, 0);
    assert.match(outcome.failure?.message ?? '', /no endpoint has the name "No Such Synth"/);
  }
});

/**
 * A file on the diagnostics pair, run while a message is scheduled on its A side `afterMs` after
 * the test starts (the runner says when, so the schedule does not race its set-up).
 */
async function runWithScheduled(steps: string, afterMs: number, word: number): Promise<TestOutcome> {
  const a = engine.MidiDiagnostics.diagnosticsLoopbackAEndpointId;
  const b = engine.MidiDiagnostics.diagnosticsLoopbackBEndpointId;
  const session = engine.MidiSession.create('runner timing test');
  const connection = session.createEndpointConnection(a);
  connection.open();
  try {
    const { file, diagnostics } = parseTestFile(
      `endpoint a id "${a}"\nendpoint b id "${b}"\ntest "t"\n${steps}\nend`,
    );
    assert.deepEqual(diagnostics, []);
    const [outcome] = await runTestFile(file, {
      engine,
      observer: {
        testStarted: (_test, startTicks) => {
          connection.sendSingleMessageWords(startTicks + afterMs * 10_000, word);
        },
      },
    });
    return outcome;
  } finally {
    session.close();
  }
}

void test('a message stamped before the deadline passes even when the runner looks at it later', async () => {
  // Stamped 10 ms into the test, deadline at 60 ms, and the runner is busy waiting until 150 ms.
  const outcome = await runWithScheduled(
    ' wait 150ms\n expect b note-on note 61 within 60ms',
    10,
    0x20903d64,
  );
  assert.equal(outcome.passed, true, outcome.failure?.message);
});

void test('a message stamped after the deadline fails even when it is there when the runner looks', async () => {
  // Stamped 90 ms into the test, deadline at 30 ms; it is there when the runner looks at 200 ms.
  const outcome = await runWithScheduled(
    ' wait 200ms\n expect b note-on note 62 within 30ms',
    90,
    0x20903e64,
  );
  assert.equal(outcome.passed, false);
  assert.match(outcome.failure?.message ?? '', /a matching message arrived too late: 20903E64 .* too late/);
});
