// Captures as a person uses them in the workbench: a monitor's capture saved from the command
// palette as .ump with timing, opened again in a monitor over the file, and compared with a
// golden capture in the diff editor (the screenshot in the README, at 1440×900).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { readCapture } from '../../src/capture/captureFormats';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 20_000;
const sendFile = 'captures-e2e.ump';
// Today's build of a device: what it sends, sent to Diagnostics Loopback A and captured on B.
const sentHex = [
  '0x20903C64                // Note On 60',
  '0x40903C00 0xC9240000     // MIDI 2.0 Note On',
  '0x20B00740                // Channel Volume 64',
  '0x20B00A40                // Pan 64',
  '0x20E00040                // Pitch Bend',
  '0x20803C00                // Note Off 60',
  '0x10F80000                // Timing Clock',
  '0x40803C00 0x00000000     // MIDI 2.0 Note Off',
].join('\n');
// Yesterday's build, checked in as the golden capture: Channel Volume 80, a Program Change, no clock.
const golden = [
  '// MIDI Scope capture: golden',
  '@0us 0x20903C64',
  '@10us 0x40903C00 0xC9240000',
  '@20us 0x20B00750',
  '@30us 0x20B00A40',
  '@40us 0x20C00005',
  '@50us 0x20E00040',
  '@60us 0x20803C00',
  '@70us 0x40803C00 0x00000000',
].join('\n');

