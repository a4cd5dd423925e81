// The monitor read at a glance, at 1440×900 in a real workbench: it opens below the code and a
// .ump file opened later does not cover it; every word of a 128-bit message, the endpoint's name
// and Δ are whole; the time display, column widths and visibility are the user's and remembered;
// group and channel are numbered one way everywhere (problem sentences too), and the setting flips
// it; memory reads as
// used of its limit; Copy and Export are labelled and an export says so with "Open"; a monitored
// pair that is removed shows as gone and is listened to again when it comes back.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { monitorFrame as findMonitorFrame } from './monitorFrame';
import { changeUserSettings } from './userSettings';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const pair = {
  associationId: 'monitor-layout-pair',
  endpointA: { name: 'Firmware Out 93us', uniqueId: 'monitor-layout-out' },
  endpointB: { name: 'Firmware In 93us', uniqueId: 'monitor-layout-in' },
};
const sendFile = 'monitor-layout.ump';
const otherFile = 'monitor-layout-other.ump';
const problemFile = 'monitor-layout-problem.ump';
const sentHex = [
  '0x20903C64                                   // MIDI 1.0 Note On, group 1, channel 1',
  '0x42993C00 0xC9240000                        // MIDI 2.0 Note On, group 3, channel 10',
  '0xD0100000 0x02FAF080 0x00000000 0x00000000  // Flex Data Set Tempo: 128 bits',
].join('\n');

