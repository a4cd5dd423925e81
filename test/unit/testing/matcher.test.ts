// The matcher on its own, with received items made by hand: field matchers (values, ranges, any,
// captures), word masks, reassembled SysEx / Mixed Data Set / MIDI-CI, and field-by-field differences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTestFile } from '../../../src/testing';
import type { MessageSpec } from '../../../src/testing/ast';
import { buildCiBody } from '../../../src/testing/ciMessages';
import { compileMatcher, type Variables } from '../../../src/testing/matcher';
import type { ReceivedItem } from '../../../src/testing/received';

/** The pattern of `expect <text>` in a file with one loopback pair. */
function pattern(text: string, prelude = ''): MessageSpec {
  const { file, diagnostics } = parseTestFile(
    `loopback a <-> b\ntest "t"\n${prelude}\n expect b ${text}\nend`,
  );
  assert.deepEqual(diagnostics, []);
  const steps = file.tests[0].steps;
  const step = steps[steps.length - 1];
  assert.ok(step.kind === 'expect');
  return step.pattern;
}

const packet = (...words: number[]): ReceivedItem => ({
  kind: 'packet',
  words: Uint32Array.from(words),
  timestamp: 0,
});
const noteOn = (channel: number, note: number, velocity: number, group = 0) =>
  packet(((0x2 << 28) | (group << 24) | (0x9 << 20) | (channel << 16) | (note << 8) | velocity) >>> 0);

void test('field values, ranges and any', () => {
  const matcher = compileMatcher(pattern('note-on channel 0-3 note 60 velocity any'), new Map());
  assert.equal(matcher.match(noteOn(0, 60, 1)).ok, true);
  assert.equal(matcher.match(noteOn(3, 60, 127)).ok, true);
  const wrongChannel = matcher.match(noteOn(4, 60, 1));
  assert.deepEqual(wrongChannel, {
    ok: false,
    sameKind: true,
    differences: [{ field: 'channel', expected: '0-3', actual: '4' }],
  });
  const noteOff = packet(0x20803c00);
  assert.deepEqual(matcher.match(noteOff), { ok: false, sameKind: false, differences: [] });
});

void test('fields left out match anything; group is a field too', () => {
  const matcher = compileMatcher(pattern('note-on note 60'), new Map());
  assert.equal(matcher.match(noteOn(9, 60, 5, 7)).ok, true);
  assert.equal(compileMatcher(pattern('note-on group 1'), new Map()).match(noteOn(0, 60, 5, 7)).ok, false);
});

void test('variables are read when the step runs; captures keep a value', () => {
  const spec = pattern('note-on note $n velocity ?v', 'let n = 61');
  const variables: Variables = new Map([['n', 61]]);
  const outcome = compileMatcher(spec, variables).match(noteOn(0, 61, 99));
  assert.deepEqual(outcome, { ok: true, captures: [['v', 99]] });
  variables.set('n', 62);
  assert.equal(compileMatcher(spec, variables).match(noteOn(0, 61, 99)).ok, false);
});

void test('MIDI 2.0 fields come from both words', () => {
  const matcher = compileMatcher(
    pattern('midi2 note-on channel 2 note 61 velocity 0x8000-0xFFFF'),
    new Map(),
  );
  assert.equal(matcher.match(packet(0x40923d00, 0x80000000)).ok, true);
  const low = matcher.match(packet(0x40923d00, 0x7fff0000));
  assert.ok(!low.ok && low.differences[0].field === 'velocity');
  assert.equal(matcher.match(packet(0x20923d64)).ok, false, 'a MIDI 1.0 note on is another kind');
});