/** An editor's text as shown: Monaco draws spaces as no-break spaces. */
const shown = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('captures: save, open and compare in the workbench', function () {
  let workbench: Workbench;
  let saved = '';

  before(async () => {
    workbench = await launchWorkbench({
      workspaceFiles: { [sendFile]: `${sentHex}\n`, 'golden.ump': `${golden}\n` },
    });
    // The README's screenshot size.
    await workbench.page.setViewportSize({ width: 1440, height: 900 });
    saved = join(workbench.workspaceDir, 'saved-capture.ump');
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`captures-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench?.close();
  });

  async function notification(pattern: RegExp): Promise<string> {
    let seen: string[] = [];
    return waitFor(
      `a notification matching ${String(pattern)}`,
      async () => {
        seen = await workbench.notifications();
        return seen.find((text) => pattern.test(text));
      },
      { timeoutMs, detail: () => `notifications: ${seen.join(' / ')}` },
    );
  }

  async function tab(title: RegExp): Promise<void> {
    let titles: string[] = [];
    await waitFor(
      `a tab titled ${String(title)}`,
      async () => {
        titles = await workbench.page.locator('.tabs-container .tab').allTextContents();
        return titles.some((text) => title.test(text));
      },
      { timeoutMs, detail: () => `tabs: ${titles.join(' / ')}` },
    );
  }

  /** The rows a monitor webview shows, read in one evaluation; undefined while any is loading or in another frame. */
  async function rowTexts(frame: Frame): Promise<string[] | undefined> {
    const texts = await frame
      .evaluate<string[] | null>(
        `(() => {
          if (!document.querySelector('#monitor-root .grid-rows')) return null;
          const rows = [...document.querySelectorAll('.grid-rows .grid-row:not([hidden])')];
          if (rows.some((row) => row.classList.contains('loading'))) return null;
          return rows.map((row) => [...row.querySelectorAll('.grid-cell')].map((cell) => cell.textContent).join(' | '));
        })()`,
      )
      .catch(() => null);
    return texts ?? undefined;
  }

  /** How many monitor webviews the page holds. */
  async function monitorFrameCount(): Promise<number> {
    let count = 0;
    for (const frame of workbench.page.frames()) if ((await rowTexts(frame)) !== undefined) count++;
    return count;
  }

  /** Waits for a monitor webview (of the visible tab) whose rows pass `test`. */
  async function seeMonitorRows(what: string, test: (texts: string[]) => boolean): Promise<string[]> {
    let last: string[][] = [];
    return waitFor(
      what,
      async () => {
        last = [];
        for (const frame of workbench.page.frames()) {
          const texts = await rowTexts(frame);
          if (texts === undefined) continue;
          last.push(texts);
          if (test(texts)) return texts;
        }
        return undefined;
      },
      {
        timeoutMs,
        detail: () => `monitors on screen showed:\n${last.map((t) => t.join('\n')).join('\n--\n')}`,
      },
    );
  }

  /** The lines one side of the diff editor shows, top to bottom. */
  async function diffSide(side: 'original' | 'modified'): Promise<string[]> {
    // Read in the page (the specs have no DOM types): Monaco places each line by its style's top.
    const lines = await workbench.page.evaluate<string[]>(`[...document.querySelectorAll(
      '.monaco-diff-editor .editor.${side} .view-lines .view-line')]
      .map((line) => ({ top: parseFloat(line.style.top) || 0, text: line.textContent || '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text)`);
    return lines.map(shown);
  }

  it('saves a monitor capture from the command palette as .ump with timing', async () => {
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await tab(/MIDI Monitor: Diagnostics Loopback B/);
    // The monitor takes the focus when its webview has loaded: wait for that before typing elsewhere.
    await seeMonitorRows('the monitor to be ready', (texts) => texts.length === 0);
    await workbench.openFile(sendFile);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await workbench.quickInput('Diagnostics Loopback A');
    await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    await seeMonitorRows('the monitor to show the eight messages sent', (texts) => texts.length === 8);
    await workbench.runCommand('MIDI: Save Capture');
    await workbench.quickInput('UMP text with timing');
    await workbench.quickInput(saved);
    await notification(/Saved 8 message\(s\) to /);
    assert.ok(existsSync(saved), `${saved} was written`);
    const reading = readCapture(readFileSync(saved), 'ump', { defaultEndpoint: 'x' });
    assert.equal(reading.error, undefined);
    assert.equal(reading.table.count, 8);
    assert.deepEqual(reading.info.endpoints, ['Diagnostics Loopback B']);
    assert.deepEqual([...reading.table.words(7)], [0x40803c00, 0]);
    // Each message keeps its own time: they were received one after another.
    assert.ok(reading.table.ticks(7) >= reading.table.ticks(0));
  });

  it('opens the saved capture, after its monitor is closed, in a monitor over the file', async () => {
    // The capture outlives its monitor. Closed from its tab's close button: the command palette,
    // opened while the monitor's webview has the focus, sometimes never took the command.
    const monitorTab = workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' });
    await monitorTab.hover();
    await monitorTab.locator('.tab-actions .action-label[aria-label^="Close"]').click();
    await waitFor('the live monitor to be gone', async () => !(await monitorFrameCount()), { timeoutMs });
    await workbench.runCommand('MIDI: Open Capture');
    await workbench.quickInput(saved);
    await tab(/MIDI Capture: saved-capture\.ump/);
    const texts = await seeMonitorRows(
      'the opened capture to show its eight rows',
      (t) => t.length === 8 && /Timing Clock/.test(t[6]),
    );
    assert.match(texts[0], /Diagnostics Loopback B .*Note On \| 20903C64 \| note 60 vel 100$/);
    assert.match(texts[2], /Control Change .*cc 7 \(Channel Volume\) = 64/);
    assert.match(texts[7], /Note Off \| 40803C00 00000000 \| /);
    await workbench.screenshot('captures-01-opened');
  });

  it('compares it with a golden capture in the diff editor, message by message', async () => {
    await workbench.runCommand('MIDI: Compare Captures');
    await workbench.quickInput(join(workbench.workspaceDir, 'golden.ump'));
    await workbench.quickInput(saved);
    // "Leave out": JR timestamps and NOOPs (picked by default), not the clock. The pick may
    // appear a moment after the file step closed: an Enter before it would be lost.
    await workbench.page
      .locator('.quick-input-widget .quick-input-title', { hasText: 'Compare Captures: leave out' })
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await tab(/golden\.ump ↔ saved-capture\.ump: 6 same, 1 changed, 1 missing, 1 added/);
    await workbench.page
      .locator('.monaco-diff-editor')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    let original: string[] = [];
    let modified: string[] = [];
    await waitFor(
      'both sides of the diff to show every message',
      async () => {
        original = await diffSide('original');
        modified = await diffSide('modified');
        return original.length >= 8 && modified.length >= 8;
      },
      { timeoutMs, detail: () => `left:\n${original.join('\n')}\nright:\n${modified.join('\n')}` },
    );
    // Aligned on the messages: the changed pair on the same line, the golden's Program Change
    // only on the left, today's clock only on the right.
    // Groups and channels numbered as the monitor numbers them (1-based by default, #17).
    assert.match(
      original[2],
      /^Control Change \| Group 1 \| Channel 1 \| Index 7 \(Channel Volume\) \| Data 80 {3}\[20B00750\]$/,
    );
    assert.match(modified[2], /^Control Change .*Index 7 \(Channel Volume\) \| Data 64 {3}\[20B00740\]$/);
    assert.ok(original.some((line) => /^Program Change/.test(line)));
    assert.ok(!modified.some((line) => /^Program Change/.test(line)));
    assert.ok(modified.some((line) => /^Timing Clock/.test(line)));
    assert.ok(!original.some((line) => /^Timing Clock/.test(line)));
    // The diff editor marks the missing and added lines, and inside the changed pair the field.
    const marks = async (selector: string): Promise<number> =>
      workbench.page.locator(`.monaco-diff-editor ${selector}`).count();
    await waitFor(
      'removed and inserted lines and the changed field marked',
      async () =>
        (await marks('.line-delete')) > 0 &&
        (await marks('.line-insert')) > 0 &&
        (await marks('.char-delete')) > 0 &&
        (await marks('.char-insert')) > 0,
      { timeoutMs },
    );
    // For the picture: no toast, no tooltip, the side bar out of the way, long lines wrapped.
    await workbench.runCommand('Notifications: Clear All Notifications');
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    await workbench.page.locator('.monaco-diff-editor .editor.modified .view-lines').first().click();
    await workbench.page.keyboard.press('Alt+Z');
    await waitFor(
      'the diff editor to wrap its long lines',
      async () =>
        (await workbench.page.locator('.monaco-diff-editor .editor.original .view-line').count()) > 12,
      { timeoutMs },
    );
    await workbench.page.mouse.move(720, 700);
    await workbench.screenshot('captures-02-compare');
  });

  it('replays the rows selected in the capture from its context menu', async () => {
    // A live monitor on B shows what the replay sends to A.
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await tab(/MIDI Monitor: Diagnostics Loopback B/);
    await seeMonitorRows('the new monitor to be ready', (texts) => texts.length === 0);
    await workbench.page
      .locator('.tabs-container .tab', { hasText: 'MIDI Capture: saved-capture.ump' })
      .click();
    const capture = await waitFor(
      'the capture monitor with its eight rows',
      async () => {
        for (const frame of workbench.page.frames()) if ((await rowTexts(frame))?.length === 8) return frame;
        return undefined;
      },
      { timeoutMs },
    );
    const row = (hex: string) => capture.locator('.grid-rows .grid-row:not([hidden])', { hasText: hex });
    await row('20B00740').click();
    await row('20E00040').click({ modifiers: ['Shift'] });
    await row('20B00A40').click({ button: 'right' });
    const item = workbench.page.locator('.context-view .action-menu-item', {
      hasText: 'Replay Selected Rows',
    });
    await item.first().waitFor({ state: 'visible', timeout: timeoutMs });
    // As the discovery spec does with VS Code's context menus: hover the item, then Enter.
    await item.first().hover();
    await workbench.page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'hidden', timeout: timeoutMs });
    await workbench.quickInput('Diagnostics Loopback A');
    await workbench.quickInput('4×');
    await workbench.quickInput('Keep each message on its group');
    // A hidden webview is not drawn: bring the live monitor to the front.
    await workbench.page
      .locator('.tabs-container .tab', { hasText: 'MIDI Monitor: Diagnostics Loopback B' })
      .click();
    const received = await seeMonitorRows(
      'the live monitor to receive the three selected rows',
      (texts) => texts.length === 3,
    );
    assert.match(received[0], /Control Change .*cc 7 \(Channel Volume\) = 64/);
    assert.match(received[1], /Control Change .*cc 10 \(Pan\) = 64/);
    assert.match(received[2], /Pitch Bend \| 20E00040 \| /);
  });
});
