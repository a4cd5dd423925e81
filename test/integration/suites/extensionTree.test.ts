// The endpoints tree (what getChildren/getTreeItem give VS Code) and the menus package.json
// attaches to its items.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { MidiEndpointDeviceInformation } from '../../../src/engine/types';
import { EndpointsTreeDataProvider } from '../../../src/views/endpoints/endpointsTreeDataProvider';
import type { EndpointsTreeNode } from '../../../src/views/endpoints/endpointsTreeNodes';
import {
  createPair,
  extensionId,
  midiScope,
  removePair,
  uniquePairConfig,
  waitFor,
  type CreatedPair,
} from './extensionTestSupport';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

function tooltipText(item: vscode.TreeItem): string {
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
}

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** Evaluates the `view == …`, `viewItem == …` and `viewItem =~ /…/` clauses this manifest uses. */
function menuApplies(when: string | undefined, viewItem: string): boolean {
  if (!when) return true;
  return when.split('&&').every((clause) => {
    const text = clause.trim();
    let match = /^view == (\S+)$/.exec(text);
    if (match) return match[1] === 'midiScope.endpoints';
    match = /^viewItem == (\S+)$/.exec(text);
    if (match) return match[1] === viewItem;
    match = /^viewItem =~ \/(.+)\/$/.exec(text);
    if (match) return new RegExp(match[1]).test(viewItem);
    throw new Error(`menu clause not understood by this test: ${text}`);
  });
}

