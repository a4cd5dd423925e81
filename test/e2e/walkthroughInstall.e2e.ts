// Installed into a running window, as a person installs it (Extensions: Install from VSIX…), MIDI
// Scope shows its walkthrough, in one tab. VS Code may open it on install itself (workbench.
// welcomePage.walkthroughs.openOnInstall runs workbench.action.openWalkthrough); code-server 4.139
// here registers it ("New" on the Welcome page) but does not open it, so MIDI Scope opens it when it
// first activates. When both happen, the second shows it in the first's editor: one tab.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 30_000;

describe('walkthrough: MIDI Scope installed into a running window', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench({
      withoutMidiScope: true,
      leaveOut: ['tests'],
      // The harness turns MIDI Scope's own first-run opening off for every other spec.
      settings: { 'midiScope.openWalkthroughOnFirstRun': true },
    });
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(
        `walkthrough-install-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`,
      );
    }
  });

  after(async () => {
    await workbench?.close();
  });

  const firstStep = (): Locator =>
    workbench.page
      .locator('.gettingStartedContainer .getting-started-step')
      .filter({ hasText: 'Create a loopback pair' });
  const editorTabs = (): Locator => workbench.page.locator('.part.editor .tabs-container .tab');
  const logged = (pattern: RegExp): boolean => workbench.midiScopeLog().some((line) => pattern.test(line));

  /**
   * The file dialog fills its box with a folder of its own while it loads, and may do so after a
   * path was typed (seen on a loaded machine): type it again until it has stayed for several reads
   * with the dialog idle, then press Enter.
   */
  async function typePathInFileDialog(path: string): Promise<void> {
    const widget = workbench.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    let steadyReads = 0;
    await waitFor(
      `the file dialog to keep "${path}"`,
      async () => {
        const busy = (await widget.locator('.quick-input-progress.active').count()) > 0;
        if ((await input.inputValue()) !== path) {
          steadyReads = 0;
          if (!busy) await input.fill(path);
          return false;
        }
        steadyReads = busy ? 0 : steadyReads + 1;
        return steadyReads >= 5;
      },
      { timeoutMs, intervalMs: 100 },
    );
    await input.press('Enter');
  }

  it('installs from VSIX into a window that did not have it; the walkthrough opens by VS Code and again at first use stays one tab', async () => {
    const { page } = workbench;
    const midi = page.locator('.part.activitybar [aria-label="MIDI"]');
    assert.equal(await midi.count(), 0, 'MIDI Scope is not installed yet');
    await workbench.runCommand('Extensions: Install from VSIX...');
    // code-server's own file dialog: a quick input that takes a path on the server.
    await typePathInFileDialog(process.env.MIDI_SCOPE_VSIX ?? '');
    await midi.first().waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(workbench.activation(), undefined, 'MIDI Scope is installed, not activated yet');

    // What VS Code runs on install where it opens walkthroughs itself.
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await workbench.quickInput('Get Started with MIDI Scope');
    await firstStep().first().waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(await editorTabs().count(), 1);

    // MIDI Scope's first activation opens it too.
    await workbench.openMidiView();
    await waitFor(
      'MIDI Scope to log that it opened the walkthrough on its first run',
      () => Promise.resolve(logged(/first run: opening the walkthrough/)),
      { timeoutMs, detail: () => workbench.midiScopeLog().join('\n') },
    );
    await page
      .locator('.part.sidebar .monaco-list-row')
      .filter({ hasText: 'Diagnostics' })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await firstStep().first().waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(await editorTabs().count(), 1, 'the walkthrough is in one tab');
    assert.equal(await page.locator('.gettingStartedContainer').count(), 1);
    await workbench.screenshot('walkthrough-install-01-opened');
  });
});
