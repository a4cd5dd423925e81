// The Virtual devices group in a real extension host: a device declared in the setting
// midiScope.virtualDevices shows under its own group with its 32 named function blocks read from
// the declaration before any discovery; Discover Endpoint then fills its endpoint as for any
// endpoint; a changed declaration is followed; Remove Virtual Device takes it out of the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { EndpointsOrDiscoveryNode } from '../../../src/views/endpoints/discoveryTreeDataProvider';
import { midiScope, midiScopeConfiguration, waitFor } from './extensionTestSupport';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

const deviceName = 'Integration Tree Device';
const blockName = (i: number) => `Tree block ${String(i + 1).padStart(2, '0')}`;
function declaration(firstBlockName = blockName(0)) {
  return {
    endpointName: deviceName,
    productInstanceId: 'TREE-32',
    deviceIdentity: { manufacturer: [0x7d, 0, 0], family: 1, model: 32, softwareRevision: [1, 0, 0, 0] },
    functionBlocks: Array.from({ length: 32 }, (_, i) => ({
      name: i === 0 ? firstBlockName : blockName(i),
      firstGroup: i % 16,
      direction: i % 2 === 0 ? 'bidirectional' : 'input',
      uiHint: i % 2 === 0 ? 'both' : 'receiver',
      midiCiVersion: 2,
    })),
  };
}

async function declare(value: unknown[] | undefined): Promise<void> {
  await midiScopeConfiguration().update('virtualDevices', value, vscode.ConfigurationTarget.Global);
}

