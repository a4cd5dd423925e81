// The transport seam from JS, as a Network MIDI 2.0 transport uses it: endpoints it declares are
// endpoints like any other (listed, watched, opened, sent to with every variant and the
// scheduler); what it receives reaches every connection on the endpoint; an endpoint removed
// under an open connection closes it.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { MidiEndpointDeviceWatcherEvent } from '../../../src/engine';
import { loadEngine } from './support/engine';
import { waitFor } from './support/waitFor';

const engine = loadEngine();
const {
  MidiTransports,
  MidiSession,
  MidiEndpointDeviceInformation,
  MidiClock,
  MidiSendMessageResults: R,
} = engine;

interface Sent {
  endpointDeviceId: string;
  words: number[];
  timestamps: number[];
}

function register(t: TestContext, id: string) {
  const sent: Sent[] = [];
  const transport = MidiTransports.registerJsTransport(id, {
    onSend(endpointDeviceId, words, timestamps, messageCount) {
      assert.equal(timestamps.length, messageCount);
      sent.push({ endpointDeviceId, words: [...words], timestamps: [...timestamps] });
    },
  });
  const session = MidiSession.create(`js transport ${id}`);
  t.after(() => {
    session.close();
    transport.dispose();
  });
  const sentWords = () => sent.flatMap((batch) => batch.words);
  return { transport, session, sent, sentWords };
}

void test('a JS transport endpoint is listed and watched like any other', async (t) => {
  const watcher = MidiEndpointDeviceInformation.createWatcher();
  const events: MidiEndpointDeviceWatcherEvent[] = [];
  watcher.onChanged((batch) => events.push(...batch));
  t.after(() => watcher.dispose());
  const { transport } = register(t, 'net-list');
  const id = transport.addEndpoint({
    localId: '127.0.0.1:5673/1',
    name: 'Remote Synth',
    uniqueId: 'remote-synth-1',
    protocol: 'midi2',
    details: [['remote', '127.0.0.1:5673']],
    functionBlocks: [
      {
        number: 0,
        name: 'Main',
        active: true,
        direction: 3,
        firstGroup: 0,
        groupCount: 2,
        uiHint: 3,
        midi1: 0,
        midiCiVersion: 2,
        maxSysEx8Streams: 0,
      },
    ],
  });
  assert.equal(id, 'midiscope://net-list/127.0.0.1%3A5673%2F1');
  const listed = MidiEndpointDeviceInformation.find(id);
  assert.equal(listed?.transport, 'net-list');
  assert.deepEqual(listed?.details, [['remote', '127.0.0.1:5673']]);
  assert.equal(listed?.functionBlocks[0]?.groupCount, 2);
  assert.equal(listed?.loopback, undefined);
  assert.ok(MidiTransports.list().some((summary) => summary.id === 'net-list' && summary.available));
  await waitFor(
    () => events.some((e) => e.change === 'added' && e.endpoint.endpointDeviceId === id),
    'added',
  );

  assert.equal(
    transport.updateEndpoint(id, { name: 'Remote Synth (renamed)', uniqueId: 'remote-synth-1' }),
    true,
  );
  assert.equal(MidiEndpointDeviceInformation.find(id)?.name, 'Remote Synth (renamed)');
  await waitFor(
    () => events.some((e) => e.change === 'updated' && e.endpoint.endpointDeviceId === id),
    'updated',
  );
  assert.throws(
    () => transport.addEndpoint({ localId: '127.0.0.1:5673/1', name: 'x', uniqueId: 'x' }),
    /exists already/,
  );
});

void test('sends reach onSend in order, now and scheduled; deliveries reach every connection', async (t) => {
  const { transport, session, sent, sentWords } = register(t, 'net-send');
  const id = transport.addEndpoint({ localId: 'peer', name: 'Peer', uniqueId: 'peer' });
  const first = session.createEndpointConnection(id);
  const second = session.createEndpointConnection(id);
  const received: number[][] = [[], []];
  first.onMessagesReceived(({ words }) => received[0]?.push(...words));
  second.onMessagesReceived(({ words }) => received[1]?.push(...words));
  first.open();
  second.open();

  assert.equal(first.sendSingleMessageWords(0, 0x2090_3c64), R.succeeded);
  // Far enough ahead that the sends below are done first even on a loaded machine (5 ms was not).
  const soon = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 500);
  assert.equal(first.sendSingleMessageWords(soon, 0x2080_3c00), R.succeeded);
  const bulk = first.sendMultipleMessagesWordList(0, [0x4090_3c00, 0xc000_0000, 0x1000_f800]);
  assert.equal(bulk.result, R.succeeded);
  await waitFor(() => sentWords().length === 5, 'five words sent');
  // The scheduled message comes last: it was due 500 ms after the immediate ones went out.
  assert.deepEqual(sentWords(), [0x2090_3c64, 0x4090_3c00, 0xc000_0000, 0x1000_f800, 0x2080_3c00]);
  assert.ok(sent.every((batch) => batch.endpointDeviceId === id));
  const scheduledBatch = sent.find((batch) => batch.words.includes(0x2080_3c00));
  assert.ok(scheduledBatch && scheduledBatch.timestamps.at(-1)! >= soon, 'sent no earlier than scheduled');

  const delivered = transport.deliver(id, new Uint32Array([0x2090_3c64, 0x4090_3c00, 0xc000_0000]));
  assert.deepEqual(delivered, { result: R.succeeded, messagesDelivered: 2 });
  await waitFor(() => received.every((words) => words.length === 3), 'both connections received');
  assert.deepEqual(received[0], [0x2090_3c64, 0x4090_3c00, 0xc000_0000]);
  assert.deepEqual(received[1], received[0]);

  const truncated = transport.deliver(id, new Uint32Array([0x2090_3c64, 0x4090_3c00]));
  assert.equal(truncated.messagesDelivered, 1);
  assert.ok(engine.MidiEndpointConnection.sendMessageFailed(truncated.result));
  assert.ok((truncated.result & R.invalidMessageTypeForWordCount) !== 0);
});

void test('an endpoint removed under an open connection closes it and hands over what was sent first', async (t) => {
  const { transport, session, sentWords } = register(t, 'net-remove');
  const id = transport.addEndpoint({ localId: 'peer', name: 'Peer', uniqueId: 'peer' });
  const connection = session.createEndpointConnection(id);
  connection.open();
  assert.equal(connection.sendSingleMessageWords(0, 0x2090_3c64), R.succeeded);
  assert.equal(transport.removeEndpoint(id), true);
  assert.deepEqual(sentWords(), [0x2090_3c64]);
  await waitFor(() => !connection.isOpen, 'the connection closed');
  assert.ok((connection.sendSingleMessageWords(0, 0x2090_3c64) & R.endpointConnectionClosedOrInvalid) !== 0);
  assert.equal(MidiEndpointDeviceInformation.find(id), undefined);
  assert.equal(transport.removeEndpoint(id), false);
});

void test("transport ids are owned once, and never a native transport's", (t) => {
  const { transport } = register(t, 'net-owned');
  assert.throws(() => MidiTransports.registerJsTransport('net-owned', { onSend() {} }), /registered already/);
  assert.throws(() => MidiTransports.registerJsTransport('loopback', { onSend() {} }), /native transport/);
  transport.dispose();
  assert.throws(() => transport.addEndpoint({ localId: 'x', name: 'x', uniqueId: 'x' }), /disposed/);
  const again = MidiTransports.registerJsTransport('net-owned', { onSend() {} });
  again.dispose();
});
