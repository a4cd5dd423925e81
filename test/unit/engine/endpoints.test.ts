// Endpoints: the built-in diagnostics pair, transient loopback pairs with their refusals, the
// list, and the watcher's added / removed events.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { MidiEndpointDeviceWatcherEvent } from '../../../src/engine';
import { loadEngine } from './support/engine';
import { createTestPair } from './support/loopbackPairs';
import { waitFor } from './support/waitFor';

const engine = loadEngine();
const { MidiDiagnostics, MidiEndpointDeviceInformation, MidiLoopbackEndpointManager } = engine;

function side(name: string, uniqueId: string) {
  return { name, uniqueId };
}

void test('the diagnostics loopback pair is always there, A and B pointing at each other', () => {
  const a = MidiEndpointDeviceInformation.find(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
  const b = MidiEndpointDeviceInformation.find(MidiDiagnostics.diagnosticsLoopbackBEndpointId);
  assert.ok(a && b);
  assert.equal(a.transport, 'diagnostics');
  assert.equal(a.loopback?.side, 'A');
  assert.equal(b.loopback?.side, 'B');
  assert.equal(a.loopback.peerEndpointDeviceId, b.endpointDeviceId);
  assert.equal(b.loopback.peerEndpointDeviceId, a.endpointDeviceId);
  assert.equal(a.loopback.associationId, '');
  assert.equal(a.protocol, 'midi2');
  assert.deepEqual(a.functionBlocks, []);
});

void test('a transient pair is listed with every field, then removed by associationId', () => {
  const associationId = randomUUID();
  const uniqueA = `list-A-${associationId}`;
  const uniqueB = `list-B-${associationId}`;
  const created = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'List A', description: 'first side', uniqueId: uniqueA },
    endpointB: side('List B', uniqueB),
  });
  assert.equal(created.success, true, created.errorInformation);
  assert.notEqual(created.endpointDeviceIdA, created.endpointDeviceIdB);

  const a = MidiEndpointDeviceInformation.find(created.endpointDeviceIdA);
  const b = MidiEndpointDeviceInformation.find(created.endpointDeviceIdB);
  assert.deepEqual(a, {
    endpointDeviceId: created.endpointDeviceIdA,
    name: 'List A',
    description: 'first side',
    uniqueId: uniqueA,
    transport: 'loopback',
    protocol: 'midi2',
    details: [],
    functionBlocks: [],
    loopback: { side: 'A', associationId, peerEndpointDeviceId: created.endpointDeviceIdB },
  });
  assert.equal(b?.description, '', 'description defaults to empty');
  assert.equal(b?.loopback?.side, 'B');

  assert.equal(MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId), true);
  assert.equal(MidiEndpointDeviceInformation.find(created.endpointDeviceIdA), undefined);
  assert.equal(MidiEndpointDeviceInformation.find(created.endpointDeviceIdB), undefined);
  assert.equal(MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId), false);
});

void test('a uniqueId or associationId already in use is refused with a reason and creates nothing', (t) => {
  const pair = createTestPair(engine, 'taken');
  t.after(() => pair.remove());
  const taken = MidiEndpointDeviceInformation.find(pair.endpointDeviceIdA);
  assert.ok(taken);
  const countBefore = MidiEndpointDeviceInformation.findAll().length;

  const refusals = [
    {
      config: {
        associationId: pair.associationId,
        endpointA: side('X', randomUUID()),
        endpointB: side('Y', randomUUID()),
      },
      reason: /associationId .* already used/,
    },
    {
      config: {
        associationId: randomUUID(),
        endpointA: side('X', taken.uniqueId),
        endpointB: side('Y', randomUUID()),
      },
      reason: /endpointA\.uniqueId .* already used/,
    },
    {
      config: {
        associationId: randomUUID(),
        endpointA: side('X', randomUUID()),
        endpointB: side('Y', taken.uniqueId),
      },
      reason: /endpointB\.uniqueId .* already used/,
    },
    {
      config: { associationId: randomUUID(), endpointA: side('X', 'same'), endpointB: side('Y', 'same') },
      reason: /same uniqueId/,
    },
    {
      config: {
        associationId: randomUUID(),
        endpointA: side(' ', randomUUID()),
        endpointB: side('Y', randomUUID()),
      },
      reason: /endpointA\.name is empty/,
    },
    {
      config: { associationId: '', endpointA: side('X', randomUUID()), endpointB: side('Y', randomUUID()) },
      reason: /associationId is empty/,
    },
  ];
  for (const { config, reason } of refusals) {
    const result = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config);
    assert.equal(result.success, false, `${JSON.stringify(config)} was accepted`);
    assert.match(result.errorInformation, reason);
    assert.equal(
      MidiEndpointDeviceInformation.findAll().length,
      countBefore,
      'a refused pair created endpoints',
    );
  }
});

void test('wrong argument types are TypeErrors naming the field', () => {
  const create = (config: unknown) =>
    MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config as never);
  assert.throws(() => create(undefined), { name: 'TypeError', message: /config must be an object/ });
  assert.throws(() => create({ associationId: 7, endpointA: side('a', 'b'), endpointB: side('c', 'd') }), {
    name: 'TypeError',
    message: /config\.associationId must be a string, got number 7/,
  });
  assert.throws(() => create({ associationId: 'x', endpointA: { name: 'a' }, endpointB: side('c', 'd') }), {
    name: 'TypeError',
    message: /config\.endpointA\.uniqueId must be a string, got undefined/,
  });
  assert.throws(
    () =>
      create({
        associationId: 'x',
        endpointA: side('a', 'b'),
        endpointB: { name: 'c', uniqueId: 'd', description: 3 },
      }),
    { name: 'TypeError', message: /config\.endpointB\.description must be a string/ },
  );
  assert.throws(() => MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(null as never), TypeError);
});

void test('the watcher reports added and removed endpoints until it is disposed', async () => {
  const watcher = MidiEndpointDeviceInformation.createWatcher();
  const batches: (readonly MidiEndpointDeviceWatcherEvent[])[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  watcher.onChanged((events) => batches.push(events));
  watcher.onAdded((endpoint) => added.push(endpoint.endpointDeviceId));
  watcher.onRemoved((endpoint) => removed.push(endpoint.endpointDeviceId));

  const pair = createTestPair(engine, 'watched');
  await waitFor(() => added.length >= 2, 'two added events');
  assert.deepEqual(added.sort(), [pair.endpointDeviceIdA, pair.endpointDeviceIdB].sort());
  const addedEvent = batches
    .flat()
    .find((event) => event.endpoint.endpointDeviceId === pair.endpointDeviceIdA);
  assert.equal(addedEvent?.change, 'added');
  assert.equal(addedEvent?.endpoint.loopback?.associationId, pair.associationId);

  pair.remove();
  await waitFor(() => removed.length >= 2, 'two removed events');
  assert.deepEqual(removed.sort(), [pair.endpointDeviceIdA, pair.endpointDeviceIdB].sort());

  // After dispose nothing more arrives; a second watcher proves the events were sent.
  watcher.dispose();
  const witness = MidiEndpointDeviceInformation.createWatcher();
  const witnessed: string[] = [];
  witness.onAdded((endpoint) => witnessed.push(endpoint.endpointDeviceId));
  const later = createTestPair(engine, 'unwatched');
  await waitFor(() => witnessed.length >= 2, 'the witness watcher to see the later pair');
  later.remove();
  witness.dispose();
  assert.equal(added.length, 2, 'a disposed watcher still got events');
});
