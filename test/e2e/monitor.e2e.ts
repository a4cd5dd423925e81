// The monitor as a person uses it in a real workbench: open it from the command palette on the
// diagnostics loopback, send hex from an editor and see each message as a decoded row, filter,
// search, expand a SysEx into its packets, read every field in the detail pane from the keyboard,
// pause and resume, copy rows, export the capture, and find the monitor again after a reload.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { parseUmpHex } from '../../src/ump';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const sendFile = 'monitor-e2e.ump';
const moreFile = 'monitor-e2e-more.ump';
const sentHex = [
  '0x20903C64                // MIDI 1.0 Note On, note 60, velocity 100',
  '0x40903C00 0xC9240000     // MIDI 2.0 Note On',
  '0x20B00740                // Control Change 7 = 64',
  '0x30167E7F 0x06027D01     // SysEx7 start',
  '0x30260002 0x00010000     // SysEx7 continue',
  '0x30310000 0x00000000     // SysEx7 end',
].join('\n');

describe('monitor: decoded traffic in the workbench', function () {
  let workbench: Workbench;
  let monitor: Frame;
  /** What the browser said about Content Security Policy while the specs ran. */
  const cspViolations: string[] = [];
  let firstNonce = '';

  before(async () => {
    workbench = await launchWorkbench({
      workspaceFiles: { [sendFile]: `${sentHex}\n`, [moreFile]: '0x20903E64\n0x20803E00\n' },
    });
    // Copy goes through the browser's clipboard, which a headless page may only use when granted.
    await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    workbench.page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterEach(async function () {
    // What the screen showed when a spec failed, for whoever reads the test output.
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`monitor-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
    }
  });

  after(async () => {
    await workbench?.close();
  });

  /** The frame that holds the monitor's webview content (nested iframes inside the workbench). */
  async function monitorFrame(): Promise<Frame> {
    return waitFor(
      'the monitor webview',
      async () => {
        for (const frame of workbench.page.frames()) {
          if (
            (await frame
              .locator('#monitor-root .grid')
              .count()
              .catch(() => 0)) > 0
          )
            return frame;
        }
        return undefined;
      },
      {
        timeoutMs,
        detail: () =>
          `frames: ${workbench.page
            .frames()
            .map((f) => f.url())
            .join(', ')}`,
      },
    );
  }

  /** Brings the monitor's tab to the front (an editor opened in its group hides it). */
  async function showMonitor(): Promise<void> {
    await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    monitor = await monitorFrame();
  }

  /**
   * The visible rows' cells, as text; undefined while any of them is still loading. Read in one
   * evaluation: the rows are redrawn up to 30 times a second.
   */
  async function rowTexts(): Promise<string[] | undefined> {
    const texts = await monitor.evaluate<string[] | null>(`(() => {
      const rows = [...document.querySelectorAll('.grid-rows .grid-row:not([hidden])')];
      if (rows.some((row) => row.classList.contains('loading'))) return null;
      return rows.map((row) => [...row.querySelectorAll('.grid-cell')].map((cell) => cell.textContent).join(' | '));
    })()`);
    return texts ?? undefined;
  }

  /** Waits until the rows on screen are loaded and pass `test`. */
  async function seeRows(what: string, test: (texts: string[]) => boolean): Promise<string[]> {
    let last: string[] | undefined;
    return waitFor(
      what,
      async () => {
        last = await rowTexts();
        return last !== undefined && test(last) && last;
      },
      { timeoutMs, detail: () => `rows on screen:\n${last?.join('\n') ?? '(some still loading)'}` },
    );
  }

  /** The webview's Content Security Policy says: nothing by default, scripts by nonce only. */
  async function policyNonce(): Promise<string> {
    const policy =
      (await monitor.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    assert.match(policy, /^default-src 'none'; script-src 'nonce-[\w+/=]+'; /);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    return /'nonce-([\w+/=]+)'/.exec(policy)?.[1] ?? '';
  }

  async function counter(name: string): Promise<number> {
    return Number(await monitor.locator(`[data-counter="${name}"]`).getAttribute('data-value'));
  }

  async function sendFileToDiagnosticsA(file: string): Promise<void> {
    await workbench.openFile(file);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await workbench.quickInput('Diagnostics Loopback A');
    await showMonitor();
  }

  async function choose(dropdownLabel: string, optionText: string): Promise<void> {
    const dropdown = monitor.locator(`vscode-dropdown[aria-label="${dropdownLabel}"]`);
    await dropdown.click();
    await dropdown.locator('vscode-option', { hasText: optionText }).click();
  }

  async function notice(pattern: RegExp): Promise<string> {
    let text = '';
    return waitFor(
      `the monitor to say ${String(pattern)}`,
      async () => {
        text = (await monitor.locator('.notice').textContent()) ?? '';
        return pattern.test(text) && text;
      },
      { timeoutMs, detail: () => `the monitor's notice said: "${text}"` },
    );
  }

  it('opens from the command palette on the endpoints picked in its quick pick', async () => {
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    monitor = await monitorFrame();
    const tab = workbench.page.locator('.tabs-container .tab', {
      hasText: 'MIDI Monitor: Diagnostics Loopback B',
    });
    await tab.waitFor({ state: 'visible', timeout: timeoutMs });
    await monitor.locator('[data-counter="received"]').waitFor({ state: 'visible', timeout: timeoutMs });
    firstNonce = await policyNonce();
    await workbench.screenshot('monitor-01-opened');
  });

  it('shows each message sent from the editor as a row with its name, group, channel and fields', async () => {
    await sendFileToDiagnosticsA(sendFile);
    const texts = await seeRows('four rows (the SysEx is one)', (t) => t.length === 4);
    assert.match(
      texts[0],
      /^0 \| [\d.]+ \| {2}\| Diagnostics Loopback B \| 1 \| 1 \| 2 \| Note On \| 20903C64 \| note 60 vel 100$/,
    );
    assert.match(
      texts[1],
      /\| \+[\d.]+ (µs|ms) \| Diagnostics Loopback B \| 1 \| 1 \| 4 \| Note On \| 40903C00 C9240000 \| note 60 vel 0xC924$/,
    );
    assert.match(texts[2], /\| 2 \| Control Change \| 20B00740 \| cc 7 \(Channel Volume\) = 64$/);
    assert.match(
      texts[3],
      /\| 1 \| {2}\| 3 \| SysEx7 Start \| 30167E7F 06027D01 \| 3 packets · 7E 7F 06 02 7D 01$/,
    );
    assert.equal(await counter('received'), 6);
    assert.equal(await counter('dropped'), 0);
    await workbench.screenshot('monitor-02-rows');
  });

  it('expands a SysEx into its packets and shows every field and the whole payload', async () => {
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('End');
    await grid.press('ArrowRight');
    const texts = await seeRows('the SysEx packets under their row', (t) => t.length === 7);
    assert.match(texts[4], /SysEx7 Start \| 30167E7F 06027D01 \| 7E 7F 06 02 7D 01$/);
    assert.match(texts[5], /SysEx7 Continue \| 30260002 00010000 \| 00 02 00 01 00 00$/);
    assert.match(texts[6], /SysEx7 End \| 30310000 00000000 \| 00$/);
    await grid.press('Enter');
    const details = monitor.locator('.details');
    await waitFor(
      'the detail pane to show the SysEx',
      async () => /Data \(13 bytes\)/.test((await details.textContent()) ?? ''),
      {
        timeoutMs,
      },
    );
    const text = (await details.textContent()) ?? '';
    assert.match(text, /7E 7F 06 02 7D 01 00 02 00 01 00 00 00/);
    assert.match(text, /Packet 3: SysEx7 End/);
    await workbench.screenshot('monitor-03-sysex-expanded');
  });

  it('moves through rows with the keyboard and shows the focused one in the details', async () => {
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('Home');
    await grid.press('ArrowDown');
    const details = monitor.locator('.details');
    await waitFor(
      'the MIDI 2.0 Note On details',
      async () => /Velocity/.test((await details.textContent()) ?? ''),
      {
        timeoutMs,
      },
    );
    const active = await grid.getAttribute('aria-activedescendant');
    assert.ok(active, 'the grid names its focused row for screen readers');
    assert.equal(await monitor.locator(`#${active}`).getAttribute('aria-selected'), 'true');
    assert.match(
      (await monitor.locator(`#${active}`).getAttribute('aria-label')) ?? '',
      /Note On on group 1, channel 1/,
    );
    await workbench.screenshot('monitor-04-details');
  });

  it('filters by message type and by text', async () => {
    await choose('Filter by message type', '4: MIDI 2.0 Channel Voice');
    let texts = await seeRows('only the MIDI 2.0 row', (t) => t.length === 1);
    assert.match(texts[0], /\| 40903C00 C9240000 \|/);
    await workbench.screenshot('monitor-05-filter-type');

    await choose('Filter by message type', 'All types');
    await monitor.getByRole('textbox', { name: 'Search messages' }).fill('channel volume');
    texts = await seeRows(
      'only the Control Change row',
      (t) => t.length === 1 && /Control Change/.test(t[0]),
    );
    await workbench.screenshot('monitor-06-search');
    await monitor.getByRole('textbox', { name: 'Search messages' }).fill('');
    texts = await seeRows('all four rows again', (t) => t.length === 4);
    assert.equal(texts.length, 4);
  });

  it('freezes the display while paused, keeps capturing, and catches up on resume', async () => {
    await monitor.locator('vscode-button[aria-label^="Pause display"]').click();
    await sendFileToDiagnosticsA(moreFile);
    await waitFor(
      'the capture to count 8 messages while paused',
      async () => (await counter('received')) === 8,
      {
        timeoutMs,
      },
    );
    // That update (8 received) would have drawn 6 rows had the display not been frozen.
    await seeRows('the 4 rows from before the pause', (t) => t.length === 4);
    await workbench.screenshot('monitor-07-paused');
    await monitor.locator('vscode-button[aria-label="Resume display"]').click();
    const texts = await seeRows('the two new rows after resuming', (t) => t.length === 6);
    assert.match(texts[5], /Note Off \| 20803E00 \| note 62/);
  });

  it('copies the selected rows as hex that pastes into an editor', async () => {
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('Home');
    await grid.press('Shift+ArrowDown');
    await grid.press('Control+C');
    await notice(/Copied 2 messages as hex/);
    const copied = await workbench.page.evaluate<string>('navigator.clipboard.readText()');
    const parsed = parseUmpHex(copied);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(
      parsed.messages.map((message) => [...message.words]),
      [[0x20903c64], [0x40903c00, 0xc9240000]],
    );
    assert.match(copied, /^0x20903C64 \/\/ #0 [\d.]+ Diagnostics Loopback B$/m);
  });

  it('exports the capture as hex the send commands read back', async () => {
    const target = join(workbench.workspaceDir, 'exported-capture.ump');
    await monitor.locator('vscode-button[aria-label="Export the capture to a file"]').click();
    await workbench.quickInput(target);
    const said = await notice(/Exported 8 messages to /);
    assert.ok(existsSync(target), `the export should be at ${target}; the monitor said: ${said}`);
    const parsed = parseUmpHex(readFileSync(target, 'utf8'));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(
      parsed.messages.map((message) => message.words[0]),
      [0x20903c64, 0x40903c00, 0x20b00740, 0x30167e7f, 0x30260002, 0x30310000, 0x20903e64, 0x20803e00],
    );
    await workbench.screenshot('monitor-08-exported');
  });

  it('exports only the filtered rows as JSON with their decoded fields', async () => {
    const target = join(workbench.workspaceDir, 'exported-midi2.json');
    await choose('Filter by message type', '4: MIDI 2.0 Channel Voice');
    await seeRows('only the MIDI 2.0 row', (t) => t.length === 1);
    await choose('Export format', 'JSON');
    await choose('Export scope', 'Filtered view');
    await monitor.locator('vscode-button[aria-label="Export the capture to a file"]').click();
    await workbench.quickInput(target);
    await notice(/Exported 1 messages to /);
    const records = JSON.parse(readFileSync(target, 'utf8')) as {
      name: string;
      words: string[];
      fields: unknown[];
    }[];
    assert.equal(records.length, 1);
    assert.equal(records[0].name, 'Note On');
    assert.deepEqual(records[0].words, ['0x40903C00', '0xC9240000']);
    assert.ok(records[0].fields.length >= 4, 'every decoded field is exported');
    await choose('Filter by message type', 'All types');
    await seeRows('all six rows again', (t) => t.length === 6);
  });

  it("scrolls through 400,000 rows, past the browser's height limit, with only the visible rows in the DOM", async () => {
    // 400,000 rows × 22 px is more than the scroll spacer may be tall (8,000,000 px).
    const count = 400_000;
    const file = join(workbench.workspaceDir, 'many-notes.bin');
    const bytes = Buffer.alloc(count * 4);
    for (let i = 0; i < count; i++) bytes.writeUInt32BE((0x20903c00 | (i & 0x7f)) >>> 0, i * 4);
    writeFileSync(file, bytes);
    const before = await counter('received');
    await workbench.runCommand('MIDI: Send File as UMP');
    await workbench.quickInput(file);
    await workbench.quickInput('Diagnostics Loopback A');
    await showMonitor();
    await waitFor(
      '400,000 more messages captured',
      async () => (await counter('received')) === before + count,
      {
        timeoutMs: 60_000,
      },
    );
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('End');
    let texts = await seeRows('the last row at the bottom', (t) =>
      t.some((text) => /\| 20903C7F \|/.test(text)),
    );
    const lastSeq = Number(texts[texts.length - 1].split(' | ')[0]);
    assert.equal(lastSeq, before + count - 1);

    await grid.press('Home');
    texts = await seeRows('the first row at the top', (t) => t[0]?.startsWith('0 | ') === true);

    // Dragging the scrollbar to the middle lands in the middle of the rows.
    await monitor.evaluate(
      "(() => { const s = document.querySelector('.grid-scroller'); s.scrollTop = (s.scrollHeight - s.clientHeight) / 2; })()",
    );
    texts = await seeRows('rows from the middle', (t) => {
      const seq = Number(t[0]?.split(' | ')[0]);
      return Math.abs(seq - (before + count) / 2) < 1000;
    });
    const elements = await monitor.evaluate<number>("document.getElementsByTagName('*').length");
    assert.ok(elements < 2000, `the webview holds ${elements} elements for ${before + count} rows`);
    await workbench.screenshot('monitor-09-400k-rows-middle');
  });

  it('clears the capture', async () => {
    await monitor.locator('vscode-button[aria-label="Clear capture"]').click();
    await waitFor('the counters to start over', async () => (await counter('received')) === 0, { timeoutMs });
    await seeRows('no rows', (t) => t.length === 0);
  });

  it('comes back after a reload, listening to the same endpoint', async () => {
    await workbench.reload();
    await showMonitor();
    await sendFileToDiagnosticsA(moreFile);
    await seeRows('the rows received after the reload', (t) => t.length === 2);
    assert.notEqual(await policyNonce(), firstNonce, 'every render gets a fresh nonce');
    assert.deepEqual(cspViolations, [], 'the toolkit and the monitor run under the strict policy');
    await workbench.screenshot('monitor-10-restored');
  });
});
