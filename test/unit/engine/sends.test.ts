// Every send variant, what arrives on the other side, and every failure result. Type mistakes
// throw TypeError; everything else is a MidiSendMessageResults value.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { loadEngine } from './support/engine';
import { openTestPair } from './support/loopbackPairs';
import { messagesBeforeMarker } from './support/marker';
import { ReceivedLog } from './support/receivedLog';

const engine = loadEngine();
const { MidiClock, MidiEndpointConnection, MidiSendMessageResults: R, describeSendResult } = engine;

const failed = (...flags: number[]) => flags.reduce((result, flag) => result | flag, R.failed) >>> 0;
const wrongSize = failed(R.invalidMessageTypeForWordCount);
const outOfRange = failed(R.dataIndexOutOfRange);
const partial = R.messageListPartiallyProcessed;

// Messages of each size: MIDI 1.0 note on (1 word), MIDI 2.0 note on (2), a 3-word reserved
// type 0xB, and a 4-word SysEx8 (0x5).
const noteOn1 = [0x2593_7864];
const noteOn2 = [0x4090_3c00, 0xffff_0000];
const threeWords = [0xb000_0001, 0x0000_0002, 0x0000_0003];
const sysex8 = [0x5001_0203, 0x0405_0607, 0x0809_0a0b, 0x0c0d_0e0f];

function setUp(t: TestContext) {
  const endpoints = openTestPair(engine, 'sends');
  t.after(() => endpoints.dispose());
  const log = new ReceivedLog(endpoints.b);
  endpoints.open();
  return { a: endpoints.a, b: endpoints.b, log, arrived: () => messagesBeforeMarker(endpoints.a, log) };
}

function bytesOf(words: readonly number[]): Buffer {
  const bytes = Buffer.alloc(words.length * 4);
  words.forEach((word, index) => bytes.writeUInt32BE(word, index * 4));
  return bytes;
}

void test('sendSingleMessageWords sends messages of 1 to 4 words', async (t) => {
  const { a, arrived } = setUp(t);
  for (const message of [noteOn1, noteOn2, threeWords, sysex8]) {
    assert.equal(a.sendSingleMessageWords(0, ...(message as [number, ...number[]])), R.succeeded);
  }
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [noteOn1, noteOn2, threeWords, sysex8],
  );
});

void test('a word count that is not the message type size fails and sends nothing', async (t) => {
  const { a, arrived } = setUp(t);
  assert.equal(a.sendSingleMessageWords(0, noteOn2[0]), wrongSize); // type 4 needs 2 words
  assert.equal(a.sendSingleMessageWords(0, noteOn1[0], 0), wrongSize); // type 2 needs 1 word
  assert.equal(a.sendSingleMessageWordArray(0, 0, 3, sysex8), wrongSize);
  assert.equal(a.sendSingleMessagePacket({ timestamp: 0, words: [] }), wrongSize);
  for (const words of [[...sysex8, 0], Uint32Array.from([...noteOn2, 0]), []]) {
    assert.deepEqual(a.sendMultipleMessagesPacketList([{ timestamp: 0, words }]), {
      result: wrongSize,
      messagesSent: 0,
      wordsSent: 0,
    });
  }
  assert.deepEqual(await arrived(), []);
});

void test('sendSingleMessageWordArray sends a range of a Uint32Array or a number array', async (t) => {
  const { a, arrived } = setUp(t);
  const words = Uint32Array.from([...noteOn1, ...noteOn2, ...sysex8]);
  assert.equal(a.sendSingleMessageWordArray(0, 1, 2, words), R.succeeded);
  assert.equal(a.sendSingleMessageWordArray(0, 3, 4, [...words]), R.succeeded);
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [noteOn2, sysex8],
  );
});

void test('ranges outside the array fail with dataIndexOutOfRange', (t) => {
  const { a } = setUp(t);
  const words = Uint32Array.from(noteOn2);
  for (const [start, count] of [
    [1, 2],
    [-1, 2],
    [0, 3],
    [Number.NaN, 2],
    [0.5, 1],
  ]) {
    assert.equal(
      a.sendSingleMessageWordArray(0, start, count, words),
      outOfRange,
      `start ${start} count ${count}`,
    );
    assert.equal(a.sendMultipleMessagesWordArray(0, start, count, words).result, outOfRange);
  }
});