void test('hex words with ? nibbles and with a mask', () => {
  const nibbles = compileMatcher(pattern('0x2090_3C??'), new Map());
  assert.equal(nibbles.description, '20903C??');
  assert.equal(nibbles.match(packet(0x20903c01)).ok, true);
  assert.equal(nibbles.match(packet(0x20913c01)).ok, false);
  const masked = compileMatcher(pattern('0x20903C64 mask 0xFFFFFF00'), new Map());
  assert.equal(masked.match(packet(0x20903c00)).ok, true);
  const miss = masked.match(packet(0x20903d00));
  assert.ok(!miss.ok && miss.sameKind, 'same type and status: a near miss');
  assert.deepEqual(miss.differences, [{ field: 'word 0', expected: '20903C??', actual: '20903D00' }]);
});

void test('SysEx is judged on the reassembled bytes, with ?? and a trailing ...', () => {
  const sysex = (bytes: number[], group = 0): ReceivedItem => ({
    kind: 'sysex7',
    group,
    stream: 0,
    bytes: Uint8Array.from(bytes),
    timestamp: 0,
    packetCount: 2,
  });
  const exact = compileMatcher(pattern('sysex group 2 data 7E 7F 06 01'), new Map());
  assert.equal(exact.match(sysex([0x7e, 0x7f, 0x06, 0x01], 2)).ok, true);
  assert.equal(exact.match(sysex([0x7e, 0x7f, 0x06, 0x01, 0x00], 2)).ok, false, 'no ... : the length counts');
  const open = compileMatcher(pattern('sysex data 7E ?? 06 ...'), new Map());
  assert.equal(open.match(sysex([0x7e, 0x00, 0x06, 0x01, 0x02])).ok, true);
  const miss = open.match(sysex([0x7e, 0x00, 0x07]));
  assert.ok(!miss.ok);
  assert.match(miss.differences[0].actual, /first difference at byte 2/);
  assert.equal(
    open.match(packet(0x30047e00, 0x06000000)).ok,
    false,
    'packets are not the reassembled message',
  );
});

void test('Mixed Data Set chunks by header fields and bytes', () => {
  const chunk: ReceivedItem = {
    kind: 'mds',
    group: 0,
    id: 3,
    manufacturer: 0x21,
    device: 1,
    sub1: 0,
    sub2: 0,
    bytes: Uint8Array.from([1, 2, 3, 4]),
    timestamp: 0,
    packetCount: 2,
  };
  assert.equal(
    compileMatcher(pattern('mds id 3 manufacturer 0x21 data 01 02 ...'), new Map()).match(chunk).ok,
    true,
  );
  const wrong = compileMatcher(pattern('mds id 4'), new Map()).match(chunk);
  assert.ok(!wrong.ok && wrong.differences[0].field === 'id');
});

void test('a MIDI-CI reply matches its request by both MUIDs and the request id', () => {
  const reply = (source: number, destination: number, requestId: number): ReceivedItem => ({
    kind: 'sysex7',
    group: 0,
    stream: 0,
    bytes: buildCiBody({
      deviceId: 0x7f,
      subId2: 0x35,
      version: 2,
      source,
      destination,
      data: Uint8Array.of(requestId, 0, 0),
    }),
    timestamp: 0,
    packetCount: 3,
  });
  const spec = pattern('ci reply', ' send a ci get-property source 0x111 destination 0x222 request 5');
  const request = { subId2: 0x34, source: 0x111, destination: 0x222, requestId: 5 };
  const matcher = compileMatcher(spec, new Map(), request);
  assert.equal(matcher.match(reply(0x222, 0x111, 5)).ok, true);
  const otherRequest = matcher.match(reply(0x222, 0x111, 6));
  assert.ok(!otherRequest.ok && otherRequest.differences.map((d) => d.field).join() === 'request');
  const otherMuid = matcher.match(reply(0x333, 0x111, 5));
  assert.ok(!otherMuid.ok && otherMuid.differences.map((d) => d.field).join() === 'source');
  const toSomeoneElse = matcher.match(reply(0x222, 0x999, 5));
  assert.ok(!toSomeoneElse.ok && toSomeoneElse.differences.map((d) => d.field).join() === 'destination');
});
