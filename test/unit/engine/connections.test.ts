// Sessions and connections: created closed so handlers attach first, opened, identified,
// disconnected, closed with their session, and closed underneath when their pair goes away.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadEngine } from './support/engine';
import { createTestPair, openTestPair } from './support/loopbackPairs';
import { ReceivedLog } from './support/receivedLog';
import { waitFor } from './support/waitFor';

const engine = loadEngine();
const { MidiDiagnostics, MidiEndpointDeviceInformation, MidiSendMessageResults, MidiSession } = engine;
const closed =
  (MidiSendMessageResults.failed | MidiSendMessageResults.endpointConnectionClosedOrInvalid) >>> 0;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

void test('a new connection is not open until open(); then it is', (t) => {
  const session = MidiSession.create('open');
  t.after(() => session.close());
  const connection = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  assert.equal(connection.isOpen, false);
  assert.equal(
    connection.sendSingleMessageWords(0, 0x20903c40),
    closed,
    'a send before open() fails as closed',
  );
  assert.equal(connection.open(), true);
  assert.equal(connection.isOpen, true);
  assert.equal(connection.open(), true, 'open() on an open connection is harmless');
});

void test('identity: GUID connectionId, endpoint id, settable tag, settings with defaults', (t) => {
  const session = MidiSession.create('identity');
  t.after(() => session.close());
  assert.match(session.sessionId, guid);
  assert.equal(session.name, 'identity');
  const first = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  const second = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId, {
    receiveBufferWords: 64,
  });
  assert.match(first.connectionId, guid);
  assert.notEqual(first.connectionId, second.connectionId);
  assert.equal(first.connectedEndpointDeviceId, MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  assert.deepEqual(first.settings, { receiveBufferWords: 1 << 20, receiveBatchIntervalMs: 0 });
  assert.deepEqual(second.settings, { receiveBufferWords: 64, receiveBatchIntervalMs: 0 });
  assert.equal(first.tag, undefined);
  const tag = { owner: 'test' };
  first.tag = tag;
  assert.equal(first.tag, tag);
});

void test('the session lists its connections by connectionId and forgets disconnected ones', (t) => {
  const session = MidiSession.create('connections');
  t.after(() => session.close());
  const a = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  const b = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackBEndpointId);
  assert.deepEqual([...session.connections.keys()], [a.connectionId, b.connectionId]);
  assert.equal(session.connections.get(b.connectionId), b);
  assert.equal(a.open(), true);

  session.disconnectEndpointConnection(a.connectionId);
  assert.equal(a.isOpen, false);
  assert.equal(a.open(), false, 'a disconnected connection stays closed');
  assert.deepEqual([...session.connections.keys()], [b.connectionId]);
  session.disconnectEndpointConnection(a.connectionId); // unknown now: ignored
});

void test('an unknown endpoint id fails with an Error naming it and how many endpoints exist', (t) => {
  const session = MidiSession.create('unknown');
  t.after(() => session.close());
  const count = MidiEndpointDeviceInformation.findAll().length;
  assert.throws(() => session.createEndpointConnection('midiscope://loopback/nowhere'), {
    name: 'Error',
    message: new RegExp(`"midiscope://loopback/nowhere" \\(${count} endpoints exist`),
  });
});

void test('wrong argument types and settings out of range are refused clearly', (t) => {
  const session = MidiSession.create('arguments');
  t.after(() => session.close());
  const id = MidiDiagnostics.diagnosticsLoopbackAEndpointId;
  assert.throws(() => MidiSession.create(42 as never), {
    name: 'TypeError',
    message: /session name must be a string/,
  });
  assert.throws(() => session.createEndpointConnection(undefined as never), {
    name: 'TypeError',
    message: /endpointDeviceId must be a string, got undefined/,
  });
  assert.throws(() => session.createEndpointConnection(id, { receiveBufferWords: '8' as never }), TypeError);
  for (const receiveBufferWords of [0, 3, 2 ** 26 + 1, 10.5]) {
    assert.throws(() => session.createEndpointConnection(id, { receiveBufferWords }), {
      name: 'RangeError',
      message: new RegExp(
        `receiveBufferWords must be a whole number from 4 to 67108864, got ${receiveBufferWords}`,
      ),
    });
  }
});

void test('closing a session closes its connections; a closed session makes no new ones', () => {
  const session = MidiSession.create('closing');
  const a = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  assert.equal(a.open(), true);
  session.close();
  assert.equal(session.isOpen, false);
  assert.equal(a.isOpen, false);
  assert.equal(a.sendSingleMessageWords(0, 0x20903c40), closed);
  assert.equal(session.connections.size, 0);
  assert.throws(
    () => session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId),
    /is closed/,
  );
  session.close(); // idempotent
});

void test('`using` closes the session at the end of its block', () => {
  let connection;
  {
    using session = MidiSession.create('using');
    connection = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
    assert.equal(connection.open(), true);
  }
  assert.equal(connection.isOpen, false);
});

void test('removing a pair closes connections open on it; what arrived before is still delivered', async (t) => {
  const endpoints = openTestPair(engine, 'removed');
  t.after(() => endpoints.dispose());
  const received = new ReceivedLog(endpoints.b);
  endpoints.open();
  assert.equal(endpoints.a.sendSingleMessageWords(0, 0x20903c40), 0);

  endpoints.pair.remove();
  assert.equal(endpoints.a.isOpen, false);
  assert.equal(endpoints.b.isOpen, false);
  assert.equal(endpoints.a.sendSingleMessageWords(0, 0x20903c40), closed);
  const multiple = endpoints.a.sendMultipleMessagesWordList(0, [0x20903c40]);
  assert.deepEqual(multiple, { result: closed, messagesSent: 0, wordsSent: 0 });

  await received.waitForCount(1);
  assert.deepEqual(received.firstWords, [0x20903c40]);
  assert.equal(endpoints.b.statistics.received, 1, 'statistics stay readable after the close');
  assert.equal(endpoints.b.cancelScheduled(), 0);
});

void test('a removed endpoint cannot be connected to again and its old connections stay closed', async (t) => {
  const pair = createTestPair(engine, 'again');
  const session = MidiSession.create('again');
  t.after(() => session.close());
  const old = session.createEndpointConnection(pair.endpointDeviceIdA);
  assert.equal(old.open(), true);
  pair.remove();
  await waitFor(() => !old.isOpen, 'the old connection to close');
  assert.throws(() => session.createEndpointConnection(pair.endpointDeviceIdA), /No MIDI endpoint/);
  assert.equal(old.sendSingleMessageWords(0, 0x10f80000), closed);
});
