// The engine's lifetime as a process sees it: loading lazily and failing clearly where there is
// no binary, exiting promptly with work pending, and shutdownEngine() joining native threads.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lastJsonLine, runNode } from './support/childProcess';
import { childScriptPath, engineModulePath, type Engine } from './support/engine';

const platformArch = `${process.platform}-${process.arch}`;

/** dist/engine.js copied where no dist/native/ is anywhere above it. */
function isolatedEngineCopy(t: { after(fn: () => void): void }): string {
  const directory = mkdtempSync(join(tmpdir(), 'midi-scope-engine-'));
  t.after(() => rmSync(directory, { recursive: true, force: true }));
  const copy = join(directory, 'engine.js');
  copyFileSync(engineModulePath(), copy);
  return copy;
}

void test('without a binary for this platform: importing works, first use throws one clear Error', (t) => {
  const copy = isolatedEngineCopy(t);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require(copy) as Engine; // the addon is not loaded at import
  assert.throws(
    () => engine.MidiEndpointDeviceInformation.findAll(),
    (error: Error) => {
      assert.match(error.message, new RegExp(`no native engine for ${platformArch}`));
      assert.match(
        error.message,
        new RegExp(`${join('native', platformArch, 'midi_scope.node').replace(/[\\/.]/g, '\\$&')}`),
      );
      assert.match(error.message, /packaged for another platform/);
      return true;
    },
  );
});

void test('MIDI_SCOPE_ADDON names the binary to load', async (t) => {
  const copy = isolatedEngineCopy(t);
  const addon = join(engineModulePath(), '..', 'native', platformArch, 'midi_scope.node');
  const script = `const e = require(${JSON.stringify(copy)}); console.log(e.MidiEndpointDeviceInformation.findAll().length)`;
  const outcome = await runNode(['-e', script], 10_000, { ...process.env, MIDI_SCOPE_ADDON: addon });
  assert.equal(outcome.code, 0, outcome.stderr);
  assert.equal(outcome.stdout.trim(), '2', 'the diagnostics pair is listed');
});

void test('a MIDI_SCOPE_ADDON that does not exist is reported, not replaced by another binary', async () => {
  const missing = join(tmpdir(), 'no-such-dir', 'midi_scope.node');
  const script = `const e = require(${JSON.stringify(engineModulePath())}); e.MidiClock.now()`;
  const outcome = await runNode(['-e', script], 10_000, { ...process.env, MIDI_SCOPE_ADDON: missing });
  assert.notEqual(outcome.code, 0);
  assert.ok(outcome.stderr.includes(missing), outcome.stderr);
  assert.match(outcome.stderr, /no native engine for/);
});

void test('a process with 100,000 messages pending exits by itself, cleanly', async () => {
  // runNode's deadline only catches a process that never exits; how fast it exits is not asserted.
  const outcome = await runNode([childScriptPath('exitWithPending')], 10_000);
  assert.equal(outcome.signal, null, outcome.stderr);
  assert.equal(outcome.code, 0, outcome.stderr);
  const report = lastJsonLine<{
    scheduled: number;
    immediate: number;
    pendingScheduled: number;
  }>(outcome);
  assert.equal(report.scheduled, 100_000);
  assert.equal(report.immediate, 1_000);
  assert.equal(report.pendingScheduled, 100_000);
});

void test('shutdownEngine() closes everything, joins the engine thread and leaves a clear error', async () => {
  const outcome = await runNode([childScriptPath('shutdown')], 10_000);
  assert.equal(outcome.code, 0, outcome.stderr);
  const report = lastJsonLine<{
    threadsBefore: number;
    threadsRunning: number;
    threadsAfter: number;
    sessionOpen: boolean;
    connectionOpen: boolean;
    pendingAfter: number;
    errorAfterShutdown: string;
  }>(outcome);
  assert.equal(report.sessionOpen, false);
  assert.equal(report.connectionOpen, false);
  assert.equal(report.pendingAfter, 0);
  assert.match(report.errorAfterShutdown, /shut down/);
  if (process.platform === 'linux') {
    assert.ok(report.threadsRunning > report.threadsBefore, 'the engine runs a thread of its own');
    assert.equal(report.threadsAfter, report.threadsBefore, 'every engine thread was joined');
  }
});
