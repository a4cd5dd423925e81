// Message processing plugins: they see every message before the connection's handlers, in the
// order added; the built-in filters partition traffic by group, channel and message type.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { MidiEndpointMessageProcessingPlugin, MidiMessageReceivedEventArgs } from '../../../src/engine';
import { loadEngine } from './support/engine';
import { openTestPair } from './support/loopbackPairs';
import { messagesBeforeMarker, markerWord } from './support/marker';
import { ReceivedLog } from './support/receivedLog';

const engine = loadEngine();
const { MidiChannelEndpointListener, MidiGroupEndpointListener, MidiMessageTypeEndpointListener } = engine;

const midi1NoteOn = (group: number, channel: number) => (0x2090_3c40 | (group << 24) | (channel << 16)) >>> 0;
const midi2NoteOn = (group: number, channel: number) => [
  (0x4090_3c00 | (group << 24) | (channel << 16)) >>> 0,
  0x8000_0000,
];

function setUp(t: TestContext) {
  const endpoints = openTestPair(engine, 'plugins');
  t.after(() => endpoints.dispose());
  return endpoints;
}

/** First words heard by a plugin's own onMessageReceived. */
function heardBy(plugin: {
  onMessageReceived(listener: (args: MidiMessageReceivedEventArgs) => void): unknown;
}) {
  const heard: number[] = [];
  plugin.onMessageReceived(({ words }) => heard.push(words[0]));
  return heard;
}

void test('group listeners partition traffic: matched groups reach only their listener', async (t) => {
  const { a, b, open } = setUp(t);
  const group0 = new MidiGroupEndpointListener({
    includedGroups: [0],
    preventFiringMainMessageReceivedEvent: true,
  });
  const groups1and2 = new MidiGroupEndpointListener({
    includedGroups: [1, 2],
    preventFiringMainMessageReceivedEvent: true,
  });
  b.addMessageProcessingPlugin(group0);
  b.addMessageProcessingPlugin(groups1and2);
  const heard0 = heardBy(group0);
  const heard12 = heardBy(groups1and2);
  const main = new ReceivedLog(b);
  const mainBatches = new ReceivedLog(b, 'batch');
  open();

  const traffic = [0, 1, 2, 3, 0, 3].map((group) => midi1NoteOn(group, 0));
  a.sendMultipleMessagesWordList(0, traffic);
  const rest = await messagesBeforeMarker(a, main);

  assert.deepEqual(heard0, [midi1NoteOn(0, 0), midi1NoteOn(0, 0)]);
  assert.deepEqual(heard12, [midi1NoteOn(1, 0), midi1NoteOn(2, 0)]);
  assert.deepEqual(
    rest.map((m) => m.words[0]),
    [midi1NoteOn(3, 0), midi1NoteOn(3, 0)],
  );
  await mainBatches.waitForCount(3);
  assert.deepEqual(
    mainBatches.firstWords,
    [midi1NoteOn(3, 0), midi1NoteOn(3, 0), markerWord],
    'batches are filtered too',
  );
});

void test('without preventFiringMainMessageReceivedEvent the handlers see everything as well', async (t) => {
  const { a, b, open } = setUp(t);
  const listener = new MidiGroupEndpointListener({ includedGroups: [4] });
  b.addMessageProcessingPlugin(listener);
  const heard = heardBy(listener);
  const main = new ReceivedLog(b);
  open();
  a.sendMultipleMessagesWordList(0, [midi1NoteOn(4, 1), midi1NoteOn(5, 1)]);
  const all = await messagesBeforeMarker(a, main);
  assert.deepEqual(heard, [midi1NoteOn(4, 1)]);
  assert.deepEqual(
    all.map((m) => m.words[0]),
    [midi1NoteOn(4, 1), midi1NoteOn(5, 1)],
  );
});

void test('plugins see each message before the handlers, in the order they were added', async (t) => {
  const { a, b, open } = setUp(t);
  const order: string[] = [];
  const recorder = (id: string): MidiEndpointMessageProcessingPlugin => ({
    id,
    name: id,
    isEnabled: true,
    processIncomingMessage: ({ words }) => {
      order.push(`${id} ${words[0].toString(16)}`);
      return true;
    },
  });
  b.addMessageProcessingPlugin(recorder('first'));
  b.addMessageProcessingPlugin(recorder('second'));
  b.onMessageReceived(({ words }) => order.push(`handler ${words[0].toString(16)}`));
  const main = new ReceivedLog(b);
  open();
  a.sendMultipleMessagesWordList(0, [0x2090_3c40, 0x2090_3c41]);
  await messagesBeforeMarker(a, main);
  assert.deepEqual(order.slice(0, 6), [
    'first 20903c40',
    'second 20903c40',
    'handler 20903c40',
    'first 20903c41',
    'second 20903c41',
    'handler 20903c41',
  ]);
});

// Flex Data (set tempo, 4 words) on group 5 with channel field 3: addressed to channel 3 (Address
// 0), and to the whole group (Address 1), where UMP 1.1 says the channel field is ignored.
const flexToChannel3 = [0xd503_0000, 0x0098_9680, 0, 0];
const flexToGroup = [0xd513_0000, 0x0098_9680, 0, 0];

