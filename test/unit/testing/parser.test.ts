// The test file parser: declarations, steps, blocks, defaults, and a positioned diagnostic for
// every faulty line (the editor shows them; parsing goes on after each).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseTestFile } from '../../../src/testing';
import type { Step } from '../../../src/testing/ast';

function parseOk(text: string) {
  const result = parseTestFile(text);
  assert.deepEqual(result.diagnostics, [], 'no diagnostics expected');
  return result.file;
}

function firstDiagnostic(text: string) {
  const { diagnostics } = parseTestFile(text);
  assert.ok(diagnostics.length > 0, 'a diagnostic was expected');
  return diagnostics[0];
}

void test('declarations, variables, tests and their steps', () => {
  const file = parseOk(
    [
      '# comment',
      'loopback out <-> in   # a pair',
      'endpoint synth "Acme Synth"',
      'timeout 20ms',
      'let note = 60',
      'test "first"',
      '  send out note-on channel 3 note $note velocity 100',
      '  expect in note-on channel 0-3 note $note velocity any within 5ms',
      '  expect no in any for 1.5s',
      '  wait 250us',
      '  repeat 4 as i',
      '    send cc channel $i controller 7 value 1',
      '  end',
      'end',
    ].join('\n'),
  );
  assert.deepEqual(file.aliases, ['out', 'in', 'synth']);
  assert.equal(file.timeoutUs, 20_000);
  assert.equal(file.endpoints[1].kind === 'endpoint' && file.endpoints[1].value, 'Acme Synth');
  assert.equal(file.tests.length, 1);
  const [test1] = file.tests;
  assert.equal(test1.name, 'first');
  assert.equal(test1.span.line, 5);
  assert.equal(test1.endLine, 13);
  assert.deepEqual(
    test1.steps.map((step) => step.kind),
    ['send', 'expect', 'expectNo', 'wait', 'repeat'],
  );
  const expect = test1.steps[1] as Extract<Step, { kind: 'expect' }>;
  assert.equal(expect.withinUs, 5000);
  assert.equal(expect.endpoint, 'in');
  assert.ok(expect.pattern.kind === 'form');
  assert.deepEqual(
    expect.pattern.fields.map((field) => [field.name, field.matcher.kind]),
    [
      ['channel', 'range'],
      ['note', 'equals'],
      ['velocity', 'any'],
    ],
  );
  assert.equal((test1.steps[2] as Extract<Step, { kind: 'expectNo' }>).forUs, 1_500_000);
  assert.equal((test1.steps[3] as Extract<Step, { kind: 'wait' }>).us, 250);
  const repeat = test1.steps[4] as Extract<Step, { kind: 'repeat' }>;
  assert.equal(repeat.as, 'i');
  assert.equal(repeat.steps.length, 1);
});

void test('without an endpoint name, send uses the first declared and expect the last', () => {
  const file = parseOk('loopback a <-> b\ntest "t"\n send 0x20903C64\n expect 0x20903C64\nend');
  const [send, expect] = file.tests[0].steps as [
    Extract<Step, { kind: 'send' }>,
    Extract<Step, { kind: 'expect' }>,
  ];
  assert.equal(send.endpoint, 'a');
  assert.equal(expect.endpoint, 'b');
  assert.equal(expect.withinUs, 1_000_000, 'the default timeout');
});

void test('hex sends accept what the send commands accept; expectations take ? nibbles and masks', () => {
  const file = parseOk(
    'loopback a <-> b\ntest "t"\n send {0x40903C00, 0xC0000000}, 0x20903C64\n expect 0x4090_3C?? 0xC000_0000\n expect 0x20903C64 mask 0xFFFF0000\nend',
  );
  const [send, masked, explicit] = file.tests[0].steps;
  assert.ok(send.kind === 'send' && send.message.kind === 'words');
  assert.deepEqual(
    send.message.messages.map((m) => [...m]),
    [[0x40903c00, 0xc0000000], [0x20903c64]],
  );
  assert.ok(masked.kind === 'expect' && masked.pattern.kind === 'wordPattern');
  assert.deepEqual(masked.pattern.masks, [0xffffff00, 0xffffffff]);
  assert.ok(explicit.kind === 'expect' && explicit.pattern.kind === 'wordPattern');
  assert.deepEqual(explicit.pattern.values, [0x20900000]);
});

