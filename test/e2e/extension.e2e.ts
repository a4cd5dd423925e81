// MIDI Scope's main path as a person takes it in a real workbench: the MIDI view with its
// diagnostics loopbacks, a loopback pair made through the quick input, hex selected in an editor
// and sent (and seen arriving in a monitor), a schedule shown and cancelled from the status bar,
// and a persistent pair that is still there after the window reloads.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;

const sendFile = 'e2e-send.ump';
/** deactivate() appends its summary here (src/extension/deactivationReport.ts). */
const deactivationReport = join(mkdtempSync(join(tmpdir(), 'midi-scope-e2e-deactivation-')), 'report.txt');
const brokenFile = 'e2e-broken.ump';

describe('extension: endpoints, pairs and sends in the workbench', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench({
      env: { MIDI_SCOPE_DEACTIVATION_REPORT: deactivationReport },
      workspaceFiles: {
        [sendFile]: '0x20903C64  // Note On, note 60, velocity 100\n0x20803C40  // Note Off\n',
        [brokenFile]: '0x20903C64\n0x2090XY64\n',
      },
    });
  });

  afterEach(async function () {
    // What the screen showed when a spec failed, for whoever reads the test output.
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`extension-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
      // Leave no menu or quick input open to trip the next spec.
      await workbench.page.keyboard.press('Escape');
    }
  });

  after(async () => {
    await workbench?.close();
  });

  /** The row of the endpoints tree whose text contains `text`. */
  function treeRow(text: string): Locator {
    return workbench.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text });
  }

  async function seeTreeRow(text: string): Promise<Locator> {
    const row = treeRow(text);
    await row.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return row.first();
  }

  async function seeNotification(pattern: RegExp): Promise<string> {
    return waitFor(
      `a notification matching ${String(pattern)}`,
      async () => (await workbench.notifications()).find((message) => pattern.test(message)),
      { timeoutMs, detail: () => 'notifications on screen did not match' },
    );
  }

  async function selectAllInEditor(file: string): Promise<void> {
    await workbench.openFile(file);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+A');
  }

  /**
   * Answers the quick input step that shows `stepText` (its title or prompt). Waiting for the
   * step first matters: typing as soon as the previous Enter was pressed can land in the
   * previous step's box while it is still on screen.
   */
  async function answer(stepText: string, value: string): Promise<void> {
    await workbench.page
      .locator('.quick-input-widget')
      .filter({ hasText: stepText })
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.quickInput(value);
  }

  async function createPairThroughQuickInput(name: string, uniqueId: string, keep: string): Promise<void> {
    await workbench.runCommand('MIDI: Create Loopback Pair');
    const answers = [`${name} A`, `${name} B`, '', '', `${uniqueId}-A`, `${uniqueId}-B`, keep];
    for (const [index, value] of answers.entries()) await answer(`(${index + 1}/${answers.length})`, value);
  }

  it('groups endpoints by transport: Loopbacks, then Diagnostics with its A and B sides', async () => {
    await workbench.openMidiView();
    for (const text of [
      'Loopbacks',
      'Diagnostics',
      'A · Diagnostics Loopback A',
      'B · Diagnostics Loopback B',
    ]) {
      await seeTreeRow(text);
    }
    assert.match(
      (await treeRow('Diagnostics Loopback A').first().textContent()) ?? '',
      /midiscope-diagnostics-loopback-a/,
    );
    await workbench.screenshot('extension-01-midi-view');
  });

  it('refuses a duplicate name in the quick input, then creates a transient pair', async () => {
    await workbench.runCommand('MIDI: Create Loopback Pair');
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('Diagnostics Loopback A');
    const message = workbench.page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: 'already exists' }).waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.screenshot('extension-02-duplicate-name-refused');
    await workbench.page.keyboard.press('Escape');
    await waitFor('the quick input to close', async () => !(await input.isVisible()), { timeoutMs });

    await createPairThroughQuickInput('E2E Synth', 'E2E-SYNTH', 'Transient');
    const pair = await seeTreeRow('A E2E Synth A ↔ B E2E Synth B');
    assert.match((await pair.textContent()) ?? '', /transient/);
    await seeTreeRow('B · E2E Synth B');
    await seeTreeRow('E2E-SYNTH-B');
    await seeNotification(/Created loopback pair "E2E Synth A" ↔ "E2E Synth B" \(transient/);
    await workbench.screenshot('extension-03-transient-pair');
  });

  it("copies an endpoint's id from its context menu", async () => {
    const { page } = workbench;
    // VS Code in the browser writes through the page's clipboard, which needs the permission.
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workbench.url).origin });
    const row = await seeTreeRow('A · E2E Synth A');
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .action-menu-item', { hasText: 'Copy Endpoint Id' });
    await item.hover();
    await page.keyboard.press('Enter');
    await item.waitFor({ state: 'hidden', timeout: timeoutMs });
    const copied = await waitFor(
      'the endpoint id on the clipboard',
      async () => {
        const text = await page.evaluate<string>('navigator.clipboard.readText()');
        return text.startsWith('midiscope://') && text;
      },
      { timeoutMs, detail: () => 'the clipboard did not receive an endpoint id' },
    );
    assert.equal(copied, 'midiscope://loopback/E2E-SYNTH-A');
  });

  /** The first frame of the page (webviews are nested iframes) that has `selector`. */
  async function frameWith(what: string, selector: string): Promise<Frame> {
    return waitFor(
      what,
      async () => {
        for (const frame of workbench.page.frames()) {
          if (
            (await frame
              .locator(selector)
              .count()
              .catch(() => 0)) > 0
          )
            return frame;
        }
        return undefined;
      },
      { timeoutMs, detail: () => `no frame of the page has ${selector}` },
    );
  }

  it('sends hex selected in an editor; a monitor on the other side shows it arrive', async () => {
    // Open a monitor on B from the tree's inline action: what is sent to A arrives on B.
    const rowB = await seeTreeRow('B · E2E Synth B');
    await seeTreeRow('E2E-SYNTH-B');
    await rowB.hover();
    await rowB.locator('.action-label[aria-label^="Open Monitor"]').click();
    const monitor = await frameWith('the monitor webview', '[data-counter="received"]');
    // The loaded webview holds the keyboard focus, and F1 inside it does not reach the workbench.
    await rowB.click();
    await selectAllInEditor(sendFile);
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await answer('arrives on', 'E2E Synth A');
    await seeNotification(/^Sent 2 messages, 2 words to E2E Synth A\.$/);
    await workbench.page.locator('.tabs-container .tab').filter({ hasText: 'MIDI Monitor' }).click();
    await monitor.getByText('Note Off').first().waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.screenshot('extension-04-sent-and-received');
  });

  it('selects the offending token and says where when the hex does not parse', async () => {
    await selectAllInEditor(brokenFile);
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await seeNotification(/UMP parse error at e2e-broken\.ump:2:1: /);
    await workbench.screenshot('extension-05-parse-error');
  });

  it('shows scheduled messages in the status bar and cancels them from there', async () => {
    await selectAllInEditor(sendFile);
    await workbench.runCommand('MIDI: Schedule Selection as UMP');
    await answer('arrives on', 'E2E Synth A');
    await answer('Delay before the first message', '60000');
    await answer('Spacing between messages', '0');
    const pending = workbench.page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: '2 scheduled' });
    await pending.waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.screenshot('extension-06-scheduled-in-status-bar');
    await pending.click();
    await seeNotification(/^Cancelled 2 scheduled messages\.$/);
    await pending.waitFor({ state: 'hidden', timeout: timeoutMs });
  });

  it('keeps a persistent pair across a window reload, the old host deactivated cleanly; the transient one is gone', async () => {
    await createPairThroughQuickInput('E2E Kept', 'E2E-KEPT', 'Persistent');
    assert.match((await (await seeTreeRow('A E2E Kept A ↔ B E2E Kept B')).textContent()) ?? '', /persistent/);
    await workbench.reload();
    // The reload deactivated MIDI Scope in the old extension host: its engine stopped cleanly.
    await waitFor(
      'the previous extension host to report that MIDI Scope deactivated',
      () =>
        existsSync(deactivationReport) &&
        /deactivated in [\d.]+ ms: connections closed, engine threads joined/.test(
          readFileSync(deactivationReport, 'utf8'),
        ),
      {
        timeoutMs,
        detail: () =>
          existsSync(deactivationReport) ? readFileSync(deactivationReport, 'utf8') : 'no report',
      },
    );
    await workbench.openMidiView();
    const kept = await seeTreeRow('A E2E Kept A ↔ B E2E Kept B');
    assert.match((await kept.textContent()) ?? '', /persistent/);
    assert.equal(await treeRow('A E2E Synth A ↔ B E2E Synth B').count(), 0);
    await workbench.screenshot('extension-07-persistent-pair-after-reload');
  });
});