void test('a channel listener matches messages of its group addressed to its channels', async (t) => {
  const { a, b, open } = setUp(t);
  const listener = new MidiChannelEndpointListener({
    includedGroup: 5,
    includedChannels: [3, 4],
    preventFiringMainMessageReceivedEvent: true,
  });
  b.addMessageProcessingPlugin(listener);
  const heard = heardBy(listener);
  const main = new ReceivedLog(b);
  const addresses: [number | undefined, number | undefined][] = [];
  b.onMessageReceived(({ group, channel }) => addresses.push([group, channel]));
  open();
  a.sendMultipleMessagesWordList(0, [
    midi1NoteOn(5, 3),
    ...midi2NoteOn(5, 4),
    midi1NoteOn(5, 5),
    midi1NoteOn(4, 3),
    0x15f8_0000, // system real time on group 5: no channel
    ...flexToChannel3,
    ...flexToGroup,
  ]);
  const rest = await messagesBeforeMarker(a, main);
  assert.deepEqual(heard, [midi1NoteOn(5, 3), midi2NoteOn(5, 4)[0], flexToChannel3[0]]);
  assert.deepEqual(
    rest.map((m) => m.words[0]),
    [midi1NoteOn(5, 5), midi1NoteOn(4, 3), 0x15f8_0000, flexToGroup[0]],
  );
  assert.deepEqual(
    addresses.slice(0, rest.length),
    [
      [5, 5],
      [4, 3],
      [5, undefined],
      [5, undefined],
    ],
    'the event args carry the group, and a channel only where the message is addressed to one',
  );
});

void test('a message type listener takes the types it includes', async (t) => {
  const { a, b, open } = setUp(t);
  const listener = new MidiMessageTypeEndpointListener({
    includedMessageTypes: [0x4],
    preventFiringMainMessageReceivedEvent: true,
  });
  b.addMessageProcessingPlugin(listener);
  const heard = heardBy(listener);
  const main = new ReceivedLog(b);
  open();
  a.sendMultipleMessagesWordList(0, [...midi2NoteOn(0, 0), midi1NoteOn(0, 0), ...midi2NoteOn(1, 1)]);
  const rest = await messagesBeforeMarker(a, main);
  assert.deepEqual(heard, [midi2NoteOn(0, 0)[0], midi2NoteOn(1, 1)[0]]);
  assert.deepEqual(
    rest.map((m) => m.words),
    [[midi1NoteOn(0, 0)]],
  );
});

void test('a disabled plugin is skipped; a removed one is cleaned up and skipped', async (t) => {
  const { a, b, open } = setUp(t);
  const calls: string[] = [];
  const plugin: MidiEndpointMessageProcessingPlugin = {
    id: 'swallow-midi1',
    name: 'Swallow MIDI 1.0 channel voice',
    isEnabled: true,
    initialize: (connectionId) => calls.push(`initialize ${connectionId === b.connectionId}`),
    processIncomingMessage: ({ messageType }) => messageType !== 0x2,
    cleanup: () => calls.push('cleanup'),
  };
  b.addMessageProcessingPlugin(plugin);
  assert.deepEqual(b.messageProcessingPlugins, [plugin]);
  const main = new ReceivedLog(b);
  open();

  a.sendSingleMessageWords(0, 0x2090_3c40);
  assert.deepEqual(await messagesBeforeMarker(a, main), [], 'the enabled plugin swallowed the note');

  plugin.isEnabled = false;
  a.sendSingleMessageWords(0, 0x2090_3c41);
  const whileDisabled = await messagesBeforeMarker(a, main);
  assert.deepEqual(
    whileDisabled.map((m) => m.words[0]),
    [markerWord, 0x2090_3c41],
  );

  plugin.isEnabled = true;
  assert.equal(b.removeMessageProcessingPlugin('swallow-midi1'), true);
  assert.equal(b.removeMessageProcessingPlugin('swallow-midi1'), false);
  assert.deepEqual(b.messageProcessingPlugins, []);
  a.sendSingleMessageWords(0, 0x2090_3c42);
  const afterRemoval = await messagesBeforeMarker(a, main);
  assert.deepEqual(
    afterRemoval.slice(2).map((m) => m.words[0]),
    [markerWord, 0x2090_3c42],
  );
  assert.deepEqual(calls, ['initialize true', 'cleanup']);
});

void test('closing the connection cleans its plugins up', (t) => {
  const { b, open, session } = setUp(t);
  let cleanups = 0;
  b.addMessageProcessingPlugin({
    id: 'p',
    name: 'p',
    isEnabled: true,
    processIncomingMessage: () => true,
    cleanup: () => cleanups++,
  });
  open();
  session.disconnectEndpointConnection(b.connectionId);
  assert.equal(cleanups, 1);
});

void test('bad plugins and bad filter options are refused clearly', (t) => {
  const { b } = setUp(t);
  const plugin = new MidiGroupEndpointListener({ id: 'twice', includedGroups: [1] });
  b.addMessageProcessingPlugin(plugin);
  assert.throws(
    () => b.addMessageProcessingPlugin(plugin),
    /plugin with id "twice" is already on connection/,
  );
  assert.throws(() => b.addMessageProcessingPlugin({ id: 'x' } as never), {
    name: 'TypeError',
    message: /plugin\.processIncomingMessage must be a function/,
  });
  assert.throws(
    () => b.addMessageProcessingPlugin({ processIncomingMessage: () => true } as never),
    /plugin\.id must be a string/,
  );
  assert.throws(() => new MidiGroupEndpointListener({ includedGroups: [16] }), {
    name: 'RangeError',
    message: /includedGroups\[0\] must be a whole number from 0 to 15, got 16/,
  });
  assert.throws(
    () => new MidiChannelEndpointListener({ includedGroup: -1, includedChannels: [] }),
    /includedGroup must be/,
  );
  assert.throws(
    () => new MidiMessageTypeEndpointListener({ includedMessageTypes: 'all' as never }),
    TypeError,
  );
  assert.throws(() => new MidiGroupEndpointListener(undefined as never), {
    name: 'TypeError',
    message: /options must be an object/,
  });
});
