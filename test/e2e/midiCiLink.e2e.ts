// MIDI-CI replies linked to their requests in the monitor, in the real workbench: a Discovery and a
// Property Exchange Get, each followed later by its reply, are sent from an editor to the
// diagnostics loopback; the detail pane of a request goes to its reply, and the reply's back to it.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import {
  BROADCAST_MUID,
  MidiCiMessageType as T,
  buildDiscovery,
  buildDiscoveryReply,
  buildPropertyExchangeChunk,
  midiCiPackets,
} from '../../src/midici';
import type { Workbench } from './workbench';
import { monitorFrame as findMonitorFrame } from './monitorFrame';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const sendFile = 'midi-ci-link.ump';
const host = 0x0123456;
const device = 0x0654321;
const identity = { manufacturer: [0x7d, 0, 0], family: 1, model: 2, softwareRevision: [0, 0, 0, 1] };
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const pe = (type: T.PropertyGet | T.PropertyGetReply, from: number, to: number, header: string) =>
  buildPropertyExchangeChunk(
    type,
    { sourceMuid: from, destinationMuid: to },
    {
      requestId: 5,
      header: ascii(header),
      chunkCount: 1,
      chunkNumber: 1,
      data: [],
    },
  );
const messages = [
  buildDiscovery(
    { sourceMuid: host, destinationMuid: BROADCAST_MUID },
    { ...identity, categories: 0x0c, maxSysExSize: 512 },
  ),
  pe(T.PropertyGet, host, device, '{"resource":"DeviceInfo"}'),
  buildDiscoveryReply(
    { sourceMuid: device, destinationMuid: host },
    { ...identity, categories: 0x0c, maxSysExSize: 512 },
  ),
  pe(T.PropertyGetReply, device, host, '{"status":200}'),
];
const hex = messages
  .flatMap((body) => midiCiPackets(0, body))
  .map((packet) => Array.from(packet, (w) => `0x${w.toString(16).toUpperCase().padStart(8, '0')}`).join(' '))
  .join('\n');

describe('monitor: MIDI-CI replies linked to their requests', function () {
  let workbench: Workbench;
  let monitor: Frame;

  before(async () => {
    workbench = await launchWorkbench({ workspaceFiles: { [sendFile]: `0x20903C64\n${hex}\n` } });
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) await workbench.screenshot('midi-ci-link-failed');
  });

  after(async () => {
    await workbench?.close();
  });

  const monitorFrame = (): Promise<Frame> => findMonitorFrame(workbench.page, timeoutMs);

  /** The focused row's label, as screen readers get it. */
  async function focusedLabel(): Promise<string> {
    const active = await monitor.locator('.grid').getAttribute('aria-activedescendant');
    return active ? ((await monitor.locator(`#${active}`).getAttribute('aria-label')) ?? '') : '';
  }

  async function follow(button: RegExp, target: RegExp): Promise<void> {
    const link = monitor.locator('.details .midi-ci-link button', { hasText: button });
    await link.waitFor({ state: 'visible', timeout: timeoutMs });
    await link.click();
    let label = '';
    await waitFor(
      `the focus on ${String(target)}`,
      async () => {
        label = await focusedLabel();
        return target.test(label);
      },
      { timeoutMs, detail: () => `focused: ${label}` },
    );
  }

  it('goes from a request to its reply and back, by MUID and request id', async () => {
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    monitor = await monitorFrame();
    await workbench.openFile(sendFile);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await workbench.quickInput('Diagnostics Loopback A');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    monitor = await monitorFrame();
    await waitFor(
      'the five rows',
      async () => (await monitor.locator('.grid-rows .grid-row:not([hidden])').count()) === 5,
      { timeoutMs },
    );
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('Home');
    await grid.press('ArrowDown'); // the Discovery
    assert.match(await focusedLabel(), /MIDI-CI Discovery/);
    await follow(/Go to its reply/, /Reply to Discovery/);
    await workbench.screenshot('midi-ci-link-01-reply');
    await follow(/Go to its request/, /MIDI-CI Discovery/);
    await grid.press('ArrowDown'); // the Get, request id 5
    await follow(/Go to its reply \(to MUID 0x0123456, request id 5\)/, /Reply to Get Property Data/);
    await follow(/Go to its request/, /Inquiry: Get Property Data/);
  });
});
