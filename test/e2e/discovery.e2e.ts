// Endpoint discovery as a person runs it in the workbench: a virtual device from the settings,
// under its own Virtual devices group with its declared blocks before any discovery, Discover
// Endpoint from its endpoint's context menu, the result in the tree and in the detail view, and a
// MIDI-CI Get Property whose JSON opens in an editor. The screenshots go into the README.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;

const virtualDevice = {
  endpointName: 'E2E Virtual Synth',
  productInstanceId: 'E2E-0001',
  deviceIdentity: { manufacturer: [0x7d, 0, 0], family: 1, model: 2, softwareRevision: [1, 0, 0, 0] },
  functionBlocks: [
    { name: 'Keyboard', firstGroup: 0, direction: 'output', uiHint: 'sender' },
    { name: 'Synth engine', firstGroup: 1, groupCount: 2, direction: 'input', uiHint: 'receiver' },
    { name: 'DIN MIDI 1.0 port', firstGroup: 3, direction: 'bidirectional', midi1: 'midi1Restricted' },
    { name: 'Control surface', firstGroup: 4, direction: 'bidirectional', active: false },
  ],
};

/** An editor's text as shown: Monaco draws spaces as no-break spaces. */
const editorText = (text: string | null): string => (text ?? '').replace(/\u00a0/g, ' ');

describe('discovery: a virtual device discovered in the workbench', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench({ settings: { 'midiScope.virtualDevices': [virtualDevice] } });
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`discovery-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
      await workbench.page.keyboard.press('Escape');
    }
  });

  after(async () => {
    await workbench?.close();
  });

  function treeRow(text: string | RegExp): Locator {
    return workbench.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text });
  }

  async function seeTreeRow(text: string | RegExp): Promise<Locator> {
    const row = treeRow(text).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    return row;
  }

  async function contextMenu(row: Locator, action: string): Promise<void> {
    await row.click({ button: 'right' });
    const item = workbench.page.locator('.context-view .action-menu-item', { hasText: action });
    await item.first().hover();
    await workbench.page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  const blockNames = ['0: Keyboard', '1: Synth engine', '2: DIN MIDI 1.0 port', '3: Control surface'];

  it('shows the virtual device under Virtual devices with its sides and declared blocks, before discovery', async () => {
    await workbench.openMidiView();
    await seeTreeRow(/^Virtual devices.*1 device/);
    await seeTreeRow(/E2E Virtual Synth.*4 blocks · from settings/);
    await seeTreeRow(/endpoint · E2E Virtual Synth.*virtual-e2e-virtual-synth-host/);
    await seeTreeRow(/device · E2E Virtual Synth \(device side\)/);
    await seeTreeRow(/Declared function blocks.*4 · static/);
    for (const block of blockNames) await seeTreeRow(block);
    assert.match(
      (await treeRow('1: Synth engine').first().textContent()) ?? '',
      /input · groups 2–3 · UI receiver/,
    );
    assert.match((await treeRow('3: Control surface').first().textContent()) ?? '', /inactive/);
    assert.equal(await treeRow(/^Endpoint info/).count(), 0);
    // Not listed under Loopbacks as well.
    assert.equal(await treeRow('No loopback pairs yet').count(), 1);
    await workbench.screenshot('discovery-00-virtual-device');
  });

  it('discovers the virtual device from its context menu and shows the function blocks under it', async () => {
    const endpoint = await seeTreeRow('virtual-e2e-virtual-synth-host');
    await contextMenu(endpoint, 'Discover Endpoint');
    await seeTreeRow(/^Endpoint info.*complete · 4 blocks/);
    // Each block now shows twice: discovered under the endpoint, declared under the device.
    for (const block of blockNames) {
      await waitFor(`${block} discovered and declared`, async () => (await treeRow(block).count()) === 2, {
        timeoutMs,
        detail: () => 'the block did not show both discovered and declared',
      });
    }
    assert.match((await treeRow('1: Synth engine').first().textContent()) ?? '', /input · groups 2–3/);
    assert.match((await treeRow('3: Control surface').first().textContent()) ?? '', /inactive/);
    // Open one block to show its fields.
    await treeRow('2: DIN MIDI 1.0 port').first().click();
    await workbench.page.keyboard.press('ArrowRight');
    await seeTreeRow(/MIDI 1\.0.*MIDI 1\.0 at 31\.25 kb\/s/);
    await workbench.screenshot('discovery-01-tree');
  });

  it('opens every field, raw and decoded, from the endpoint info', async () => {
    await (await seeTreeRow(/^Endpoint info/)).click();
    const editor = workbench.page.locator('.editor-instance .view-lines').first();
    await waitFor(
      'the discovery details in an editor',
      async () => editorText(await editor.textContent()).includes('Endpoint discovery: E2E Virtual Synth'),
      { timeoutMs, detail: () => 'no editor showed the details' },
    );
    await workbench.screenshot('discovery-02-details');
  });

  it('gets DeviceInfo over MIDI-CI Property Exchange and opens it as JSON', async () => {
    const endpoint = await seeTreeRow('virtual-e2e-virtual-synth-host');
    await contextMenu(endpoint, 'Get Property');
    await workbench.quickInput('Group 1');
    await workbench.quickInput('DeviceInfo');
    const editor = workbench.page.locator('.editor-instance .view-lines').first();
    await waitFor(
      'the DeviceInfo JSON in an editor',
      async () => editorText(await editor.textContent()).includes('"serialNumber": "E2E-0001"'),
      { timeoutMs, detail: () => 'no editor showed the DeviceInfo JSON' },
    );
    await workbench.screenshot('discovery-03-midi-ci-device-info');
  });
});