describe('monitor: columns, time, numbering, placement and a pair that comes back', function () {
  let workbench: Workbench;
  let monitor: Frame;

  before(async () => {
    workbench = await launchWorkbench({
      workspaceFiles: {
        [sendFile]: `${sentHex}\n`,
        [otherFile]: '0x20803C00\n',
        [problemFile]:
          '0x32260102 0x03040506  // SysEx7 Continue on group 3 with no Start: a stream problem\n',
        'exports/README.md': 'exports\n',
      },
      settings: { 'midiScope.loopbackPairs': [pair] },
    });
    await workbench.page.setViewportSize({ width: 1440, height: 900 });
    await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(
        `monitor-layout-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`,
      );
    }
  });

  after(async () => {
    await workbench?.close();
  });

  const changeSettings = (change: (settings: Record<string, unknown>) => void): Promise<void> =>
    changeUserSettings(workbench, change, timeoutMs);

  const monitorFrame = (): Promise<Frame> => findMonitorFrame(workbench.page, timeoutMs);

  /** Each visible row's cells by column, read in one evaluation; undefined while any is loading. */
  async function rows(): Promise<
    Record<string, { text: string; cut: boolean; shown: boolean }>[] | undefined
  > {
    const read = await monitor.evaluate<
      Record<string, { text: string; cut: boolean; shown: boolean }>[] | null
    >(`(() => {
      const rows = [...document.querySelectorAll('.grid-rows .grid-row:not([hidden])')];
      if (rows.some((row) => row.classList.contains('loading'))) return null;
      return rows.map((row) => Object.fromEntries([...row.querySelectorAll('.grid-cell')].map((cell) => {
        const key = [...cell.classList].find((c) => c.startsWith('col-')).slice(4);
        const box = cell.getBoundingClientRect();
        const shown = getComputedStyle(cell).display !== 'none' && box.width > 0 && box.right <= window.innerWidth + 0.5;
        return [key, { text: cell.textContent, cut: cell.scrollWidth > cell.clientWidth, shown }];
      })));
    })()`);
    return read ?? undefined;
  }

  async function seeRows(
    what: string,
    test: (r: Record<string, { text: string; cut: boolean; shown: boolean }>[]) => boolean,
  ) {
    let last: Awaited<ReturnType<typeof rows>>;
    return waitFor(
      what,
      async () => {
        last = await rows();
        return last !== undefined && test(last) && last;
      },
      { timeoutMs, detail: () => `rows on screen: ${JSON.stringify(last)}` },
    );
  }

  async function choose(dropdownLabel: string, optionText: string): Promise<void> {
    const dropdown = monitor.locator(`vscode-dropdown[aria-label="${dropdownLabel}"]`);
    await dropdown.click();
    await dropdown.locator('vscode-option', { hasText: optionText }).click();
  }

  /** The editor group (its index among the groups on screen) that holds a tab with this text. */
  async function groupOf(tabText: string): Promise<number> {
    return workbench.page.evaluate<number>(`(() => {
      const groups = [...document.querySelectorAll('.editor-group-container')];
      return groups.findIndex((group) =>
        [...group.querySelectorAll('.tabs-container .tab')].some((tab) => (tab.textContent || '').includes(${JSON.stringify(tabText)})),
      );
    })()`);
  }

  async function monitorIsShown(): Promise<boolean> {
    const frameElement = await monitor.frameElement();
    const box = await frameElement.boundingBox();
    const active = workbench.page.locator('.tabs-container .tab.active', { hasText: 'MIDI Monitor' });
    return box !== null && box.width > 0 && box.height > 0 && (await active.count()) > 0;
  }

  async function sendToFirmwareOut(file: string): Promise<void> {
    await workbench.openFile(file);
    await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await workbench.quickInput(pair.endpointA.name);
  }

  async function detailValue(table: string, name: string): Promise<string> {
    return monitor.evaluate<string>(`(() => {
      const rows = [...document.querySelectorAll('.details table[aria-label=${JSON.stringify(table)}] tr')];
      const found = rows.find((tr) => tr.querySelector('th')?.textContent === ${JSON.stringify(name)});
      return found?.querySelector('td')?.textContent ?? '';
    })()`);
  }

  it('opens below the code, and a .ump file opened afterwards does not cover it', async () => {
    await workbench.openFile(sendFile);
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow(pair.endpointB.name);
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    monitor = await monitorFrame();
    await monitor.locator('[data-counter="received"]').waitFor({ state: 'visible', timeout: timeoutMs });
    const monitorGroup = await groupOf('MIDI Monitor');
    assert.notEqual(monitorGroup, -1);
    assert.notEqual(await groupOf(sendFile), monitorGroup, 'the monitor opens in a group of its own');
    // Below: the same width as the code's group, under it.
    const boxes = await workbench.page.evaluate<{ top: number; left: number; width: number }[]>(`(() =>
      [...document.querySelectorAll('.editor-group-container')].map((g) => {
        const r = g.getBoundingClientRect();
        return { top: r.top, left: r.left, width: r.width };
      }))()`);
    assert.equal(boxes.length, 2);
    assert.ok(boxes[monitorGroup].top > boxes[1 - monitorGroup].top, JSON.stringify(boxes));
    assert.equal(Math.round(boxes[0].width), Math.round(boxes[1].width));

    // Opening another file, even with the monitor focused, puts it in the code's group.
    // From the Explorer, as a person would: keys typed while the webview has the focus reach the
    // workbench late or not at all (F1 from a focused webview opened an inert palette here).
    await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    await workbench.page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: otherFile })
      .first()
      .click();
    await workbench.page
      .locator('.tabs-container .tab', { hasText: otherFile })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(await groupOf(otherFile), await groupOf(sendFile));
    await waitFor('the monitor to stay on screen', () => monitorIsShown(), { timeoutMs });
  });

  it('shows every word of a 128-bit message, the whole endpoint name and Δ at 1440×900', async () => {
    await sendToFirmwareOut(sendFile);
    await seeRows('three rows', (r) => r.length === 3);
    // A second send, later: a Δ in ms or s.
    await sendToFirmwareOut(otherFile);
    const shown = await seeRows('four rows', (r) => r.length === 4);
    assert.equal(shown[2].hex.text, 'D0100000 02FAF080 00000000 00000000');
    assert.equal(shown[1].hex.text, '42993C00 C9240000');
    assert.match(shown[3].delta.text, /^\+[\d.]+ (µs|ms|s)$/);
    for (const [i, cells] of shown.entries()) {
      for (const key of ['seq', 'time', 'delta', 'endpoint', 'group', 'channel', 'type', 'hex']) {
        assert.ok(cells[key].shown, `row ${i}: the ${key} column is on screen`);
        assert.ok(!cells[key].cut, `row ${i}: "${cells[key].text}" in the ${key} column is whole`);
      }
      assert.equal(cells.endpoint.text, pair.endpointB.name);
    }
    // The memory counter: what is used, the limit beside it.
    const memory = (await monitor.locator('[data-counter="memory"]').textContent()) ?? '';
    assert.match(memory, /^capture 4 msgs · \d+ B of [\d.]+ MiB$/);
  });

  it('numbers group and channel one way in the row, the details and the filter, and the setting flips it', async () => {
    const grid = monitor.locator('.grid');
    await grid.focus();
    await grid.press('Home');
    await grid.press('ArrowDown');
    await waitFor(
      'the details of the MIDI 2.0 Note On',
      async () => (await detailValue('Overview', 'Group')) === '3',
      {
        timeoutMs,
      },
    );
    let shown = await seeRows('the row numbered 1-based', (r) => r[1]?.group.text === '3');
    assert.equal(shown[1].channel.text, '10');
    assert.equal(await detailValue('Fields', 'Group'), '3');
    assert.equal(await detailValue('Fields', 'Channel'), '10');
    assert.equal(await detailValue('Overview', 'Channel'), '10');
    assert.match(shown[1].fields.text, /vel 0xC924/);
    assert.match(await detailValue('Fields', 'Velocity'), /^0xC924 /);
    assert.equal(
      await monitor
        .locator('vscode-dropdown[aria-label="Filter by group"] vscode-option')
        .nth(1)
        .textContent(),
      'Group 1',
    );
    await workbench.screenshot('monitor-layout-01-monitor');

    await changeSettings((settings) => (settings['midiScope.display.numbering'] = 'zeroBased'));
    shown = await seeRows('the row numbered 0-based', (r) => r[1]?.group.text === '2');
    assert.equal(shown[1].channel.text, '9');
    await waitFor(
      'the details numbered 0-based',
      async () => (await detailValue('Fields', 'Group')) === '2',
      {
        timeoutMs,
      },
    );
    assert.equal(await detailValue('Overview', 'Channel'), '9');
    assert.equal(
      await monitor
        .locator('vscode-dropdown[aria-label="Filter by group"] vscode-option')
        .nth(1)
        .textContent(),
      'Group 0',
    );
    await changeSettings((settings) => delete settings['midiScope.display.numbering']);
    await seeRows('the row numbered 1-based again', (r) => r[1]?.group.text === '3');
  });

  it("numbers the group in a problem's sentence in the details as the row does, and flips with it", async () => {
    await sendToFirmwareOut(problemFile);
    monitor = await monitorFrame();
    const problems = monitor.locator('.details ul.problems li');
    const grid = monitor.locator('.grid');
    await seeRows('the SysEx7 Continue row', (r) => r.length === 5 && r[4].hex.text === '32260102 03040506');
    await grid.focus();
    await grid.press('End');
    const sentence = (group: string) =>
      `sysExWithoutStart word 0, bits 23–20: SysEx7 Continue on group ${group} with no SysEx7 Start before it`;
    for (const [numbering, group] of [
      ['oneBased', '3'],
      ['zeroBased', '2'],
    ] as const) {
      if (numbering === 'zeroBased')
        await changeSettings((settings) => (settings['midiScope.display.numbering'] = 'zeroBased'));
      let said: string[] = [];
      await waitFor(
        `the problem in the details numbered ${numbering}`,
        async () => {
          said = await problems.allTextContents();
          return said.length === 1 && said[0] === sentence(group);
        },
        { timeoutMs, detail: () => `the details list the problems ${JSON.stringify(said)}` },
      );
      const shown = await seeRows(`the row numbered ${numbering}`, (r) => r[4]?.group.text === group);
      assert.equal(shown[4].name.text, 'SysEx7 Continue');
      const badge = monitor.locator('.grid-rows .grid-row:not([hidden])').nth(4).locator('.col-name');
      assert.equal(await badge.getAttribute('data-problems'), '1', 'the row has the problem badge');
      assert.equal(await detailValue('Overview', 'Group'), group);
      assert.equal(await detailValue('Fields', 'Group'), group);
    }
    await changeSettings((settings) => delete settings['midiScope.display.numbering']);
    await seeRows('the row numbered 1-based again', (r) => r[4]?.group.text === '3');
  });

  it('shows time since the capture started, of day, or in ticks', async () => {
    const header = monitor.locator('.grid-header .col-time .header-text');
    let shown = await seeRows('seconds since start', (r) => r.length === 5);
    assert.equal(await header.textContent(), 'Time (s)');
    for (const cells of shown) {
      assert.match(cells.time.text, /^\d+\.\d{6}$/);
      assert.ok(Number(cells.time.text) < 600, `${cells.time.text} s since the capture started`);
    }
    await choose('Time display', 'Time of day');
    shown = await seeRows('times of day', (r) =>
      r.every((cells) => /^\d\d:\d\d:\d\d\.\d{6}$/.test(cells.time.text)),
    );
    assert.ok(shown.every((cells) => !cells.time.cut));
    assert.equal(await header.textContent(), 'Time of day');
    await choose('Time display', 'Engine ticks');
    shown = await seeRows('raw ticks', (r) => r.every((cells) => /^\d+$/.test(cells.time.text)));
    assert.ok(shown.every((cells) => !cells.time.cut));
    await choose('Time display', 'Since start');
    await seeRows('seconds since start again', (r) =>
      r.every((cells) => /^\d+\.\d{6}$/.test(cells.time.text)),
    );
  });

  it('resizes and hides columns, and a monitor opened afterwards has them the same', async () => {
    // The grid says how many layout saves are on their way.
    const pendingSaves = async () =>
      Number((await monitor.locator('.grid').getAttribute('data-layout-pending')) ?? '0');
    // Hide the message type column from the Columns menu.
    await monitor.locator('vscode-button[aria-label="Show, hide or reset columns"]').click();
    await monitor.locator('.column-menu-popup input[data-column="type"]').uncheck();
    await seeRows('no message type column', (r) => r.every((cells) => !cells.type.shown));
    await monitor.locator('.grid').click({ position: { x: 5, y: 5 } });
    // Drag the Hex column's edge 120 px to the right.
    const hexHeader = monitor.locator('.grid-header .col-hex');
    const before = (await hexHeader.boundingBox())!;
    const handle = (await monitor.locator('.col-resizer[data-column="hex"]').boundingBox())!;
    const mouse = workbench.page.mouse;
    await mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await mouse.down();
    await mouse.move(handle.x + handle.width / 2 + 60, handle.y + handle.height / 2, { steps: 4 });
    await mouse.move(handle.x + handle.width / 2 + 120, handle.y + handle.height / 2, { steps: 4 });
    await mouse.up();
    const resized = await waitFor(
      'the Hex column to be wider',
      async () => {
        const box = await hexHeader.boundingBox();
        return box !== null && box.width > before.width + 100 && box.width;
      },
      { timeoutMs },
    );
    await waitFor('the layout to be saved', async () => (await pendingSaves()) === 0, { timeoutMs });

    // Another monitor, opened now, has the same columns.
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    const first = monitor;
    monitor = await waitFor(
      'the second monitor',
      async () => {
        for (const frame of workbench.page.frames()) {
          const names = await frame
            .locator('vscode-dropdown[aria-label="Filter by endpoint"] vscode-option')
            .allTextContents()
            .catch((): string[] => []);
          if (names.includes('Diagnostics Loopback B')) return frame;
        }
        return undefined;
      },
      { timeoutMs },
    );
    let lastWidth = 0;
    await waitFor(
      'the new monitor to have the wider Hex column and no message type column',
      async () => {
        const box = await monitor.locator('.grid-header .col-hex').boundingBox();
        const typeShown = await monitor.locator('.grid-header .col-type').isVisible();
        lastWidth = box?.width ?? 0;
        return box !== null && Math.abs(box.width - resized) <= 1 && !typeShown;
      },
      {
        timeoutMs,
        detail: () => `its Hex column is ${lastWidth} px wide, ${resized} px in the first monitor`,
      },
    );
    await workbench.screenshot('monitor-layout-02-columns');
    // Double-click puts a column back to its default width; the menu shows a column again.
    await monitor.locator('.col-resizer[data-column="hex"]').dblclick();
    await waitFor(
      'the Hex column back to its width',
      async () =>
        Math.abs(
          ((await monitor.locator('.grid-header .col-hex').boundingBox())?.width ?? 0) - before.width,
        ) <= 1,
      { timeoutMs },
    );
    await monitor.locator('vscode-button[aria-label="Show, hide or reset columns"]').click();
    await monitor.locator('.column-menu-popup input[data-column="type"]').check();
    await monitor.locator('.grid-header .col-type').waitFor({ state: 'visible', timeout: timeoutMs });
    await waitFor('the layout to be saved', async () => (await pendingSaves()) === 0, { timeoutMs });
    await workbench.runCommand('View: Close Editor');
    monitor = first;
    await waitFor('one monitor again', () => monitorIsShown(), { timeoutMs });
  });

  it('labels Copy and Export, says when the file is written with Open, and starts in the last folder', async () => {
    await monitor.locator('vscode-button[aria-label="Clear capture"]').click();
    await seeRows('no rows', (r) => r.length === 0);
    await sendToFirmwareOut(sendFile);
    await seeRows('three rows', (r) => r.length === 3);
    const copy = monitor.locator('vscode-button[aria-label="Copy the selected rows as hex (Ctrl+C)"]');
    const exportButton = monitor.locator('vscode-button[aria-label="Export the capture to a file"]');
    assert.equal((await copy.textContent())?.trim(), 'Copy');
    assert.equal((await exportButton.textContent())?.trim(), 'Export…');

    const exportsDir = join(workbench.workspaceDir, 'exports');
    mkdirSync(exportsDir, { recursive: true });
    await exportButton.click();
    const input = workbench.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    const firstDefault = await waitFor(
      'the save dialog to propose a file',
      async () => /midi-capture-[\w-]+\.ump$/.test(await input.inputValue()) && (await input.inputValue()),
      {
        timeoutMs,
      },
    );
    assert.ok(firstDefault.startsWith(`${workbench.workspaceDir}/midi-capture-`), `proposed ${firstDefault}`);
    const target = join(exportsDir, 'firmware.ump');
    await workbench.quickInput(target);
    const message = await waitFor(
      'the notification that the file is written',
      async () =>
        (await workbench.notifications()).find((text) =>
          text.startsWith('Exported 3 messages to firmware.ump'),
        ),
      { timeoutMs },
    );
    assert.ok(existsSync(target), message);
    await workbench.page
      .locator('.notifications-toasts .notification-list-item', { hasText: 'firmware.ump' })
      .getByRole('button', { name: 'Open' })
      .click();
    await workbench.page
      .locator('.tabs-container .tab[data-resource-name="firmware.ump"]')
      .waitFor({ state: 'visible', timeout: timeoutMs });

    // The next export starts in the folder of this one.
    monitor = await monitorFrame();
    await monitor.locator('vscode-button[aria-label="Export the capture to a file"]').click();
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    const secondDefault = await waitFor(
      'the save dialog to propose a file',
      async () => /midi-capture-[\w-]+\.ump$/.test(await input.inputValue()) && (await input.inputValue()),
      {
        timeoutMs,
      },
    );
    assert.ok(secondDefault.startsWith(`${exportsDir}/midi-capture-`), `proposed ${secondDefault}`);
    await input.press('Escape');
  });

  it('says a removed pair is gone, keeps the capture, and listens again when it comes back with the same ids', async () => {
    monitor = await monitorFrame();
    const received = Number(await monitor.locator('[data-counter="received"]').getAttribute('data-value'));
    await changeSettings((settings) => delete settings['midiScope.loopbackPairs']);
    const state = monitor.locator('.endpoint-state');
    await waitFor(
      'the monitor to say its endpoint is gone',
      async () => /Firmware In 93us is gone/.test((await state.textContent()) ?? ''),
      {
        timeoutMs,
      },
    );
    await workbench.page
      .locator('.tabs-container .tab', { hasText: 'MIDI Monitor: Firmware In 93us (gone)' })
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await seeRows('the rows kept', (r) => r.length === 3);
    assert.equal(
      Number(await monitor.locator('[data-counter="received"]').getAttribute('data-value')),
      received,
    );
    await workbench.screenshot('monitor-layout-02-endpoint-gone');

    await changeSettings((settings) => (settings['midiScope.loopbackPairs'] = [pair]));
    await waitFor('the monitor to listen again', async () => ((await state.textContent()) ?? '') === '', {
      timeoutMs,
    });
    await sendToFirmwareOut(otherFile);
    monitor = await monitorFrame();
    await seeRows(
      'the row received after the pair came back',
      (r) => r.length === 4 && /20803C00/.test(r[3].hex.text),
    );
  });

  it('opens new monitors where the user last put one', async () => {
    await workbench.page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    await workbench.runCommand('View: Move Editor into Group Above');
    await waitFor(
      'the monitor to be in the code group',
      async () => (await groupOf('MIDI Monitor')) === (await groupOf(sendFile)),
      {
        timeoutMs,
      },
    );
    await workbench.runCommand('View: Close Editor');
    await waitFor('the monitor to be closed', async () => (await groupOf('MIDI Monitor')) === -1, {
      timeoutMs,
    });
    await workbench.runCommand('MIDI: Open Monitor');
    await workbench.pickRow('Diagnostics Loopback B');
    await workbench.page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await waitFor(
      'the new monitor to open in the group it was moved to',
      async () => (await groupOf('MIDI Monitor')) !== -1,
      {
        timeoutMs,
      },
    );
    assert.equal(await groupOf('MIDI Monitor'), await groupOf(sendFile));
  });
});