void test('sendSingleMessageBuffer reads each word most significant byte first', async (t) => {
  const { a, arrived } = setUp(t);
  assert.equal(a.sendSingleMessageBuffer(0, 0, 4, Buffer.from([0x25, 0x93, 0x78, 0x64])), R.succeeded);
  const padded = Buffer.concat([Buffer.from([0xee, 0xee]), bytesOf(noteOn2)]);
  assert.equal(a.sendSingleMessageBuffer(0, 2, 8, padded), R.succeeded);
  const view = new Uint8Array(bytesOf([0, ...sysex8]).buffer.slice(0), 4, 16); // a view with an offset
  assert.equal(a.sendSingleMessageBuffer(0, 0, 16, view), R.succeeded);
  assert.equal(a.sendSingleMessageBuffer(0, 0, 4, bytesOf(noteOn1).buffer.slice(0)), R.succeeded); // ArrayBuffer
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [[0x25937864], noteOn2, sysex8, noteOn1],
  );
});

void test('buffer sends refuse byte counts that do not match the type, and ranges outside the buffer', async (t) => {
  const { a, arrived } = setUp(t);
  const bytes = bytesOf(noteOn2);
  assert.equal(a.sendSingleMessageBuffer(0, 0, 4, bytes), wrongSize, 'type 4 is 8 bytes, not 4');
  assert.equal(a.sendSingleMessageBuffer(0, 0, 7, bytes), wrongSize, 'not whole words');
  assert.equal(a.sendSingleMessageBuffer(0, 4, 8, bytes), outOfRange);
  assert.equal(a.sendSingleMessageBuffer(0, -1, 4, bytes), outOfRange);
  assert.equal(a.sendMultipleMessagesBuffer(0, 2, 8, bytes).result, outOfRange);
  assert.deepEqual(await arrived(), []);
});

void test('sendSingleMessagePacket sends one message with its timestamp', async (t) => {
  const { a, arrived } = setUp(t);
  assert.equal(a.sendSingleMessagePacket({ timestamp: 0, words: noteOn2 }), R.succeeded);
  assert.equal(
    a.sendSingleMessagePacket({ timestamp: MidiClock.now(), words: Uint32Array.from(sysex8) }),
    R.succeeded,
  );
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [noteOn2, sysex8],
  );
});

void test('multiple-message sends deliver every message in order and count them', async (t) => {
  const { a, arrived } = setUp(t);
  const list = [...noteOn1, ...noteOn2, ...threeWords, ...sysex8];
  const everything = { result: R.succeeded, messagesSent: 4, wordsSent: 10 };
  assert.deepEqual(a.sendMultipleMessagesWordList(0, list), everything);
  assert.deepEqual(a.sendMultipleMessagesWordArray(0, 0, list.length, Uint32Array.from(list)), everything);
  assert.deepEqual(a.sendMultipleMessagesWordArray(0, 1, 5, list), {
    result: 0,
    messagesSent: 2,
    wordsSent: 5,
  });
  assert.deepEqual(a.sendMultipleMessagesBuffer(0, 0, 40, bytesOf(list)), everything);
  const packets = [noteOn1, noteOn2, threeWords, sysex8].map((words) => ({ timestamp: 0, words }));
  assert.deepEqual(a.sendMultipleMessagesPacketList(packets), everything);
  const expected = [noteOn1, noteOn2, threeWords, sysex8];
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [...expected, ...expected, noteOn2, threeWords, ...expected, ...expected],
  );
});