describe('extension: endpoints tree', function () {
  this.timeout(20_000);
  let api: MidiScopeApi;
  let transient: CreatedPair;
  const transientConfig = uniquePairConfig('tree');
  const persistentConfig = uniquePairConfig('tree-kept');

  before(async () => {
    api = await midiScope();
    transient = await createPair(transientConfig);
    await createPair(persistentConfig, true);
  });

  after(async () => {
    await removePair(transientConfig.associationId);
    await removePair(persistentConfig.associationId);
  });

  const provider = (): EndpointsTreeDataProvider => api.endpointsProvider;

  function groups(): EndpointsTreeNode[] {
    return provider().getChildren();
  }

  function pairNodes(): EndpointsTreeNode[] {
    return provider().getChildren(groups()[0]);
  }

  it('groups endpoints by transport: Loopbacks, Virtual devices, Diagnostics, then each transport the engine runs', () => {
    const items = groups().map((node) => provider().getTreeItem(node));
    const transports = api.engine.MidiTransports.list()
      .map((transport) => transport.id)
      .filter((id) => id !== 'loopback' && id !== 'diagnostics');
    assert.deepEqual(items.slice(0, 3).map(labelOf), ['Loopbacks', 'Virtual devices', 'Diagnostics']);
    assert.deepEqual(
      items.map((item) => item.contextValue),
      [
        'group.loopbackPairs',
        'group.virtualDevices',
        'group.transport.diagnostics',
        ...transports.map((id) => `group.transport.${id}`),
      ],
    );
    assert.equal(items[2]?.description, '2 endpoints');
  });

  it('lists the two diagnostics loopbacks as "A · name" with the unique id and every field in the tooltip', () => {
    const engine = api.engine;
    const nodes = provider().getChildren(groups()[2]);
    const ids = nodes.map((node) => (node.kind === 'endpoint' ? node.endpointDeviceId : ''));
    assert.deepEqual(ids, [
      engine.MidiDiagnostics.diagnosticsLoopbackAEndpointId,
      engine.MidiDiagnostics.diagnosticsLoopbackBEndpointId,
    ]);
    for (const node of nodes) {
      assert.equal(node.kind, 'endpoint');
      const endpoint: MidiEndpointDeviceInformation = node.endpoint;
      const item = provider().getTreeItem(node);
      assert.equal(labelOf(item), `${endpoint.loopback?.side} · ${endpoint.name}`);
      assert.equal(item.description, endpoint.uniqueId);
      assert.equal(item.contextValue, 'endpoint');
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      // The tooltip escapes Markdown in values; undo that to find them.
      const tooltip = tooltipText(item).replace(/\\(.)/g, '$1');
      for (const value of [
        endpoint.endpointDeviceId,
        endpoint.uniqueId,
        endpoint.loopback?.peerEndpointDeviceId ?? '',
      ]) {
        assert.ok(tooltip.includes(value), `tooltip lacks ${value}: ${tooltip}`);
      }
    }
  });

  it('labels each pair with the stem its names share (the sides say A and B), with its association id and whether it is transient or persistent', () => {
    const items = new Map(
      pairNodes()
        .filter((node) => node.kind === 'pair')
        .map((node) => [node.kind === 'pair' ? node.associationId : '', provider().getTreeItem(node)]),
    );
    const transientItem = items.get(transientConfig.associationId);
    assert.ok(transientItem, 'the transient pair is listed');
    // "Test transient 1a2b3c A" ↔ "Test transient 1a2b3c B": the row reads "Test transient 1a2b3c".
    assert.equal(labelOf(transientItem), transientConfig.endpointA.name.replace(/ A$/, ''));
    assert.equal(transientItem.description, `transient · ${transientConfig.associationId}`);
    assert.equal(transientItem.contextValue, 'loopbackPair.transient');
    const persistentItem = items.get(persistentConfig.associationId);
    assert.ok(persistentItem, 'the persistent pair is listed');
    assert.equal(persistentItem.description, `persistent · ${persistentConfig.associationId}`);
    assert.equal(persistentItem.contextValue, 'loopbackPair.persistent');
  });

  it('puts both endpoints of a pair under it, and knows their parents', () => {
    const pairNode = pairNodes().find(
      (node) => node.kind === 'pair' && node.associationId === transient.associationId,
    );
    assert.ok(pairNode);
    const sides = provider().getChildren(pairNode);
    assert.deepEqual(
      sides.map((node) => (node.kind === 'endpoint' ? node.endpointDeviceId : '')),
      [transient.endpointDeviceIdA, transient.endpointDeviceIdB],
    );
    const item = provider().getTreeItem(sides[0]);
    assert.equal(labelOf(item), `A · ${transientConfig.endpointA.name}`);
    assert.equal(item.description, transientConfig.endpointA.uniqueId);
    const parent = provider().getParent(sides[0]);
    assert.equal(parent?.kind === 'pair' && parent.associationId, transient.associationId);
    assert.equal(provider().getParent(pairNode)?.kind, 'loopbacks');
  });

  it('refreshes from the engine watcher when a pair appears outside the commands', async () => {
    let changes = 0;
    const subscription = provider().onDidChangeTreeData(() => changes++);
    const config = uniquePairConfig('watched');
    try {
      const created = api.engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config);
      assert.equal(created.success, true, created.errorInformation);
      await waitFor('a tree refresh', () => changes > 0);
      assert.ok(
        pairNodes().some((node) => node.kind === 'pair' && node.associationId === config.associationId),
      );
    } finally {
      subscription.dispose();
      api.engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(config.associationId);
    }
  });

  it('re-reads the tree on Refresh Endpoints', async () => {
    let changes = 0;
    const subscription = provider().onDidChangeTreeData(() => changes++);
    try {
      assert.deepEqual(await vscode.commands.executeCommand('midiScope.refreshEndpoints'), { ok: true });
      assert.equal(changes, 1);
    } finally {
      subscription.dispose();
    }
  });

  it('shows its log, which records what the commands did', async () => {
    assert.deepEqual(await vscode.commands.executeCommand('midiScope.showLog'), { ok: true });
    // A shown output channel is a text document with the `output` scheme.
    const logText = await waitFor('the MIDI Scope log to be shown', () =>
      vscode.workspace.textDocuments
        .filter((document) => document.uri.scheme === 'output')
        .map((document) => document.getText())
        .find((text) => text.includes('MIDI Scope activated')),
    );
    assert.match(logText, /created (transient|persistent) loopback pair/);
  });

  it('shows one error item with a Show Log action when the engine is unavailable', () => {
    const reason =
      'MIDI Scope has no native engine for plan9-mips: none of these exist:\n  /x/midi_scope.node';
    const unavailable = new EndpointsTreeDataProvider({
      unavailableReason: reason,
      findAll: () => [],
      transports: () => [],
      persistenceOf: () => 'transient',
      onDidChangeEndpoints: new vscode.EventEmitter<void>().event,
    });
    const nodes = unavailable.getChildren();
    assert.equal(nodes.length, 1);
    const item = unavailable.getTreeItem(nodes[0]);
    assert.equal(item.description, 'MIDI Scope has no native engine for plan9-mips: none of these exist:');
    assert.equal(item.contextValue, 'engineUnavailable');
    assert.equal(item.command?.command, 'midiScope.showLog');
    unavailable.dispose();
  });

  it('marks an endpoint ALSA could not publish: a warning, the reason first in its tooltip, gone once cleared', () => {
    const problem = 'not published: snd_seq_open: Cannot allocate memory';
    const side = (id: string, sideName: 'A' | 'B', peer: string): MidiEndpointDeviceInformation => ({
      endpointDeviceId: id,
      transport: 'loopback',
      name: `Crowded ${sideName}`,
      description: '',
      uniqueId: `crowded-${sideName}`,
      protocol: 'midi2',
      details: [],
      functionBlocks: [],
      loopback: { side: sideName, associationId: 'crowded', peerEndpointDeviceId: peer },
    });
    const a = side('midiscope://loopback/crowded/A', 'A', 'midiscope://loopback/crowded/B');
    const b = side('midiscope://loopback/crowded/B', 'B', a.endpointDeviceId);
    let endpoints: MidiEndpointDeviceInformation[] = [
      { ...a, publicationProblems: [{ transport: 'alsa', problem, note: false }] },
      b,
    ];
    const changed = new vscode.EventEmitter<void>();
    const crowded = new EndpointsTreeDataProvider({
      unavailableReason: undefined,
      findAll: () => endpoints,
      transports: () => [],
      persistenceOf: () => 'transient',
      onDidChangeEndpoints: changed.event,
    });
    try {
      const item = (id: string) => {
        const node = crowded
          .getChildren()
          .flatMap((group) => crowded.getChildren(group))
          .flatMap((pair) => crowded.getChildren(pair))
          .find((node) => node.kind === 'endpoint' && node.endpointDeviceId === id);
        assert.ok(node, `the row of ${id}`);
        return crowded.getTreeItem(node);
      };
      const refused = item(a.endpointDeviceId);
      assert.ok(refused.iconPath instanceof vscode.ThemeIcon);
      assert.equal(refused.iconPath.id, 'warning');
      assert.equal(refused.description, 'not published (ALSA) · crowded-A');
      const tooltip = tooltipText(refused);
      assert.ok(tooltip.includes('Not shown to other applications (ALSA)'), tooltip);
      assert.ok(
        tooltip.indexOf('snd_seq_open: Cannot allocate memory') < tooltip.indexOf('Transport'),
        tooltip,
      );
      // The other side is published: as before.
      const fine = item(b.endpointDeviceId);
      assert.ok(fine.iconPath instanceof vscode.ThemeIcon);
      assert.equal(fine.iconPath.id, 'plug');
      assert.equal(fine.description, 'crowded-B');
      // Republished (the engine's updated event): the warning goes.
      endpoints = [a, b];
      changed.fire();
      const cleared = item(a.endpointDeviceId);
      assert.ok(cleared.iconPath instanceof vscode.ThemeIcon);
      assert.equal(cleared.iconPath.id, 'plug');
      assert.equal(cleared.description, 'crowded-A');
      assert.ok(!tooltipText(cleared).includes('snd_seq_open'));
    } finally {
      crowded.dispose();
      changed.dispose();
    }
  });

  it('gives each kind of item its menu actions, all of them declared commands', () => {
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
      contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]> };
    };
    const declared = new Set(manifest.contributes.commands.map((command) => command.command));
    const itemMenus = manifest.contributes.menus['view/item/context'];
    const actions = (viewItem: string, inline: boolean): string[] =>
      itemMenus
        .filter(
          (entry) =>
            menuApplies(entry.when, viewItem) && (entry.group?.startsWith('inline') ?? false) === inline,
        )
        .map((entry) => entry.command)
        .sort();
    assert.deepEqual(actions('endpoint', true), ['midiScope.openMonitor', 'midiScope.sendToEndpoint']);
    assert.deepEqual(actions('endpoint', false), [
      'midiScope.copyEndpointId',
      'midiScope.discoverEndpoint',
      'midiScope.midiCiDiscover',
      'midiScope.midiCiGetProperty',
      'midiScope.midiCiListProfiles',
      'midiScope.openMonitor',
      'midiScope.sendToEndpoint',
    ]);
    assert.deepEqual(actions('discovery.endpointInfo', true), ['midiScope.showDiscoveryDetails']);
    assert.deepEqual(actions('discovery.endpointInfo', false), [
      'midiScope.copyDiscoveryAsJson',
      'midiScope.copyDiscoveryAsText',
      'midiScope.showDiscoveryDetails',
    ]);
    for (const pairContext of ['loopbackPair.transient', 'loopbackPair.persistent']) {
      assert.deepEqual(actions(pairContext, true), ['midiScope.removeLoopbackPair']);
      assert.deepEqual(actions(pairContext, false), ['midiScope.removeLoopbackPair']);
    }
    assert.deepEqual(actions('group.loopbackPairs', true), ['midiScope.createLoopbackPair']);
    assert.deepEqual(actions('engineUnavailable', true), ['midiScope.showLog']);
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries)
        assert.ok(declared.has(entry.command), `${menu} uses undeclared ${entry.command}`);
    }
  });
});
