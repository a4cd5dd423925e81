// Network MIDI 2.0 as a person uses it in the workbench: start the host, connect a client to it
// from the palette or the Network view's title, answer the authentication prompts in place, send
// from an editor to the client's session endpoint and see the message in a monitor opened on the
// host's session endpoint. One workbench per authentication mode (the host reads its mode when it
// starts); the host's secret goes into SecretStorage through "Set Network Host Secret". The host
// binds 127.0.0.1 on a free port, and mDNS browsing is off: nothing leaves this machine.
import * as assert from 'node:assert/strict';
import type { Frame, Locator } from 'playwright-core';
import type { Workbench } from './workbench';
import { monitorFrame as findMonitorFrame } from './monitorFrame';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const sendFile = 'network-e2e.ump';

interface Mode {
  readonly name: 'none' | 'sharedSecret' | 'user';
  /** What the host row says about authentication. */
  readonly shown: string;
  readonly hostSecret?: string;
  /** What the client types into the prompts, in order. */
  readonly answers: readonly string[];
  /** Connect from the Network view's title button instead of the palette. */
  readonly fromViewTitle: boolean;
}

const modes: readonly Mode[] = [
  { name: 'none', shown: 'no authentication', answers: [], fromViewTitle: false },
  {
    name: 'sharedSecret',
    shown: 'sharedSecret',
    hostSecret: 's3cret-e2e',
    answers: ['s3cret-e2e', 'Do not remember'],
    fromViewTitle: true,
  },
  {
    name: 'user',
    shown: 'user',
    hostSecret: 'pässwörd',
    answers: ['ada', 'pässwörd', 'Remember in VS Code secret storage'],
    fromViewTitle: false,
  },
];