void test('multiple-message sends stop at the first bad message and say how far they got', async (t) => {
  const { a, arrived } = setUp(t);
  const cut = [...noteOn1, ...noteOn2, sysex8[0], sysex8[1]]; // the SysEx8 is cut short
  const stopped = { result: (wrongSize | partial) >>> 0, messagesSent: 2, wordsSent: 3 };
  assert.deepEqual(a.sendMultipleMessagesWordList(0, cut), stopped);
  assert.deepEqual(a.sendMultipleMessagesBuffer(0, 0, 14, bytesOf([...noteOn1, ...noteOn2, 0x2000_0000])), {
    result: (wrongSize | partial) >>> 0,
    messagesSent: 2,
    wordsSent: 3,
  });
  const packets = [
    { timestamp: 0, words: noteOn1 },
    { timestamp: 0, words: [noteOn2[0]] }, // one word of a two-word type
    { timestamp: 0, words: noteOn1 },
  ];
  assert.deepEqual(a.sendMultipleMessagesPacketList(packets), {
    result: (wrongSize | partial) >>> 0,
    messagesSent: 1,
    wordsSent: 1,
  });
  assert.deepEqual(a.sendMultipleMessagesWordList(0, [noteOn2[0]]), {
    result: wrongSize,
    messagesSent: 0,
    wordsSent: 0,
  });
  assert.deepEqual(
    (await arrived()).map((m) => m.words),
    [noteOn1, noteOn2, noteOn1, noteOn2, noteOn1],
  );
});

void test('timestamps that are negative, not numbers or beyond 2^53 ticks fail', async (t) => {
  const { a, arrived } = setUp(t);
  const badTimestamp = failed(R.timestampOutOfRange);
  for (const timestamp of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 54]) {
    assert.equal(a.sendSingleMessageWords(timestamp, noteOn1[0]), badTimestamp, `timestamp ${timestamp}`);
    assert.equal(a.sendMultipleMessagesWordList(timestamp, noteOn1).result, badTimestamp);
    assert.equal(a.sendMultipleMessagesPacketList([{ timestamp, words: noteOn1 }]).result, badTimestamp);
  }
  assert.deepEqual(await arrived(), []);
});

void test('wrong argument types throw TypeError naming the argument', (t) => {
  const { a } = setUp(t);
  const cases: [() => unknown, RegExp][] = [
    [() => a.sendSingleMessageWords('0' as never, 1), /timestamp must be a number/],
    [
      () => a.sendSingleMessageWords(0, 2 ** 32),
      /word0 must be an integer from 0 to 0xFFFFFFFF, got number 4294967296/,
    ],
    [() => a.sendSingleMessageWords(0, -1), /word0 must be an integer/],
    [() => a.sendSingleMessageWords(0, 1.5), /word0 must be an integer/],
    [
      () => a.sendSingleMessageWords(0, noteOn2[0], undefined, 5),
      /word1 must be an integer .* got undefined/,
    ],
    [() => a.sendSingleMessageWordArray(0, '0' as never, 1, noteOn1), /startIndex must be a number/],
    [
      () => a.sendSingleMessageWordArray(0, 0, 1, 'x' as never),
      /words must be a Uint32Array or an array of numbers/,
    ],
    [() => a.sendMultipleMessagesWordList(0, [1, 'two' as never]), /words\[1\] must be an integer/],
    [
      () => a.sendSingleMessageBuffer(0, 0, 4, [1, 2, 3, 4] as never),
      /buffer must be an ArrayBuffer or a typed array/,
    ],
    [() => a.sendSingleMessageBuffer(0, '0' as never, 4, Buffer.alloc(4)), /byteOffset must be a number/],
    [() => a.sendSingleMessagePacket(null as never), /packet must be an object/],
    [() => a.sendMultipleMessagesPacketList({} as never), /packets must be an array/],
    [
      () => a.sendMultipleMessagesPacketList([{ timestamp: 0, words: noteOn1 }, 5] as never),
      /packets\[1\] must be an object/,
    ],
    [
      () => a.sendMultipleMessagesPacketList([{ timestamp: 'now', words: noteOn1 }] as never),
      /packets\[0\]\.timestamp/,
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: 'TypeError', message });
});

void test('the static helpers and describeSendResult read the flags', () => {
  assert.equal(MidiEndpointConnection.sendMessageSucceeded(R.succeeded), true);
  assert.equal(
    MidiEndpointConnection.sendMessageSucceeded(R.bufferFull),
    true,
    'bufferFull alone is informational',
  );
  assert.equal(MidiEndpointConnection.sendMessageFailed(wrongSize), true);
  assert.equal(MidiEndpointConnection.sendMessageSucceeded(wrongSize | partial), false);
  assert.deepEqual(describeSendResult((wrongSize | partial) >>> 0), [
    'failed',
    'invalidMessageTypeForWordCount',
    'messageListPartiallyProcessed',
  ]);
  assert.deepEqual(describeSendResult(R.succeeded), ['succeeded']);
});
