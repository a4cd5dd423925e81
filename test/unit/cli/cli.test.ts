// The `midi-scope` command line as CI runs it: dist/cli.js in a child Node process. Exit codes,
// help, errors, and the JUnit report read back with a real XML parser (fast-xml-parser).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { monitorLine } from '../../../src/cli/monitorCommand';
import { engineModulePath } from '../engine/support/engine';

const root = dirname(dirname(engineModulePath()));
const cli = join(root, 'dist', 'cli.js');
const samples = join(root, 'samples', 'tests');
const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-cli-test-'));

function midiScope(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

void test('--help and --version exit 0; no command, an unknown one or a bad option exit 2', () => {
  const help = midiScope('--help');
  assert.equal(help.code, 0);
  for (const command of ['list', 'monitor', 'send', 'test'])
    assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
  assert.equal(midiScope('test', '--help').code, 0);
  assert.match(midiScope('--version').stdout, /^\d+\.\d+\.\d+/);
  assert.equal(midiScope().code, 2);
  const unknown = midiScope('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  assert.equal(midiScope('monitor', 'x', '--count', 'many').code, 2);
  assert.equal(midiScope('test').code, 2, 'files are required');
});

void test('list prints the diagnostics loopbacks, as a table and as JSON', () => {
  const table = midiScope('list');
  assert.equal(table.code, 0);
  assert.match(table.stdout, /Diagnostics Loopback A/);
  const json = midiScope('list', '--json');
  const endpoints = JSON.parse(json.stdout) as { name: string }[];
  assert.ok(endpoints.some((endpoint) => endpoint.name === 'Diagnostics Loopback B'));
});

void test('send takes hex or a file; bad hex and unknown endpoints exit 2 with the reason', () => {
  const sent = midiScope('send', 'Diagnostics Loopback A', '0x20903C64', '40903C00 C0000000');
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stdout, /sent 2 messages \(3 words\)/);
  const file = join(scratch, 'notes.ump');
  writeFileSync(file, '// two notes\n0x20903C64\n0x20803C00\n');
  assert.match(midiScope('send', 'Diagnostics Loopback A', file).stdout, /sent 2 messages/);
  const bad = midiScope('send', 'Diagnostics Loopback A', '0x2090');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /1:1/);
  const nowhere = midiScope('send', 'No Such Endpoint', '0x20903C64');
  assert.equal(nowhere.code, 2);
  assert.match(nowhere.stderr, /no endpoint has the id or name "No Such Endpoint"/);
});

void test('monitor stops after --duration and writes its capture file', () => {
  const capture = join(scratch, 'capture.json');
  const run = midiScope(
    'monitor',
    'Diagnostics Loopback B',
    '--duration',
    '50',
    '--capture',
    capture,
    '--format',
    'json',
  );
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /0 messages/);
  assert.doesNotThrow(() => JSON.parse(readFileSync(capture, 'utf8')));
});

void test('test exits 0 when every test passes and 1 when one fails, and says which', () => {
  const passing = midiScope(
    'test',
    join(samples, 'channel-voice.umptest'),
    join(samples, 'sysex-and-ci.umptest'),
  );
  assert.equal(passing.code, 0, passing.stdout);
  assert.match(passing.stdout, /10 passed, 0 failed/);
  const failing = midiScope('test', join(samples, 'fails-on-purpose.umptest'));
  assert.equal(failing.code, 1);
  assert.match(failing.stdout, /✗ fails: the note is on channel 5, not 0-3/);
  assert.match(failing.stdout, /fails-on-purpose\.umptest:13:3: expected note-on channel 0-3/);
  const broken = join(scratch, 'broken.umptest');
  writeFileSync(broken, 'loopback a <-> b\ntest "t"\n  send a note-on chanel 3\nend\n');
  const syntax = midiScope('test', broken);
  assert.equal(syntax.code, 1);
  assert.match(syntax.stdout, /broken\.umptest:3:18: error: note-on has no field "chanel"/);
});

// #17: the CLI numbers groups and channels 1-16 as the extension does, 0-15 with --numbering zeroBased.
void test('monitor rows and test reassembly problems number groups as --numbering says (oneBased by default)', () => {
  // Note On on group 2, channel 9.
  const note = new Uint32Array([0x22993c40]);
  assert.match(monitorLine(note, 0, 'oneBased'), / Note On g3 ch10 {2}note 60 vel 64\n$/);
  assert.match(monitorLine(note, 0, 'zeroBased'), / Note On g2 ch9 {2}note 60 vel 64\n$/);
  // A SysEx7 Continue on group 2 with no Start, then an expectation that fails: the failure lists
  // the reassembly problem.
  const file = join(scratch, 'sysex-continue.umptest');
  writeFileSync(
    file,
    'loopback a <-> b\ntest "t"\n  send a 0x32260102 0x03040506\n  expect b 0x20903C64 within 20ms\nend\n',
  );
  const byDefault = midiScope('test', file);
  assert.equal(byDefault.code, 1, byDefault.stdout);
  assert.match(byDefault.stdout, /reassembly problem: SysEx7: SysEx on group 3: a Continue packet came/);
  const zeroBased = midiScope('test', '--numbering', 'zeroBased', file);
  assert.equal(zeroBased.code, 1, zeroBased.stdout);
  assert.match(zeroBased.stdout, /reassembly problem: SysEx7: SysEx on group 2: a Continue packet came/);
  assert.equal(midiScope('test', '--numbering', 'twoBased', file).code, 2);
});

void test('--junit writes a report that an XML parser reads back with every test and failure', () => {
  const report = join(scratch, 'junit.xml');
  const broken = join(scratch, 'broken-junit.umptest');
  writeFileSync(broken, 'loopback a <-> b\ntest "t"\n  wait soon\nend\n');
  const run = midiScope(
    'test',
    join(samples, 'channel-voice.umptest'),
    join(samples, 'fails-on-purpose.umptest'),
    broken,
    '--junit',
    report,
  );
  assert.equal(run.code, 1);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  });
  const xml = parser.parse(readFileSync(report, 'utf8')) as {
    testsuites: {
      tests: string;
      failures: string;
      errors: string;
      testsuite: {
        name: string;
        tests: string;
        failures: string;
        testcase: { name: string; failure?: { message: string; '#text': string }; error?: unknown }[];
      }[];
    };
  };
  const suites = xml.testsuites.testsuite;
  assert.equal(suites.length, 3);
  assert.equal(xml.testsuites.tests, '9');
  assert.equal(xml.testsuites.failures, '2');
  assert.equal(xml.testsuites.errors, '1');
  assert.equal(suites[0].testcase.length, 5);
  assert.ok(suites[0].testcase.every((testcase) => testcase.failure === undefined));
  const failed = suites[1].testcase.filter((testcase) => testcase.failure !== undefined);
  assert.deepEqual(
    failed.map((testcase) => testcase.name),
    ['fails: the note is on channel 5, not 0-3', 'fails: something arrives that should not'],
  );
  assert.match(
    failed[0].failure?.['#text'] ?? '',
    /fails-on-purpose\.umptest:13:3\n.*channel: expected 0-3, got 5/s,
  );
  assert.ok(
    suites[2].testcase.some((testcase) => testcase.error !== undefined),
    'the syntax error is an error case',
  );
});