void test('SysEx, Mixed Data Set and MIDI-CI forms with data bytes', () => {
  const file = parseOk(
    [
      'loopback a <-> b',
      'test "t"',
      ' send sysex group 2 data 7E 7F 06 01',
      ' expect sysex group 2 data 7E ?? ...',
      ' send mds id 1 manufacturer 0x21 data 01 02',
      ' send ci get-property source 0x123 destination 0x456 request 3',
      ' expect a ci reply within 10ms',
      'end',
    ].join('\n'),
  );
  const steps = file.tests[0].steps;
  assert.ok(steps[1].kind === 'expect' && steps[1].pattern.kind === 'form');
  assert.deepEqual(steps[1].pattern.data?.bytes, [0x7e, null]);
  assert.equal(steps[1].pattern.data?.openEnded, true);
  assert.ok(steps[4].kind === 'expect' && steps[4].pattern.kind === 'ciReply');
});

void test('a syntax error names its line, column, token and what was expected', () => {
  const d = firstDiagnostic('loopback a <-> b\ntest "t"\n  send a note-on chanel 3 note 60 velocity 1\nend');
  assert.equal(d.span.line, 2);
  assert.equal(d.span.column, 17);
  assert.equal(d.token, 'chanel');
  assert.match(d.message, /note-on has no field "chanel"/);
  assert.match(d.expected, /channel/);
});

void test('the errors a person makes, each with its own diagnostic', () => {
  const cases: [string, RegExp][] = [
    ['test "t"\n send 0x20903C64\nend', /no endpoint is declared/],
    ['loopback a <-> b\nsend 0x20903C64', /must be inside a test/],
    ['loopback a <-> b\ntest "t"\n send note-on note 60\nend', /needs velocity/],
    ['loopback a <-> b\ntest "t"\n send note-on note 60 velocity 128\nend', /too large for velocity/],
    ['loopback a <-> b\ntest "t"\n expect note-on note $n\nend', /unknown variable \$n/],
    ['loopback a <-> b\ntest "t"\n expect no note-on\nend', /needs a duration/],
    ['loopback a <-> b\ntest "t"\n expect note-on within 5 ms\nend', /within goes last/],
    ['loopback a <-> b\ntest "t"\n expect ci reply\nend', /needs a MIDI-CI request/],
    ['loopback a <-> b\ntest "t"\n send any\nend', /cannot be sent/],
    ['loopback a <-> b\ntest "t"\n send 0x2090ZZ\nend', /./],
    ['loopback a <-> b\ntest "t"\n expect 0x40903C00\nend', /has 2 words, 1 given/],
    ['loopback a <-> b\ntest "t"\n expect note-on channel 5-3\nend', /range 5-3 is empty/],
    ['loopback a <-> b\ntest "t"\nend\nend', /closes nothing/],
    ['loopback a <-> b\ntest "t"\n send 0x20903C64', /has no "end"/],
    ['loopback a <-> a', /declared twice/],
    ['loopback a <-> b\ntest "t\nend', /no closing quote/],
    ['loopback a <-> b\ntest t\nend', /in quotes/],
    ['loopback a <-> b\ntest "t"\nend\ntest "t"\nend', /another test is named/],
    ['frobnicate', /unknown statement/],
  ];
  for (const [text, pattern] of cases) {
    const d = firstDiagnostic(text);
    assert.match(d.message, pattern, text);
    assert.ok(d.span.line >= 0 && d.span.column >= 0 && d.expected.length > 0, text);
  }
});

void test('every faulty line is reported and the tests are still listed', () => {
  const { file, diagnostics } = parseTestFile(
    'loopback a <-> b\ntest "one"\n send bogus\n wait forever\nend\ntest "two"\n send 0x20903C64\nend',
  );
  assert.deepEqual(
    diagnostics.map((d) => d.span.line),
    [2, 3],
  );
  assert.deepEqual(
    file.tests.map((t) => t.name),
    ['one', 'two'],
  );
});

void test('the parser never throws and positions stay inside the text, whatever the input', () => {
  const words = [
    'loopback',
    'a',
    '<->',
    'b',
    'test',
    '"t"',
    'end',
    'send',
    'expect',
    'no',
    'for',
    'within',
    '5ms',
    'note-on',
    'channel',
    '0-3',
    'any',
    '$x',
    '?y',
    'let',
    'x',
    '=',
    '1',
    'repeat',
    '3',
    'as',
    'ci',
    'reply',
    'sysex',
    'data',
    '7E',
    '??',
    '...',
    'mask',
    '0x20903C64',
    '#',
    '"',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom(...words, '\n', ' '), fc.string({ maxLength: 6 })), {
        maxLength: 60,
      }),
      (parts) => {
        const text = parts.join(' ');
        const { diagnostics } = parseTestFile(text);
        for (const d of diagnostics) {
          assert.ok(
            d.span.offset >= 0 && d.span.offset + d.span.length <= text.length + 1,
            JSON.stringify(d),
          );
        }
      },
    ),
    { numRuns: 2000 },
  );
});
