// `virtual` lines in test files: the parser's forms and errors, and runs against the real engine
// (dist/engine.js) where the device answers discovery and MIDI-CI as declared, what it does not
// answer reaches its device side, a bad declaration fails every test at its line, and the device
// is gone after the run.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { parseTestFile, runTestFile, type TestOutcome } from '../../../src/testing';
import type { Step } from '../../../src/testing/ast';
import { engineModulePath, loadEngine } from '../engine/support/engine';

const engine = loadEngine();
const samples = join(dirname(dirname(engineModulePath())), 'samples', 'tests');

function firstDiagnostic(text: string) {
  const { diagnostics } = parseTestFile(text);
  assert.ok(diagnostics.length > 0, 'a diagnostic was expected');
  return diagnostics[0];
}

async function run(text: string, directory?: string): Promise<TestOutcome[]> {
  const { file, diagnostics } = parseTestFile(text);
  assert.deepEqual(diagnostics, []);
  return runTestFile(file, { engine, directory });
}

void test('virtual declarations: by name, by file, with a device side that steps never default to', () => {
  const { file, diagnostics } = parseTestFile(
    [
      'virtual synth "Scope Synth"',
      'virtual drum file "devices/drum.json" device drumFirmware',
      'test "t"',
      '  send 0x20903C64',
      '  expect 0x20903C64',
      '  expect drumFirmware 0x20903C64',
      'end',
    ].join('\n'),
  );
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(file.endpoints, [
    {
      kind: 'virtual',
      alias: 'synth',
      source: { kind: 'name', name: 'Scope Synth' },
      span: { line: 0, column: 0, offset: 0, length: 7 },
    },
    {
      kind: 'virtual',
      alias: 'drum',
      source: { kind: 'file', path: 'devices/drum.json' },
      deviceAlias: 'drumFirmware',
      span: { line: 1, column: 0, offset: 28, length: 7 },
    },
  ]);
  assert.deepEqual(file.aliases, ['synth', 'drum', 'drumFirmware']);
  const [send, expect, explicit] = file.tests[0].steps as Extract<Step, { endpoint: string }>[];
  assert.equal(send.endpoint, 'synth', 'sends default to the first endpoint');
  assert.equal(expect.endpoint, 'drum', 'expectations default to the last, never to a device side');
  assert.equal(explicit.endpoint, 'drumFirmware');
});

void test('a faulty virtual line is a diagnostic at its token saying what was expected', () => {
  const unquoted = firstDiagnostic('virtual synth Scope\n');
  assert.equal(unquoted.span.column, 14);
  assert.equal(unquoted.token, 'Scope');
  assert.match(unquoted.expected, /"Endpoint Name" or file "device.json"/);
  const noFile = firstDiagnostic('virtual synth file\n');
  assert.match(noFile.message, /declaration file/);
  const twice = firstDiagnostic('loopback a <-> b\nvirtual a "X"\n');
  assert.equal(twice.span.line, 1);
  assert.match(twice.message, /a is declared twice/);
  const inTest = firstDiagnostic('loopback a <-> b\ntest "t"\n  virtual s "X"\nend\n');
  assert.match(inTest.message, /virtual belongs at the top of the file/);
  const noDeviceName = firstDiagnostic('virtual s "X" device\n');
  assert.match(noDeviceName.message, /a name for the device side/);
});

void test('the sample with a virtual device passes without hardware', async () => {
  const { readFileSync } = await import('node:fs');
  const outcomes = await run(readFileSync(join(samples, 'virtual-device.umptest'), 'utf8'), samples);
  assert.ok(outcomes.length >= 5);
  for (const outcome of outcomes) {
    assert.equal(outcome.passed, true, `${outcome.test.name}: ${outcome.failure?.message}`);
  }
});

void test('a virtual device by name answers Endpoint Discovery with its name, and is removed after the run', async () => {
  const before = engine.MidiEndpointDeviceInformation.findAll().length;
  // "Unit Synth" in an Endpoint Name Notification: 'U' 'n' in word 0, then 'it Synth'.
  const outcomes = await run(
    [
      'virtual synth "Unit Synth"',
      'test "name"',
      '  send 0xF0000101 0x00000004 0x00000000 0x00000000',
      '  expect 0xF003556E 0x69742053 0x796E7468 0x00000000 within 200ms',
      'end',
    ].join('\n'),
  );
  assert.equal(outcomes[0].passed, true, outcomes[0].failure?.message);
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before, 'the pair is removed');
});

void test('a virtual device declared by a faulty file fails every test at the declaration, naming the field', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'umptest-virtual-'));
  writeFileSync(
    join(directory, 'bad.json'),
    JSON.stringify({ endpointName: 'Bad', functionBlocks: [{ name: 'x', firstGroup: 16 }] }),
  );
  writeFileSync(join(directory, 'broken.json'), '{ "endpointName": "Broken",\n  oops }');
  const text = (file: string) =>
    `# a comment line\nvirtual synth file "${file}"\ntest "a"\n send 0x20903C64\nend\ntest "b"\n wait 1ms\nend`;
  const bad = await run(text('bad.json'), directory);
  assert.equal(bad.length, 2);
  for (const outcome of bad) {
    assert.equal(outcome.passed, false);
    assert.equal(outcome.failure?.span.line, 1, 'the virtual line');
    assert.match(outcome.failure?.message ?? '', /bad\.json: functionBlocks\[0\]\.firstGroup: expected/);
  }
  const broken = await run(text('broken.json'), directory);
  assert.match(broken[0].failure?.message ?? '', /broken\.json:2:\d+: not valid JSON/);
  const missing = await run(text('missing.json'), directory);
  assert.match(missing[0].failure?.message ?? '', /missing\.json could not be read/);
  const noFolder = await run(text('bad.json'));
  assert.match(noFolder[0].failure?.message ?? '', /is relative, but the test file has no folder/);
});
