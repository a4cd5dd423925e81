// MidiEndpointConnection.sendMessageSucceeded/sendMessageFailed take what every send method
// returns (flags, or a multiple send's { result, messagesSent, wordsSent }) and refuse anything
// else with a TypeError; tried from plain Node on dist/engine.js, as a user would, and through
// the example CONTRIBUTING.md shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test, type TestContext } from 'node:test';
import { runNode } from './support/childProcess';
import { engineModulePath, loadEngine } from './support/engine';
import { openTestPair } from './support/loopbackPairs';

const engine = loadEngine();
const { MidiEndpointConnection, MidiSendMessageResults: R, describeSendResult } = engine;

const noteOn1 = 0x2090_3c64;
/** The first word of a MIDI 2.0 note on, which needs 2. */
const cutNoteOn2 = 0x4090_3c00;

function openPair(t: TestContext) {
  const endpoints = openTestPair(engine, 'send-result-helpers');
  t.after(() => endpoints.dispose());
  endpoints.open();
  return endpoints.a;
}

void test('a multiple send whose last message is cut short failed, and its counts stay reachable', (t) => {
  const a = openPair(t);
  const sent = a.sendMultipleMessagesWordArray(0, 0, 3, [noteOn1, noteOn1, cutNoteOn2]);
  assert.equal(MidiEndpointConnection.sendMessageFailed(sent), true);
  assert.equal(MidiEndpointConnection.sendMessageSucceeded(sent), false);
  assert.equal(sent.messagesSent, 2);
  assert.equal(sent.wordsSent, 2);
  assert.deepEqual(describeSendResult(sent), [
    'failed',
    'invalidMessageTypeForWordCount',
    'messageListPartiallyProcessed',
  ]);
});

void test('every send method returns something the helpers read', (t) => {
  const a = openPair(t);
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(noteOn1);
  const results = [
    a.sendSingleMessageWords(0, noteOn1),
    a.sendSingleMessageWordArray(0, 0, 1, [noteOn1]),
    a.sendSingleMessageBuffer(0, 0, 4, bytes),
    a.sendSingleMessagePacket({ timestamp: 0, words: [noteOn1] }),
    a.sendMultipleMessagesWordList(0, [noteOn1, noteOn1]),
    a.sendMultipleMessagesWordArray(0, 0, 1, [noteOn1]),
    a.sendMultipleMessagesBuffer(0, 0, 4, bytes),
    a.sendMultipleMessagesPacketList([{ timestamp: 0, words: [noteOn1] }]),
  ];
  for (const [index, sent] of results.entries()) {
    assert.equal(MidiEndpointConnection.sendMessageSucceeded(sent), true, `send method ${index}`);
    assert.equal(MidiEndpointConnection.sendMessageFailed(sent), false, `send method ${index}`);
  }
  const failures = [
    a.sendSingleMessageWords(0, cutNoteOn2),
    a.sendMultipleMessagesWordList(0, [cutNoteOn2]),
    a.sendMultipleMessagesBuffer(0, 0, 3, bytes),
    a.sendMultipleMessagesPacketList([{ timestamp: 0, words: [cutNoteOn2] }]),
  ];
  for (const [index, sent] of failures.entries()) {
    assert.equal(MidiEndpointConnection.sendMessageFailed(sent), true, `failing send ${index}`);
  }
});

void test('flags combined with | (a negative number in JS) read the same as unsigned ones', () => {
  const signed = R.failed | R.invalidMessageTypeForWordCount;
  assert.ok(signed < 0);
  assert.equal(MidiEndpointConnection.sendMessageFailed(signed), true);
  assert.equal(MidiEndpointConnection.sendMessageSucceeded(R.bufferFull), true, 'bufferFull alone is sent');
  assert.deepEqual(describeSendResult(R.bufferFull), ['succeeded', 'bufferFull']);
});

void test('anything that is not a send result is a TypeError, never "succeeded"', () => {
  const wrong: unknown[] = [
    undefined,
    null,
    '0',
    1.5,
    2 ** 32,
    -(2 ** 31) - 1,
    Number.NaN,
    {},
    { result: 0 },
    { result: '0', messagesSent: 0, wordsSent: 0 },
    { messagesSent: 1, wordsSent: 1 },
    [0],
    true,
  ];
  for (const value of wrong) {
    for (const helper of [
      (sent: never) => MidiEndpointConnection.sendMessageSucceeded(sent),
      (sent: never) => MidiEndpointConnection.sendMessageFailed(sent),
    ]) {
      assert.throws(() => helper(value as never), {
        name: 'TypeError',
        message: /A send result must be the MidiSendMessageResults flags .* got /,
      });
    }
    assert.throws(() => describeSendResult(value as never), { name: 'TypeError' });
  }
});

void test("CONTRIBUTING.md's plain-Node example runs and prints what it says", async () => {
  const root = dirname(dirname(engineModulePath()));
  const contributing = readFileSync(`${root}/CONTRIBUTING.md`, 'utf8');
  const example = /The engine from plain Node[^\n]*\n\n```js\n([\s\S]*?)```/.exec(contributing);
  assert.ok(example, 'CONTRIBUTING.md has the plain-Node example');
  assert.match(example[1], /require\('\.\/dist\/engine\.js'\)/);
  const run = await runNode(['-e', example[1]], 20_000, process.env, root);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.deepEqual(run.stdout.trim().split('\n'), ['true', 'true 1', '0x20903C64', '0x20903C64']);
});
