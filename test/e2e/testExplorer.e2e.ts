// The Test Explorer as a person uses it: the sample workspace's *.umptest files are listed with
// their tests, Run All runs them through MIDI Scope, the tree shows passed and failed tests, and
// the failed expectation is marked at its line in the open editor.
import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 30_000;

describe('Test Explorer: *.umptest files in the workbench', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench();
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`test-explorer-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench?.close();
  });

  function sidebarRow(text: string) {
    return workbench.page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text }).first();
  }

  /** Opens a collapsed row of the tree. */
  async function expand(text: string): Promise<void> {
    const row = sidebarRow(text);
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    if ((await row.getAttribute('aria-expanded')) === 'false')
      await row.locator('.monaco-tl-twistie').click();
    await waitFor(`${text} to expand`, async () => (await row.getAttribute('aria-expanded')) !== 'false', {
      timeoutMs,
    });
  }

  it('lists the test files, runs them all, and shows passed and failed tests', async () => {
    await workbench.openFile('tests/fails-on-purpose.umptest');
    await workbench.runCommand('Testing: Focus on Test Explorer View');
    await sidebarRow('fails-on-purpose.umptest').waitFor({ state: 'visible', timeout: timeoutMs });
    await sidebarRow('channel-voice.umptest').waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.runCommand('Test: Run All Tests');
    const sidebar = workbench.page.locator('.part.sidebar');
    await sidebar
      .locator('.monaco-list-row .codicon-testing-failed-icon')
      .first()
      .waitFor({ timeout: timeoutMs });
    await expand('fails-on-purpose.umptest');
    await expand('channel-voice.umptest');
    const failedRow = sidebarRow('fails: the note is on channel 5, not 0-3');
    await failedRow.locator('.codicon-testing-failed-icon').waitFor({ timeout: timeoutMs });
    const passedRow = sidebarRow('a note on arrives with its fields');
    await passedRow.locator('.codicon-testing-passed-icon').waitFor({ timeout: timeoutMs });
    // The failed expectation is marked at its line in the editor (the gutter of line 13).
    const editor = workbench.page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.codicon-testing-failed-icon').first().waitFor({ timeout: timeoutMs });
    assert.ok((await sidebar.locator('.codicon-testing-passed-icon').count()) >= 5);
    await workbench.screenshot('test-explorer-01-passed-and-failed');
  });
});
