// Network MIDI 2.0 with a host found over mDNS, as a person uses it in the workbench: another
// process runs a host and Avahi advertises it as `_midi2._udp` (test/e2e/mdnsPeer.ts); the user
// opens Connect to Network Host from the Network view, picks the host the browse found, the
// session comes up, a message sent from the editor goes to the host, which echoes it, and the
// monitor on the session shows it. Once with the host on lo (127.0.0.1), once with it in a
// namespace of its own behind a veth pair (10.77.0.2), an address that is not the client's. mDNS is
// multicast, so this spec runs only inside the network namespace scripts/harness/run-e2e.mjs makes
// for *.netns.e2e specs (only lo; the workbench, code-server and Chromium are in it too), and
// refuses to run anywhere else.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { startMdnsPeer, type MdnsPeer, type PeerPlace } from './mdnsPeer';
import { monitorFrame } from './monitorFrame';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const sendFile = 'network-mdns-e2e.ump';

const places: readonly { place: PeerPlace; title: string }[] = [
  { place: 'lo', title: 'on lo' },
  // The host at another address, in a namespace of its own behind a veth pair.
  { place: 'veth', title: 'behind a veth link' },
];

for (const { place, title } of places) {
  describe(`network: a client connects to a host that mDNS found ${title} (in a network namespace of the run's own)`, function () {
    let peer: MdnsPeer;
    let workbench: Workbench;
    let address = '';

    before(async () => {
      peer = await startMdnsPeer(`Interop host ${title} (Avahi)`, place);
      address = peer.address.replace(/\./g, '\\.');
      workbench = await launchWorkbench({
        settings: {
          'midiScope.network.client.endpointName': 'E2E mDNS Client',
          'midiScope.network.client.discoverHosts': true,
        },
        workspaceFiles: { [sendFile]: '0x40903C00 0xC9240000     // MIDI 2.0 Note On\n' },
      });
      // The README's screenshots are 1440x900.
      await workbench.page.setViewportSize({ width: 1440, height: 900 });
    });

    afterEach(async function () {
      const test = this.currentTest;
      if (test?.state === 'failed' && workbench) {
        await workbench.screenshot(
          `network-mdns-${place}-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 50)}`,
        );
        await workbench.page.keyboard.press('Escape');
      }
    });

    after(async () => {
      await workbench?.close();
      await peer?.stop();
    });

    function treeRow(text: string | RegExp): Locator {
      return workbench.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text });
    }

    it('lists the host Avahi advertises in the Connect prompt, with its address, port and product instance id', async () => {
      await workbench.openMidiView();
      const header = workbench.page.locator('.part.sidebar .pane-header', { hasText: 'Network MIDI 2.0' });
      await header.hover();
      await header.locator('.action-label[aria-label="Connect to Network Host"]').click();
      const found = workbench.page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ hasText: peer.endpointName });
      await found.first().waitFor({ state: 'visible', timeout: timeoutMs });
      const text = (await found.first().textContent()) ?? '';
      assert.match(text, new RegExp(`${address}:${peer.port}`));
      assert.match(text, new RegExp(peer.productInstanceId));
      assert.equal(await found.count(), 1, 'the host is listed once');
      // The browse ends by itself (3 s); the picture shows the list it ends with, the host chosen
      // with the keyboard, and Enter picks it.
      await waitFor(
        'the mDNS browse to end',
        async () =>
          (await workbench.page.locator('.quick-input-widget .quick-input-progress.active').count()) === 0,
        { timeoutMs },
      );
      await workbench.page.locator('.quick-input-widget .quick-input-box input').press('ArrowDown');
      await waitFor(
        'the found host to be the chosen row',
        async () => ((await found.first().getAttribute('class')) ?? '').split(' ').includes('focused'),
        { timeoutMs },
      );
      if (place === 'lo') await workbench.screenshot('network-mdns-pick');
      await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
      await treeRow(new RegExp(`→ ${peer.endpointName}.*${address}:${peer.port} · established`))
        .first()
        .waitFor({ state: 'visible', timeout: timeoutMs });
      // Its session, below it, with an RTT once pinged.
      await treeRow(
        new RegExp(`^${peer.endpointName}.*${address}:${peer.port} · established · RTT [\\d.]+ (µs|ms)`),
      )
        .first()
        .waitFor({ state: 'visible', timeout: timeoutMs });
      const session = await waitFor(
        'the peer host to log the session',
        () => peer.events().find((event) => event.event === 'session'),
        { timeoutMs },
      );
      assert.equal((session.peer as { endpointName?: string }).endpointName, 'E2E mDNS Client');
    });

    it("sends from the editor to the session and sees the host's echo in a monitor on it", async () => {
      await workbench.runCommand('MIDI: Open Monitor');
      await workbench.page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ hasText: peer.endpointName })
        .click();
      await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
      const monitor = await monitorFrame(workbench.page, timeoutMs);
      await monitor.locator('[data-counter="received"]').waitFor({ state: 'visible', timeout: timeoutMs });

      await workbench.openFile(sendFile);
      await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await workbench.page.keyboard.press('Control+A');
      await workbench.runCommand('MIDI: Send Selection as UMP');
      await workbench.quickInput(peer.endpointName);

      await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
      const shown = await waitFor(
        'the echoed Note On in the monitor',
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
        /\| MIDI Scope interop host \| 1 \| 1 \| 4 \| Note On \| 40903C00 C9240000 \| note 60 vel 0xC924$/,
      );
      // The host got it from the network before echoing it.
      const received = peer.events().find((event) => event.event === 'ump');
      assert.deepEqual(received?.words, ['40903c00', 'c9240000']);
    });
  });
}