describe('extension: virtual devices in the tree', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;
  const provider = () => api.discoveryTreeProvider;
  const item = (node: EndpointsOrDiscoveryNode) => provider().getTreeItem(node);

  before(async () => {
    api = await midiScope();
    await declare([declaration()]);
  });

  after(async () => {
    await declare(undefined);
  });

  function group(): EndpointsOrDiscoveryNode | undefined {
    return provider()
      .getChildren()
      .find((node) => node.kind === 'virtualDevices');
  }

  function deviceNode(): EndpointsOrDiscoveryNode | undefined {
    const found = group();
    return found
      ? provider()
          .getChildren(found)
          .find((node) => labelOf(item(node)) === deviceName)
      : undefined;
  }

  function childrenByKind(kind: string): EndpointsOrDiscoveryNode | undefined {
    const device = deviceNode();
    return device
      ? provider()
          .getChildren(device)
          .find((node) => node.kind === kind)
      : undefined;
  }

  it('shows a declared device under Virtual devices with its two sides and 32 named blocks, without discovery', async () => {
    const device = await waitFor('the device under Virtual devices', () => deviceNode());
    const groupItem = item(group()!);
    assert.equal(labelOf(groupItem), 'Virtual devices');
    assert.equal(groupItem.contextValue, 'group.virtualDevices');
    assert.equal(item(device).description, '32 blocks · from settings');
    assert.equal(item(device).contextValue, 'virtualDevice.settings');
    const children = provider().getChildren(device);
    assert.deepEqual(
      children.map((node) => labelOf(item(node))),
      [
        `endpoint · ${deviceName}`,
        `device · ${deviceName} (device side)`,
        'Declared endpoint info',
        'Declared function blocks',
      ],
    );
    // Both sides are endpoints: every endpoint command of the context menu applies to them.
    assert.deepEqual(
      children.slice(0, 2).map((node) => item(node).contextValue),
      ['endpoint', 'endpoint'],
    );
    const endpoint = children[0];
    assert.ok(endpoint?.kind === 'endpoint');
    assert.equal(api.discoveries.resultFor(endpoint.endpointDeviceId), undefined);
    const blocks = provider().getChildren(children[3]);
    assert.deepEqual(
      blocks.map((node) => labelOf(item(node))),
      Array.from({ length: 32 }, (_, i) => `${i}: ${blockName(i)}`),
    );
    assert.equal(item(blocks[17]).description, 'input · group 2 · UI receiver · CI 0x02');
    // #17: the tree follows midiScope.display.numbering, as the monitor's rows do.
    await midiScopeConfiguration().update(
      'display.numbering',
      'zeroBased',
      vscode.ConfigurationTarget.Global,
    );
    try {
      await waitFor(
        'the declared block numbered 0-based',
        () =>
          item(provider().getChildren(children[3])[17]).description ===
          'input · group 1 · UI receiver · CI 0x02',
      );
    } finally {
      await midiScopeConfiguration().update(
        'display.numbering',
        undefined,
        vscode.ConfigurationTarget.Global,
      );
    }
    await waitFor(
      'the declared block numbered 1-based again',
      () =>
        item(provider().getChildren(children[3])[17]).description ===
        'input · group 2 · UI receiver · CI 0x02',
    );
    const info = provider()
      .getChildren(children[2])
      .map((node) => `${labelOf(item(node))}: ${String(item(node).description)}`);
    assert.ok(info.includes(`Name: ${deviceName}`), info.join('\n'));
    assert.ok(info.includes('Product instance id: TREE-32'), info.join('\n'));
    assert.equal(provider().getParent(blocks[0])?.kind, 'declaredBlocks');
    assert.deepEqual(provider().getParent(endpoint), device);
    // Not listed as a loopback pair as well.
    const loopbacks = provider()
      .getChildren()
      .find((node) => node.kind === 'loopbacks')!;
    assert.ok(
      provider()
        .getChildren(loopbacks)
        .every((node) => !labelOf(item(node)).includes(deviceName)),
    );
  });

  it('Discover Endpoint on its endpoint shows the discovered result under it, as for any endpoint', async () => {
    const endpoint = await waitFor('the endpoint row', () => childrenByKind('endpoint'));
    assert.ok(endpoint.kind === 'endpoint');
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      state: string;
      functionBlocks: number[];
      problems: string[];
    }>('midiScope.discoverEndpoint', endpoint);
    assert.equal(result.ok, true);
    assert.equal(result.state, 'complete');
    assert.equal(result.functionBlocks.length, 32);
    assert.deepEqual(result.problems, []);
    const discovered = await waitFor('the discovered rows', () => {
      const node = childrenByKind('endpoint');
      const labels = node
        ? provider()
            .getChildren(node)
            .map((child) => labelOf(item(child)))
        : [];
      return labels.length === 33 ? labels : undefined;
    });
    assert.equal(discovered[0], 'Endpoint info');
    assert.equal(discovered[32], `31: ${blockName(31)}`);
    assert.match(String(item(childrenByKind('endpoint')!).description), /discovered$/);
  });

  it('follows a changed declaration, and Remove Virtual Device takes it out of the tree', async () => {
    const before = api.virtualDevices.devices.find((d) => d.declaration.endpointName === deviceName);
    assert.ok(before);
    await declare([declaration('Renamed first block')]);
    await waitFor('the renamed block', () => {
      const blocks = childrenByKind('declaredBlocks');
      return blocks && labelOf(item(provider().getChildren(blocks)[0])) === '0: Renamed first block';
    });
    // The same device and endpoint took the new declaration in place (#11): the engine's
    // information of its endpoint, which the OS is shown, has the new block name.
    const after = api.virtualDevices.devices.find((d) => d.declaration.endpointName === deviceName);
    assert.equal(after, before);
    const listed = api.engine.MidiEndpointDeviceInformation.findAll().find(
      (endpoint) => endpoint.endpointDeviceId === before.endpointDeviceId,
    );
    assert.equal(listed?.functionBlocks.length, 32);
    assert.equal(listed?.functionBlocks[0].name, 'Renamed first block');
    const device = deviceNode()!;
    assert.ok(device.kind === 'virtualDevice');
    const removed = await vscode.commands.executeCommand<{ ok: boolean }>(
      'midiScope.removeVirtualDevice',
      device,
    );
    assert.equal(removed.ok, true);
    await waitFor('the device gone from the tree', () => deviceNode() === undefined);
    assert.ok(
      api.virtualDevices.devices.every((candidate) => candidate.declaration.endpointName !== deviceName),
    );
  });
});
