// Loopback pairs from the commands and from settings, in the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import {
  acceptDefaultsUntil,
  createPair,
  midiScope,
  removePair,
  setUserLoopbackPairs,
  uniquePairConfig,
  userLoopbackPairs,
  waitFor,
} from './extensionTestSupport';

interface CreateResult {
  ok: boolean;
  success?: boolean;
  associationId: string;
  errorInformation?: string;
  persistence?: string;
  savedIn?: string;
  endpointDeviceIdA: string;
}

function endpointsOf(api: MidiScopeApi, associationId: string) {
  return api.engine.MidiEndpointDeviceInformation.findAll().filter(
    (endpoint) => endpoint.loopback?.associationId === associationId,
  );
}

function create(argument: unknown): Thenable<CreateResult> {
  return vscode.commands.executeCommand<CreateResult>('midiScope.createLoopbackPair', argument);
}

describe('extension: loopback pairs', function () {
  this.timeout(20_000);
  let api: MidiScopeApi;
  const created: string[] = [];

  before(async () => {
    api = await midiScope();
  });

  afterEach(async () => {
    for (const associationId of created.splice(0)) await removePair(associationId);
  });

  after(async () => {
    await setUserLoopbackPairs(undefined);
  });

  it('creates a transient pair from an explicit config; both sides exist in the engine', async () => {
    const config = uniquePairConfig('transient');
    const pair = await createPair(config);
    created.push(pair.associationId);
    assert.equal(pair.associationId, config.associationId);
    const endpoints = endpointsOf(api, config.associationId);
    assert.deepEqual(endpoints.map((endpoint) => endpoint.name).sort(), [
      config.endpointA.name,
      config.endpointB.name,
    ]);
    assert.equal(api.loopbackPairs.persistenceOf(config.associationId), 'transient');
    assert.deepEqual(userLoopbackPairs(), [], 'a transient pair never touches settings');
  });

  it('generates an association id when none is given', async () => {
    const { associationId: _unused, ...config } = uniquePairConfig('generated');
    const result = await create(config);
    assert.equal(result.ok, true, result.errorInformation);
    created.push(result.associationId);
    assert.match(result.associationId, /^[0-9a-f-]{36}$/);
    assert.equal(endpointsOf(api, result.associationId).length, 2);
  });

  it('refuses duplicates and empty names with the reason, creating nothing', async () => {
    const first = uniquePairConfig('original');
    created.push((await createPair(first)).associationId);
    const countBefore = api.engine.MidiEndpointDeviceInformation.findAll().length;
    const fresh = uniquePairConfig('duplicate');
    const cases: [string, unknown, RegExp][] = [
      [
        'same association id',
        { ...fresh, associationId: first.associationId },
        /association id .* already exists/,
      ],
      [
        'same unique id',
        { ...fresh, endpointA: { ...fresh.endpointA, uniqueId: first.endpointB.uniqueId } },
        /already used by/,
      ],
      [
        'same name',
        { ...fresh, endpointB: { ...fresh.endpointB, name: first.endpointA.name } },
        /already exists/,
      ],
      [
        'A and B share a unique id',
        { ...fresh, endpointB: { ...fresh.endpointB, uniqueId: fresh.endpointA.uniqueId } },
        /other side/,
      ],
      ['empty name', { ...fresh, endpointA: { ...fresh.endpointA, name: '  ' } }, /must not be empty/],
    ];
    for (const [label, argument, reason] of cases) {
      const result = await create(argument);
      assert.equal(result.ok, false, `${label} should be refused`);
      assert.match(result.errorInformation ?? '', reason, label);
    }
    assert.equal(api.engine.MidiEndpointDeviceInformation.findAll().length, countBefore);
  });

  it('rejects an argument of the wrong shape with the field that is wrong', async () => {
    await assert.rejects(
      Promise.resolve(
        create({ endpointA: { name: 'x', uniqueId: 7 }, endpointB: { name: 'y', uniqueId: 'y' } }),
      ),
      /endpointA\.uniqueId: expected a string/,
    );
  });

  it('creates a pair from the quick input, accepting its generated defaults', async () => {
    const result = await acceptDefaultsUntil(
      vscode.commands.executeCommand<CreateResult>('midiScope.createLoopbackPair'),
    );
    assert.equal(result.ok, true, result.errorInformation);
    created.push(result.associationId);
    const names = endpointsOf(api, result.associationId).map((endpoint) => endpoint.name);
    assert.equal(names.length, 2);
    assert.ok(
      names.every((name) => /^Loopback \d+ [AB]$/.test(name)),
      names.join(', '),
    );
    assert.equal(result.persistence, 'transient');
  });

  it('creates a persistent pair into user settings and removes it from there again', async () => {
    const config = uniquePairConfig('persistent');
    const created = await create({ ...config, persistent: true });
    assert.equal(created.ok, true, created.errorInformation);
    assert.equal(created.savedIn, 'user');
    assert.equal(api.loopbackPairs.persistenceOf(config.associationId), 'persistent');
    assert.deepEqual(userLoopbackPairs(), [
      {
        associationId: config.associationId,
        endpointA: config.endpointA,
        endpointB: { name: config.endpointB.name, uniqueId: config.endpointB.uniqueId },
      },
    ]);

    const removed = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'midiScope.removeLoopbackPair',
      config.associationId,
    );
    assert.equal(removed.ok, true);
    // Named by its endpoints, as creation names it, not by the association id.
    assert.equal(
      removed.message,
      `Removed loopback pair "${config.endpointA.name}" ↔ "${config.endpointB.name}" and its entry in user settings.`,
    );
    assert.deepEqual(userLoopbackPairs(), []);
    assert.equal(endpointsOf(api, config.associationId).length, 0);
  });

  it('removes a pair given as a tree node, and says when there is no such pair', async () => {
    const config = uniquePairConfig('removed');
    await createPair(config);
    const pairNode = await waitFor('the pair in the tree', () => {
      const [pairsGroup] = api.endpointsProvider.getChildren();
      return api.endpointsProvider
        .getChildren(pairsGroup)
        .find((node) => node.kind === 'pair' && node.associationId === config.associationId);
    });
    const removed = await vscode.commands.executeCommand<{ ok: boolean }>(
      'midiScope.removeLoopbackPair',
      pairNode,
    );
    assert.equal(removed.ok, true);
    assert.equal(endpointsOf(api, config.associationId).length, 0);

    const again = await vscode.commands.executeCommand<{ ok: boolean; message: string }>(
      'midiScope.removeLoopbackPair',
      config.associationId,
    );
    assert.equal(again.ok, false);
    assert.match(again.message, /No loopback pair has the association id/);
  });

  it('follows the setting live: entries added, changed and removed create, recreate and remove pairs', async () => {
    const config = uniquePairConfig('setting');
    await setUserLoopbackPairs([config]);
    await waitFor('the pair from settings', () => endpointsOf(api, config.associationId).length === 2);
    assert.equal(api.loopbackPairs.persistenceOf(config.associationId), 'persistent');

    const renamed = {
      ...config,
      endpointA: { ...config.endpointA, name: `${config.endpointA.name} renamed` },
    };
    await setUserLoopbackPairs([renamed]);
    await waitFor('the renamed endpoint', () =>
      endpointsOf(api, config.associationId).some((endpoint) => endpoint.name === renamed.endpointA.name),
    );

    await setUserLoopbackPairs([]);
    await waitFor('the pair to go', () => endpointsOf(api, config.associationId).length === 0);
  });

  it('skips a malformed entry, naming its index and field, and loads the others', async () => {
    const good = uniquePairConfig('good');
    const bad = uniquePairConfig('bad');
    const malformed = { ...bad, endpointB: { name: bad.endpointB.name, uniqueId: 42 } };
    await setUserLoopbackPairs([good, malformed, 'not a pair']);
    await waitFor('the good pair', () => endpointsOf(api, good.associationId).length === 2);
    assert.equal(endpointsOf(api, bad.associationId).length, 0);
    const problems = api.loopbackPairs.settingProblems;
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(
      problems[0],
      /^midiScope\.loopbackPairs\[1\]\.endpointB\.uniqueId: expected a string, found number 42/,
    );
    assert.match(
      problems[1],
      /^midiScope\.loopbackPairs\[2\]: expected an object, found the string "not a pair"/,
    );
    // Reading is not writing: the user's malformed entries stay exactly as they were.
    assert.deepEqual(userLoopbackPairs(), [good, malformed, 'not a pair']);
    await setUserLoopbackPairs(undefined);
    await waitFor('the good pair to go', () => endpointsOf(api, good.associationId).length === 0);
  });

  it('keeps malformed entries untouched when it adds a pair to settings', async () => {
    await setUserLoopbackPairs([{ associationId: 'broken' }]);
    await waitFor('the problem to be noticed', () => api.loopbackPairs.settingProblems.length === 1);
    const config = uniquePairConfig('beside-broken');
    await createPair(config, true);
    const stored = userLoopbackPairs();
    assert.equal(stored.length, 2);
    assert.deepEqual(stored[0], { associationId: 'broken' });
    await removePair(config.associationId);
    assert.deepEqual(userLoopbackPairs(), [{ associationId: 'broken' }]);
  });
});
