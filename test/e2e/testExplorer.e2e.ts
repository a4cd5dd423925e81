// The Test Explorer as a person uses it: the sample workspace's *.umptest files are listed with
// their tests, Run All runs them through MIDI Scope, the tree shows passed and failed tests, and
// the failed expectation is marked at its line in the open editor. Then the debugger: a
// breakpoint set with F9 on a step line stops F5's run there, the debug toolbar shows, the CALL
// STACK names the step and the Variables view the messages received.
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

  it('a breakpoint on a step stops the debugger there: toolbar, call stack and received messages', async () => {
    const { page } = workbench;
    await workbench.openFile('tests/channel-voice.umptest');
    const stepText = 'expect in program channel $ch program 5 within 5ms';
    const editor = page.locator('.editor-instance .monaco-editor').first();
    // Line 28, inside `repeat 16 as ch`: the cursor goes there as a person would, then F9.
    await workbench.runCommand('Go to Line/Column...');
    await workbench.quickInput(':28');
    await editor.locator('.view-line').filter({ hasText: stepText }).waitFor({ timeout: timeoutMs });
    await workbench.runCommand('Debug: Toggle Breakpoint');
    await editor.locator('.codicon-debug-breakpoint').first().waitFor({ timeout: timeoutMs });
    // F5 without a launch.json: the open .umptest file's language picks the umptest debugger.
    await workbench.runCommand('Debug: Start Debugging');
    const toolbar = page.locator('.debug-toolbar');
    await toolbar.waitFor({ state: 'visible', timeout: timeoutMs });
    const topFrame = page.locator('.debug-call-stack .monaco-list-row').filter({ hasText: stepText }).first();
    await topFrame.waitFor({ state: 'visible', timeout: timeoutMs });
    await page
      .locator('.debug-call-stack .monaco-list-row')
      .filter({ hasText: 'repeat, turn 1 of 16' })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    // The editor marks the line the run is held at.
    await editor.locator('.codicon-debug-stackframe').first().waitFor({ timeout: timeoutMs });
    const variables = page.locator('.debug-variables .monaco-list-row');
    const received = variables.filter({ hasText: 'Received' }).first();
    await received.waitFor({ state: 'visible', timeout: timeoutMs });
    if ((await received.getAttribute('aria-expanded')) === 'false') await received.click();
    const onIn = variables.filter({ hasText: '1 message(s), 0 matched' }).first();
    await onIn.waitFor({ state: 'visible', timeout: timeoutMs });
    await onIn.click();
    await variables.filter({ hasText: 'Program Change' }).first().waitFor({ timeout: timeoutMs });
    const scope = variables.filter({ hasText: /^Variables$/ }).first();
    if ((await scope.getAttribute('aria-expanded')) === 'false') await scope.click();
    await variables
      .filter({ hasText: /ch\s*=\s*0 \(0x0\)/ })
      .first()
      .waitFor({ timeout: timeoutMs });
    await workbench.screenshot('test-explorer-02-debugger-at-a-breakpoint');
    // The cursor is still on line 28 (the stop selects the step): F9 again removes the breakpoint.
    await workbench.runCommand('Debug: Toggle Breakpoint');
    await editor.locator('.codicon-debug-breakpoint').waitFor({ state: 'detached', timeout: timeoutMs });
    await workbench.runCommand('Debug: Continue');
    await toolbar.waitFor({ state: 'hidden', timeout: timeoutMs });
  });
});
