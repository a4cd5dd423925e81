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

  /** A notification that matches and whose text fits its toast: nothing of it is cut off. */
  async function seeWholeNotification(pattern: RegExp): Promise<string> {
    const text = await seeNotification(pattern);
    const cut = await workbench.page.evaluate<boolean>(`[...document.querySelectorAll(
      '.notifications-toasts .notification-list-item-message')].some((element) =>
      element.textContent.trim() === ${JSON.stringify(text)} && element.scrollWidth > element.clientWidth)`);
    assert.equal(cut, false, `the notification "${text}" is cut off`);
    return text;
  }

  async function noNotification(pattern: RegExp): Promise<void> {
    let seen: string[] = [];
    await waitFor(
      `no notification matching ${String(pattern)}`,
      async () => {
        seen = await workbench.notifications();
        return !seen.some((message) => pattern.test(message));
      },
      { timeoutMs, detail: () => seen.join(' | ') },
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

  /** The quick input's title as shown, e.g. "Create Loopback Pair (2/3)". */
  async function seeQuickInputTitle(title: string): Promise<void> {
    await workbench.page
      .locator('.quick-input-widget .quick-input-title')
      .filter({ hasText: title })
      .waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** The names, then Create (or Create and Keep) at once: three steps with one title. */
  async function createPairQuickly(name: string, keep: 'Create' | 'Create and Keep'): Promise<void> {
    await workbench.runCommand('MIDI: Create Loopback Pair');
    await seeQuickInputTitle('Create Loopback Pair (1/3)');
    await answer('Create Loopback Pair (1/3)', `${name} A`);
    await answer('Create Loopback Pair (2/3)', `${name} B`);
    await answer('Create Loopback Pair (3/3)', keep);
  }

  /** Behind Options…: descriptions, unique ids and persistence, counted on from the same title. */
  async function createPairWithOptions(name: string, uniqueId: string, keep: string): Promise<void> {
    await workbench.runCommand('MIDI: Create Loopback Pair');
    await answer('Create Loopback Pair (1/3)', `${name} A`);
    await answer('Create Loopback Pair (2/3)', `${name} B`);
    await answer('Create Loopback Pair (3/3)', 'Options');
    const answers = ['', '', `${uniqueId}-A`, `${uniqueId}-B`, keep];
    for (const [index, value] of answers.entries()) {
      await answer(`Create Loopback Pair (${index + 4}/8)`, value);
    }
  }

  /**
   * The rendered labels of the Endpoints view whose name (the part that identifies the row) is
   * cut off: wider than the space the row gives it. Descriptions may be cut; names may not.
   */
  async function cutOffLabels(): Promise<{ labels: string[]; cut: string[] }> {
    // Runs in the page (the specs compile without the DOM's types, so it goes as text).
    return workbench.page.evaluate<{ labels: string[]; cut: string[] }>(`(() => {
      const labels = [];
      const cut = [];
      for (const row of document.querySelectorAll('.part.sidebar .pane-body .monaco-list-row')) {
        const name = row.querySelector('.label-name');
        const container = row.querySelector('.monaco-icon-label-container');
        if (!name || !container) continue;
        const text = (name.textContent || '').trim();
        labels.push(text);
        if (name.getBoundingClientRect().right > container.getBoundingClientRect().right + 0.5) cut.push(text);
      }
      return { labels, cut };
    })()`);
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
    const { labels, cut } = await cutOffLabels();
    assert.ok(labels.includes('A · Diagnostics Loopback A'), labels.join(' | '));
    assert.deepEqual(cut, [], `labels cut off at 1440x900: ${cut.join(' | ')}`);
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

    await createPairWithOptions('E2E Synth', 'E2E-SYNTH', 'Transient');
    // The pair's row is the stem both names share; the rows under it mark A and B.
    const pair = await seeTreeRow('E2E Synth');
    assert.match((await pair.textContent()) ?? '', /^E2E Synth\s*transient/);
    await seeTreeRow('B · E2E Synth B');
    await seeTreeRow('E2E-SYNTH-B');
    await seeWholeNotification(/^Created loopback pair "E2E Synth A" ↔ "E2E Synth B"\.$/);
    // The pair, its sides and every other row: each name whole at 1440x900.
    const { labels, cut } = await cutOffLabels();
    for (const label of ['E2E Synth', 'A · E2E Synth A', 'B · E2E Synth B'])
      assert.ok(labels.includes(label), `${label} not among ${labels.join(' | ')}`);
    assert.deepEqual(cut, [], `labels cut off at 1440x900: ${cut.join(' | ')}`);
    await workbench.screenshot('extension-03-transient-pair');
  });

  it('creates a pair from its two names and Create, one title with step counts', async () => {
    await workbench.runCommand('MIDI: Create Loopback Pair');
    await answer('Create Loopback Pair (1/3)', 'E2E Quick A');
    await answer('Create Loopback Pair (2/3)', 'E2E Quick B');
    await seeQuickInputTitle('Create Loopback Pair (3/3)');
    const items = workbench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await items.filter({ hasText: 'Options' }).waitFor({ state: 'visible', timeout: timeoutMs });
    assert.match(((await items.first().textContent()) ?? '').trim(), /^Create\s*transient/);
    await workbench.screenshot('extension-03b-create-pair-prompt');
    await workbench.page.keyboard.press('Enter');
    await seeTreeRow('E2E Quick');
    await seeWholeNotification(/^Created loopback pair "E2E Quick A" ↔ "E2E Quick B"\.$/);
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
    // The README's picture (docs/images/send-and-monitor.png): the send's toast has been read
    // above; cleared, so that no toast covers the monitor.
    await workbench.runCommand('Notifications: Clear All Notifications');
    const toasts = workbench.page.locator('.notifications-toasts .notification-toast-container');
    let visible = 0;
    await waitFor(
      'no notification toast on screen',
      async () => {
        visible = 0;
        for (const toast of await toasts.all()) if (await toast.isVisible()) visible++;
        return visible === 0;
      },
      { timeoutMs, detail: () => `${visible} toast(s) still on screen` },
    );
    assert.deepEqual(await workbench.notifications(), [], 'no toast when the picture is taken');
    await workbench.screenshot('extension-04-sent-and-received');
  });

  it('selects the offending token and says where when the hex does not parse', async () => {
    await selectAllInEditor(brokenFile);
    await workbench.runCommand('MIDI: Send Selection as UMP');
    // The column of the bad character ('X', column 7) in a sentence short enough for the toast.
    const text = await seeNotification(/^e2e-broken\.ump:2:7: /);
    assert.equal(text, "e2e-broken.ump:2:7: 'X' is not a hex digit. Nothing sent.");
    const cut = await workbench.page.evaluate<boolean>(`[...document.querySelectorAll(
      '.notifications-toasts .notification-list-item-message')].some((element) =>
      element.textContent.includes('e2e-broken.ump:2:7') && element.scrollWidth > element.clientWidth)`);
    assert.equal(cut, false, 'the notification is cut off');
    // The whole report is in the log.
    await waitFor(
      'the whole parse error in the log',
      () =>
        workbench
          .midiScopeLog()
          .some((line) => /e2e-broken\.ump:2:7: .*the token is '0x2090XY64', expected hex digits/.test(line)),
      { timeoutMs, detail: () => workbench.midiScopeLog().join('\n') },
    );
    await workbench.screenshot('extension-05-parse-error');
  });

  it('shows scheduled messages in the status bar and cancels them from there; the notification goes with them', async () => {
    await selectAllInEditor(sendFile);
    await workbench.runCommand('MIDI: Schedule Selection as UMP');
    // One title for the three steps, each with its count.
    await answer('Schedule Selection as UMP (1/3)', 'E2E Synth A');
    await answer('Schedule Selection as UMP (2/3)', '60000');
    await answer('Schedule Selection as UMP (3/3)', '0');
    const pending = workbench.page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: '2 scheduled' });
    await pending.waitFor({ state: 'visible', timeout: timeoutMs });
    await seeNotification(/^Scheduled 2 messages, 2 words to E2E Synth A, in 60000 ms/);
    await workbench.screenshot('extension-06-scheduled-in-status-bar');
    await pending.click();
    await seeNotification(/^Cancelled 2 scheduled messages\.$/);
    await pending.waitFor({ state: 'hidden', timeout: timeoutMs });
    await noNotification(/^Scheduled 2 messages/);
  });

  it('takes the notification of a schedule away once its messages are sent', async () => {
    await selectAllInEditor(sendFile);
    await workbench.runCommand('MIDI: Schedule Selection as UMP');
    await answer('Schedule Selection as UMP (1/3)', 'E2E Synth A');
    await answer('Schedule Selection as UMP (2/3)', '3000');
    await answer('Schedule Selection as UMP (3/3)', '0');
    await seeNotification(/^Scheduled 2 messages, 2 words to E2E Synth A, in 3000 ms/);
    await noNotification(/^Scheduled 2 messages/);
    await workbench.page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: 'scheduled' })
      .waitFor({ state: 'hidden', timeout: timeoutMs });
  });

  it('asks before removing a transient pair with a monitor open on it; Cancel keeps it, Remove shows the monitor it is gone', async () => {
    const { page } = workbench;
    // The monitor on B opened by the send above is still open; the pair is transient.
    const monitor = await frameWith('the monitor webview', '[data-counter="received"]');
    const pairRow = () =>
      page
        .locator('.part.sidebar .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: /^E2E Synth$/ }) });
    const dialog = page
      .locator('.monaco-dialog-box')
      .filter({ hasText: 'Remove loopback pair "E2E Synth A" ↔ "E2E Synth B"?' });
    async function askToRemove(): Promise<void> {
      await pairRow().first().waitFor({ state: 'visible', timeout: timeoutMs });
      await pairRow().first().click({ button: 'right' });
      const item = page.locator('.context-view .action-menu-item', { hasText: 'Remove Loopback Pair' });
      await item.hover();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
    }

    await askToRemove();
    const text = (await dialog.textContent()) ?? '';
    assert.match(text, /A monitor is open on "E2E Synth B": it stops receiving\./);
    assert.doesNotMatch(text, /persistent/);
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
    assert.equal(await pairRow().count(), 1, 'Cancel kept the pair in the tree');
    assert.equal(((await monitor.locator('.endpoint-state').textContent()) ?? '').trim(), '');

    await askToRemove();
    await dialog.locator('.monaco-button', { hasText: 'Remove' }).first().click();
    await seeWholeNotification(/^Removed loopback pair "E2E Synth A" ↔ "E2E Synth B"\.$/);
    await waitFor('the pair to leave the tree', async () => (await pairRow().count()) === 0, { timeoutMs });
    await waitFor(
      'the monitor to say its endpoint is gone',
      async () => /E2E Synth B is gone/.test((await monitor.locator('.endpoint-state').textContent()) ?? ''),
      { timeoutMs },
    );
    const tab = page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor: E2E Synth B (gone)' });
    await tab.waitFor({ state: 'visible', timeout: timeoutMs });
    // Closed, so that the reload below does not bring back a monitor of a pair that is gone.
    await tab.click();
    await workbench.runCommand('View: Close Editor');
    await tab.waitFor({ state: 'hidden', timeout: timeoutMs });
  });

  it('keeps a persistent pair across a window reload, the old host deactivated cleanly; the transient one is gone', async () => {
    await createPairQuickly('E2E Kept', 'Create and Keep');
    assert.match((await (await seeTreeRow('E2E Kept')).textContent()) ?? '', /^E2E Kept\s*persistent/);
    await workbench.reload();
    // The reload deactivated MIDI Scope in the old extension host: its engine stopped cleanly.
    await waitFor(
      'the previous extension host to report that MIDI Scope deactivated',
      () =>
        existsSync(deactivationReport) &&
        /deactivated in [\d.]+ ms: connections closed, engine threads joined$/m.test(
          readFileSync(deactivationReport, 'utf8'),
        ),
      {
        timeoutMs,
        detail: () =>
          [
            existsSync(deactivationReport) ? readFileSync(deactivationReport, 'utf8') : 'no report',
            'extension hosts:',
            ...workbench.extensionHostLifecycle(),
          ].join('\n'),
      },
    );
    await workbench.openMidiView();
    const kept = await seeTreeRow('E2E Kept');
    assert.match((await kept.textContent()) ?? '', /^E2E Kept\s*persistent/);
    assert.equal(await treeRow('E2E Synth').count(), 0);
    await workbench.screenshot('extension-07-persistent-pair-after-reload');
  });

  it('asks before removing a persistent pair, naming its endpoints, and names them when done', async () => {
    const { page } = workbench;
    const row = await seeTreeRow('E2E Kept');
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .action-menu-item', { hasText: 'Remove Loopback Pair' });
    await item.hover();
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog
      .filter({ hasText: 'Remove loopback pair "E2E Kept A" ↔ "E2E Kept B"?' })
      .waitFor({ state: 'visible', timeout: timeoutMs });
    assert.match((await dialog.textContent()) ?? '', /It is persistent/);
    await workbench.screenshot('extension-08-remove-persistent-pair');
    await dialog.locator('.monaco-button', { hasText: 'Remove' }).first().click();
    await seeNotification(
      /^Removed loopback pair "E2E Kept A" ↔ "E2E Kept B" and its entry in user settings\.$/,
    );
    await waitFor('the pair to leave the tree', async () => (await treeRow('E2E Kept A').count()) === 0, {
      timeoutMs,
    });
  });
});
