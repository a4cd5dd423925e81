// Endpoint discovery, MIDI-CI and virtual devices inside a real extension host: a virtual device
// created by its command is discovered into the tree, its detail view and copies carry every
// field, and MIDI-CI Discover, Get Property and List Profiles round-trip against it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { EndpointsOrDiscoveryNode } from '../../../src/views/endpoints/discoveryTreeDataProvider';
import { midiScope, waitFor } from './extensionTestSupport';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

const declaration = {
  endpointName: 'Integration Virtual Synth',
  productInstanceId: 'IT-0001',
  deviceIdentity: { manufacturer: [0x7d, 0, 0], family: 3, model: 4, softwareRevision: [1, 0, 0, 0] },
  functionBlocks: [
    { name: 'Keys', firstGroup: 0, direction: 'output', uiHint: 'sender' },
    {
      name: 'Synth engine with a long name',
      firstGroup: 1,
      groupCount: 2,
      direction: 'input',
      midi1: 'midi1',
    },
    { name: 'Control', firstGroup: 3, direction: 'bidirectional' },
  ],
  midiCi: { muid: 0x0123456, maxSysExSize: 256, profiles: [{ id: [0x7e, 0, 1, 1, 0], enabled: true }] },
};

describe('extension: endpoint discovery, MIDI-CI and virtual devices', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;
  let endpointDeviceId: string;

  before(async () => {
    api = await midiScope();
    const created = await vscode.commands.executeCommand<{ ok: boolean; endpointDeviceId: string }>(
      'midiScope.createVirtualDevice',
      declaration,
    );
    assert.equal(created.ok, true);
    endpointDeviceId = created.endpointDeviceId;
  });

  after(() => {
    for (const device of api.virtualDevices.devices)
      if (device.endpointDeviceId === endpointDeviceId) device.close();
  });

  function endpointNode(): EndpointsOrDiscoveryNode | undefined {
    const provider = api.discoveryTreeProvider;
    const walk = (nodes: EndpointsOrDiscoveryNode[]): EndpointsOrDiscoveryNode | undefined => {
      for (const node of nodes) {
        if (node.kind === 'endpoint' && node.endpointDeviceId === endpointDeviceId) return node;
        if (node.kind !== 'endpoint') {
          const found = walk(provider.getChildren(node));
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(provider.getChildren());
  }

  it('Discover Endpoint on the virtual device fills the tree under the endpoint', async () => {
    const node = await waitFor('the virtual device in the tree', () => endpointNode());
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      state: string;
      functionBlocks: number[];
      problems: string[];
      missing: string[];
    }>('midiScope.discoverEndpoint', { endpointDeviceId });
    assert.deepEqual(result, {
      ok: true,
      endpointDeviceId,
      state: 'complete',
      functionBlocks: [0, 1, 2],
      problems: [],
      missing: [],
    });
    const provider = api.discoveryTreeProvider;
    const children = provider.getChildren(node);
    const labels = children.map((child) => labelOf(provider.getTreeItem(child)));
    assert.deepEqual(labels, ['Endpoint info', '0: Keys', '1: Synth engine with a long name', '2: Control']);
    assert.equal(provider.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const block1 = provider.getChildren(children[2]).map((line) => {
      const item = provider.getTreeItem(line);
      return `${labelOf(item)}: ${String(item.description)}`;
    });
    assert.deepEqual(block1, [
      'Direction: input',
      'Groups: groups 2–3 (first 2, count 2)',
      'MIDI 1.0: MIDI 1.0',
      'UI hint: sender and receiver',
      'MIDI-CI version: 0x02',
      'SysEx8 streams: 0',
      'Active: yes',
    ]);
    const info = provider
      .getChildren(children[0])
      .map(
        (line) => `${labelOf(provider.getTreeItem(line))}: ${String(provider.getTreeItem(line).description)}`,
      );
    assert.ok(info.includes('Name: Integration Virtual Synth'), info.join('\n'));
    assert.ok(info.includes('Negotiation: asked MIDI 2.0 → MIDI 2.0 ✓'), info.join('\n'));
    assert.equal(provider.getParent(children[1]), node);
  });

  it('shows the details, raw and decoded, as text and as JSON', async () => {
    const shown = await vscode.commands.executeCommand<{ ok: boolean; text: string }>(
      'midiScope.showDiscoveryDetails',
      { endpointDeviceId },
    );
    assert.equal(shown.ok, true);
    assert.match(shown.text, /Function block 1: "Synth engine with a long name"/);
    assert.match(shown.text, /raw F0110000|raw 0xF011/i);
    assert.match(shown.text, /Number of Groups Spanned: 2/);
    // What the copy commands put on the clipboard (the clipboard itself does not answer in this
    // headless workbench, so the text is read where the commands take it from).
    assert.equal(api.discoveryDocuments.text(endpointDeviceId), shown.text);
    const parsed = JSON.parse(api.discoveryDocuments.json(endpointDeviceId) ?? '') as {
      endpoint: { name: string };
      endpointName: { value: string };
      functionBlocks: { name: { value: string } }[];
    };
    assert.equal(parsed.endpoint.name, 'Integration Virtual Synth');
    assert.equal(parsed.endpointName.value, 'Integration Virtual Synth');
    assert.deepEqual(
      parsed.functionBlocks.map((b) => b.name.value),
      ['Keys', 'Synth engine with a long name', 'Control'],
    );
  });

  it('MIDI-CI Discover lists the virtual device with identity, categories and max SysEx size', async () => {
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      responders: { muid: number; maxSysExSize: number; categories: number; manufacturer: number[] }[];
    }>('midiScope.midiCiDiscover', { endpointDeviceId, group: 0 });
    assert.equal(result.ok, true);
    assert.deepEqual(
      result.responders.map((r) => [r.muid, r.maxSysExSize, r.categories, r.manufacturer]),
      [[0x0123456, 256, 0x0c, [0x7d, 0, 0]]],
    );
  });

  it('MIDI-CI Get Property round-trips ResourceList and DeviceInfo, and opens the JSON in an editor', async () => {
    const list = await vscode.commands.executeCommand<{ ok: boolean; body: unknown }>(
      'midiScope.midiCiGetProperty',
      { endpointDeviceId, group: 0, resource: 'ResourceList' },
    );
    assert.deepEqual(list.body, [{ resource: 'DeviceInfo' }]);
    const info = await vscode.commands.executeCommand<{
      ok: boolean;
      body: { model: string; serialNumber: string };
      problems: string[];
      uri: string;
    }>('midiScope.midiCiGetProperty', { endpointDeviceId, group: 0, resource: 'DeviceInfo' });
    assert.equal(info.body.model, 'Integration Virtual Synth');
    assert.equal(info.body.serialNumber, 'IT-0001');
    assert.deepEqual(info.problems, []);
    const editor = await waitFor('the JSON editor', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === info.uri),
    );
    assert.equal(editor.document.languageId, 'json');
  });

  it('MIDI-CI List Profiles shows the declared profiles', async () => {
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      profiles: { address: string; enabled: string[]; disabled: string[] }[];
    }>('midiScope.midiCiListProfiles', { endpointDeviceId, group: 0 });
    assert.deepEqual(result.profiles, [
      { address: 'function block', enabled: ['7E 00 01 01 00'], disabled: [] },
    ]);
  });
});
