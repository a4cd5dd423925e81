// The tree and the commands are transport-neutral: a transport other than loopbacks, present in
// this extension host (a JS transport registered through the engine's public seam, as Network
// MIDI 2.0 registers itself), gets its own group with its endpoints and their function blocks,
// and Send, Open Monitor and the monitor's capture work on its endpoints as on loopbacks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { MidiJsTransport } from '../../../src/engine';
import type { EndpointsTreeNode } from '../../../src/views/endpoints/endpointsTreeNodes';
import { closeEditors, editorWith, midiScope, waitFor } from './extensionTestSupport';

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('extension: transports other than loopbacks', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;
  let transport: MidiJsTransport;
  let endpointDeviceId: string;
  const sent: number[] = [];

  before(async () => {
    api = await midiScope();
    transport = api.engine.MidiTransports.registerJsTransport('integration-device', {
      onSend: (_endpoint, words) => sent.push(...words),
    });
    endpointDeviceId = transport.addEndpoint({
      localId: 'synth-1',
      name: 'Integration Synth',
      uniqueId: 'integration-synth-1',
      protocol: 'midi2',
      details: [['remote', '127.0.0.1:5673']],
      functionBlocks: [
        {
          number: 0,
          name: 'Keys',
          active: true,
          direction: 3,
          firstGroup: 0,
          groupCount: 2,
          uiHint: 3,
          midi1: 0,
          midiCiVersion: 2,
          maxSysEx8Streams: 0,
        },
        {
          number: 1,
          name: 'Legacy',
          active: false,
          direction: 1,
          firstGroup: 2,
          groupCount: 1,
          uiHint: 1,
          midi1: 1,
          midiCiVersion: 0,
          maxSysEx8Streams: 0,
        },
      ],
    });
  });

  after(async () => {
    for (const monitor of api.monitor.monitors) monitor.dispose();
    await closeEditors();
    transport.dispose();
  });

  const provider = () => api.endpointsProvider;

  function transportGroup(): EndpointsTreeNode | undefined {
    return provider()
      .getChildren()
      .find((node) => node.kind === 'transport' && node.transport === 'integration-device');
  }

  it('shows the transport as a group with its endpoint, its address and protocol, and its function blocks', async () => {
    const group = await waitFor('the transport group', () => transportGroup());
    assert.equal(provider().getTreeItem(group).description, '1 endpoint');
    const [endpoint] = provider().getChildren(group);
    assert.ok(endpoint?.kind === 'endpoint');
    const item = provider().getTreeItem(endpoint);
    assert.equal(labelOf(item), 'Integration Synth');
    assert.equal(item.description, '127.0.0.1:5673 · MIDI 2.0');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const blocks = provider()
      .getChildren(endpoint)
      .map((node) => provider().getTreeItem(node));
    assert.deepEqual(blocks.map(labelOf), ['Keys', 'Legacy']);
    assert.equal(blocks[0]?.description, 'Groups 1–2 · input and output');
    assert.equal(blocks[1]?.description, 'Group 3 · input · MIDI 1.0 · inactive');
    assert.equal(provider().getParent(endpoint)?.kind, 'transport');
  });

  it('sends the selection to the endpoint through the transport', async () => {
    sent.length = 0;
    const editor = await editorWith('0x20903C64 0x40903C00 0xC0000000');
    editor.selection = new vscode.Selection(0, 0, 1, 0);
    const result = await vscode.commands.executeCommand<{ ok: boolean; messagesSent?: number }>(
      'midiScope.sendSelection',
      { endpointDeviceId },
    );
    assert.equal(result.ok, true);
    assert.equal(result.messagesSent, 2);
    await waitFor('the transport got the words', () => sent.length === 3);
    assert.deepEqual(sent, [0x20903c64, 0x40903c00, 0xc0000000]);
  });

  it('monitors what the transport receives on the endpoint', async () => {
    const before = api.monitor.monitors;
    await vscode.commands.executeCommand('midiScope.openMonitor', { endpointDeviceId });
    const monitor = await waitFor('a new monitor', () =>
      api.monitor.monitors.find((m) => !before.includes(m)),
    );
    const delivered = transport.deliver(endpointDeviceId, new Uint32Array([0x20903c64, 0x20803c00]));
    assert.equal(delivered.messagesDelivered, 2);
    await waitFor('the monitor captured both', () => monitor.counters.received === 2);
  });

  it('takes the endpoint away when the transport removes it', async () => {
    transport.removeEndpoint(endpointDeviceId);
    await waitFor('the group to empty', () => {
      const group = transportGroup();
      return group !== undefined && provider().getChildren(group).length === 0 ? group : undefined;
    });
  });
});