for (const mode of modes) {
  describe(`network: a client connects to the host in the workbench (authentication: ${mode.name})`, function () {
    let workbench: Workbench;
    let hostPort = 0;
    let clientPort = 0;

    before(async () => {
      workbench = await launchWorkbench({
        settings: {
          'midiScope.network.host.port': 0,
          'midiScope.network.host.endpointName': 'E2E Host',
          'midiScope.network.host.productInstanceId': 'E2E-HOST-1',
          'midiScope.network.host.authentication': mode.name,
          'midiScope.network.host.userName': 'ada',
          'midiScope.network.client.endpointName': 'E2E Client',
          'midiScope.network.client.discoverHosts': false,
        },
        workspaceFiles: { [sendFile]: '0x40903C00 0xC9240000     // MIDI 2.0 Note On\n' },
      });
      // The README's screenshot of a session is 1440x900.
      await workbench.page.setViewportSize({ width: 1440, height: 900 });
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && workbench) {
        await workbench.screenshot(
          `network-${mode.name}-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 50)}`,
        );
        await workbench.page.keyboard.press('Escape');
      }
    });

    after(async () => {
      await workbench?.close();
    });

    function treeRow(text: string | RegExp): Locator {
      return workbench.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text });
    }

    async function seeTreeRow(text: string | RegExp): Promise<string> {
      const row = treeRow(text).first();
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      return (await row.textContent()) ?? '';
    }

    it('starts the host on 127.0.0.1 and shows its address and authentication in the Network view', async () => {
      await workbench.openMidiView();
      await seeTreeRow(/Network host.*not running/);
      if (mode.hostSecret !== undefined) {
        await workbench.runCommand('MIDI: Set Network Host Secret');
        await workbench.quickInput(mode.hostSecret);
      }
      await workbench.runCommand('MIDI: Start Network Host');
      const row = await seeTreeRow(
        new RegExp(`Network host.*E2E Host · 127\\.0\\.0\\.1:\\d+ · ${mode.shown}`),
      );
      hostPort = Number(/127\.0\.0\.1:(\d+)/.exec(row)?.[1]);
      assert.ok(hostPort > 0, `the host row names its port: ${row}`);
    });

    it('connects a client, answering the host in place, and shows both sides of the session', async () => {
      if (mode.fromViewTitle) {
        const header = workbench.page.locator('.part.sidebar .pane-header', { hasText: 'Network MIDI 2.0' });
        await header.hover();
        await header.locator('.action-label[aria-label="Connect to Network Host"]').click();
      } else {
        await workbench.runCommand('MIDI: Connect to Network Host');
      }
      await workbench.quickInput(`127.0.0.1:${hostPort}`);
      for (const answer of mode.answers) await workbench.quickInput(answer);
      // The client, under its host's name, with the host's address; its session below it, with
      // an RTT once pinged.
      await seeTreeRow(new RegExp(`→ E2E Host.*127\\.0\\.0\\.1:${hostPort} · established`));
      await seeTreeRow(
        new RegExp(`^E2E Host.*127\\.0\\.0\\.1:${hostPort} · established · RTT [\\d.]+ (µs|ms)`),
      );
      // The host's side: a session with the client, named after the client, open.
      const session = await seeTreeRow(/E2E Client.*127\.0\.0\.1:\d+ · established/);
      clientPort = Number(/127\.0\.0\.1:(\d+)/.exec(session)?.[1]);
      assert.ok(
        clientPort > 0 && clientPort !== hostPort,
        `the host's session names the client's port: ${session}`,
      );
      // Both session endpoints are also endpoints in the Endpoints view, under the transport.
      await seeTreeRow(/^Network MIDI 2\.0/);
      await seeTreeRow(new RegExp(`E2E Host.*127\\.0\\.0\\.1:${hostPort} · MIDI 2\\.0`));
      await seeTreeRow(new RegExp(`E2E Client.*127\\.0\\.0\\.1:${clientPort} · MIDI 2\\.0`));
    });

    it("sends from the editor to the client's session and sees it in a monitor on the host's session", async () => {
      await workbench.runCommand('MIDI: Open Monitor');
      await workbench.pickRow('E2E Client');
      await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
      const monitor = await monitorFrame();
      await monitor.locator('[data-counter="received"]').waitFor({ state: 'visible', timeout: timeoutMs });

      await workbench.openFile(sendFile);
      await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await workbench.page.keyboard.press('Control+A');
      await workbench.runCommand('MIDI: Send Selection as UMP');
      await workbench.quickInput('E2E Host');

      await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
      const shown = await waitFor(
        'the Note On in the monitor of the host session',
        async () => {
          const texts = await monitor.evaluate<string[]>(`(() =>
            [...document.querySelectorAll('.grid-rows .grid-row:not([hidden]):not(.loading)')]
              .map((row) => [...row.querySelectorAll('.grid-cell')].map((cell) => cell.textContent).join(' | ')))()`);
          return texts.find((text) => /Note On/.test(text));
        },
        { timeoutMs },
      );
      assert.match(
        shown,
        /\| E2E Client \| 1 \| 1 \| 4 \| Note On \| 40903C00 C9240000 \| note 60 vel 0xC924$/,
      );
      // The tree counts it on both sides: open each session's counters.
      await workbench.openMidiView();
      await expand(new RegExp(`^E2E Host.*127\\.0\\.0\\.1:${hostPort} · established`));
      await seeTreeRow(/^UMP\s*in 0 · out 1/);
      await expand(/^E2E Client.*· established/);
      await seeTreeRow(/^UMP\s*in 1 · out 0/);
      await seeTreeRow(/^Recovery\s*FEC 0 · retransmitted 0 · lost 0/);
      if (mode.name === 'none') {
        // A wider side bar, so the screenshot shows whole rows (drag its edge, as a person does).
        const sideBar = await workbench.page.locator('.part.sidebar').boundingBox();
        if (sideBar) {
          const edge = { x: sideBar.x + sideBar.width + 1, y: sideBar.y + sideBar.height / 2 };
          await workbench.page.mouse.move(edge.x, edge.y);
          await workbench.page.mouse.down();
          await workbench.page.mouse.move(edge.x + 220, edge.y, { steps: 5 });
          await workbench.page.mouse.up();
          await workbench.page.mouse.move(edge.x + 600, edge.y + 300);
        }
        await workbench.screenshot('network-session-in-tree');
      }
    });

    it('ends the session with Bye from the tree and the host lists it as ended', async () => {
      // The row's inline action, shown while the pointer is over the row.
      const client = treeRow(/→ E2E Host/).first();
      await client.hover();
      const bye = client.locator('.action-label[aria-label="End Network Session (Bye)"]');
      await bye.waitFor({ state: 'visible', timeout: timeoutMs });
      // While the sessions ping, the tree redraws their rows every second: the click must still
      // reach this row's session (it once ended the host's, when a redraw of the whole tree left
      // the action without its row for a moment).
      await bye.click();
      await seeTreeRow(/E2E Client.*ended: Bye from the peer/);
      await seeTreeRow(new RegExp(`→ E2E Host.*127\\.0\\.0\\.1:${hostPort} · `));
    });

    /** Opens a collapsed tree row, as a person does with the keyboard. */
    async function expand(text: RegExp): Promise<void> {
      const row = treeRow(text).first();
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      if ((await row.getAttribute('aria-expanded')) === 'true') return;
      await row.click();
      await workbench.page.keyboard.press('ArrowRight');
      await waitFor('the row to open', async () => (await row.getAttribute('aria-expanded')) === 'true', {
        timeoutMs,
      });
    }

    const monitorFrame = (): Promise<Frame> => findMonitorFrame(workbench.page, timeoutMs);
  });
}
