// `.ump` as a language in a real workbench: diagnostics with their codes in the Problems panel and
// as squiggles, the hover that decodes a message, CodeLens above each block, inlay hints, the
// formatter, Copy Selection as Code through the browser's clipboard, and the same problems in the
// monitor when the messages go out (one alone, one only in its stream); an `#endpoint` line
// (completion of the engine's ids, its hover, the CodeLenses that follow it and send there) and a
// pasted C array literal (coloured as words, decoded on hover, copied back as little-endian bytes).
// Saves the README's screenshots (ump-language.png, monitor-problems.png, ump-endpoint-completion.png,
// ump-array-literal.png; 1440x900).
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { monitorFrame as findMonitorFrame } from './monitorFrame';
import { changeUserSettings } from './userSettings';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const file = 'e2e-language.ump';
// Comments never repeat a message's name, so a name on a line can only come from an inlay hint.
const content = [
  '// A note, then three messages a firmware got wrong',
  '0x20903C64 // middle C',
  '+250ms 0x20803C00',
  '',
  '0x20C00501',
  '0x20903CFF',
  '0x30260002 0x00010000',
  '',
  '40903c00   c9240000 // MIDI 2.0, written loosely',
  '',
  '{ 0x40913c00,0xc9240000u }  // pasted from C',
  '',
].join('\n');

const blocksFile = 'e2e-blocks.ump';
// A Function Block Info notification: block 2 of the endpoint over its first two groups, whose
// numbers the hint writes as the user numbers groups.
const blocksContent = '0xF0118133 0x00020100 0x00000000 0x00000000\n';

const sendFile = 'e2e-stream.ump';
// A clean note, a velocity with bit 7 set (wrong alone), and a SysEx7 End with no Start (wrong only
// in its stream: the monitor sees the stream, a message alone would look fine).
const sendContent = [
  '0x20903C64 // fine',
  '0x20903CFF // velocity 0xFF',
  '0x30350102 0x03040506 // SysEx7 End, never started',
  '0x20803C00 // fine',
  '',
].join('\n');

const endpointFile = 'e2e-endpoint.ump';
// Where the CodeLenses of the blocks below go, a pasted `#define` (its value is a message), and a
// chord pasted from C with its declaration.
const endpointContent = [
  '// The Send and Schedule of the blocks below go to this endpoint',
  '#endpoint midiscope://diagnostics/loopback-a',
  '#define NOTE_ON 0x20903C64',
  '0x20803C00 // off',
  '',
  '// Pasted from firmware: a chord, MIDI 2.0',
  'static const uint32_t chord[] = {',
  '    0x40903C00, 0xC9240000,',
  '    0x40904000, 0xC9240000,',
  '    0x40904300, 0xC9240000,',
  '};',
  '',
].join('\n');

/** An editor's text as shown: Monaco draws spaces as no-break spaces. */
const shown = (text: string | null): string => (text ?? '').replace(/\u00a0/g, ' ');

describe('ump language in the workbench', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench({
      workspaceFiles: {
        [file]: content,
        [sendFile]: sendContent,
        [endpointFile]: endpointContent,
        [blocksFile]: blocksContent,
      },
      // Hovers below their line: the array literal's hover leaves the lines above it in sight.
      // A Function Block Info hint is longer than the 43 characters VS Code draws by default.
      settings: {
        'editor.hover.delay': 100,
        'editor.hover.above': false,
        'editor.inlayHints.maximumLength': 0,
        'midiScope.ump.inlayHints': true,
      },
    });
    // The README's screenshots of the language are 1440x900.
    await workbench.page.setViewportSize({ width: 1440, height: 900 });
    // Copy goes through the browser's clipboard, which a headless page may only use when granted.
    await workbench.page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(workbench.url).origin });
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && workbench) {
      await workbench.screenshot(`ump-language-failed-${test.title.replace(/[^\w.-]+/g, '-').slice(0, 60)}`);
      await workbench.page.keyboard.press('Escape');
    }
  });

  after(async () => {
    await workbench?.close();
  });

  function editor() {
    return workbench.page.locator('.editor-instance .monaco-editor').first();
  }

  /** The text of the editor's line that shows `start` (with any inlay hint drawn into it). */
  async function lineShowing(start: string): Promise<string | undefined> {
    for (const text of await editor().locator('.view-line').allTextContents())
      if (shown(text).startsWith(start)) return shown(text);
    return undefined;
  }

  it('puts Send and Schedule above each block and the friendly name after each message', async () => {
    // First, before any panel opens: the workbench resolves CodeLens for the lines in view, and a
    // panel opening at that moment can leave them unresolved until the editor scrolls.
    await workbench.openFile(file);
    await editor()
      .locator('.codelens-decoration', { hasText: 'Schedule' })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    const lenses = await waitFor(
      'a CodeLens per block',
      async () => {
        const texts = (await editor().locator('.codelens-decoration').allTextContents()).map(shown);
        return texts.length >= 3 && texts;
      },
      { timeoutMs },
    );
    // The first block is timed (+250ms): it can only be scheduled; the others can be sent too.
    assert.ok(
      lenses.some((text) => /Send 3 messages/.test(text)),
      `lenses: ${lenses.join(' / ')}`,
    );
    assert.ok(!lenses.some((text) => /Send 2 messages/.test(text)), `lenses: ${lenses.join(' / ')}`);
    const hinted = await waitFor(
      'an inlay hint after the Program Change',
      async () => {
        const line = await lineShowing('0x20C00501');
        return line !== undefined && /Program Change/.test(line) && line;
      },
      { timeoutMs, detail: () => 'the line showed no inlay hint' },
    );
    assert.match(hinted, /⚠/, 'the hint marks a message with problems');
  });

  it('lists the problems with their codes, squiggles them and decodes a message on hover', async () => {
    const { page } = workbench;
    await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problems = page.locator('.markers-panel .monaco-list-rows');

    let listed = '';
    await waitFor(
      'the Problems panel to list the codes',
      async () => {
        listed = shown(await problems.textContent());
        return ['reservedBitsSet', 'dataHighBitSet', 'sysExWithoutStart'].every((code) =>
          listed.includes(code),
        );
      },
      { timeoutMs, detail: () => `the Problems panel showed: ${listed}` },
    );
    // Each entry names its source and code, and where it is (line, column).
    assert.match(
      listed,
      /word 0 bits 7–0 are reserved and must be 0, read 0x01\W*MIDI Scope\W*reservedBitsSet/,
    );
    assert.match(listed, /Velocity is 7 bits[^]*MIDI Scope\W*dataHighBitSet/);
    assert.match(listed, /\[Ln 6, Col 9\]/, 'the velocity byte of line 6');
    await editor().locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: timeoutMs });
    await editor().locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: timeoutMs });

    // Colours from the grammar: the word is a token of its own, apart from the comments.
    // The grammar colours "0x" apart from the digits, and the squiggle splits the digits again.
    const word = editor().locator('.view-line', { hasText: '0x20C00501' }).locator('span > span').first();
    await word.waitFor({ state: 'visible', timeout: timeoutMs });
    await word.hover();
    const hover = page.locator('.monaco-hover-content', { hasText: 'Program Change' }).first();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    const text = shown(await hover.textContent());
    assert.match(text, /reservedBitsSet/);
    assert.match(text, /Program/);
    await workbench.screenshot('ump-language');
    await page.keyboard.press('Escape');
  });

  it('formats the document: 0x%08X words, one space between them, comments kept', async () => {
    const { page } = workbench;
    await editor().locator('.view-lines').click();
    await workbench.runCommand('Format Document');
    const formatted = await waitFor(
      'the loose line formatted',
      async () => {
        const line = await lineShowing('0x40903C00');
        return line !== undefined && line;
      },
      { timeoutMs, detail: () => 'no line starts with 0x40903C00' },
    );
    // The inlay hint is drawn between the words and the comment.
    assert.match(
      formatted,
      /^0x40903C00 0xC9240000(Note On · note 60 vel 0xC924)? \/\/ MIDI 2\.0, written loosely/,
    );
    assert.match((await lineShowing('+250ms')) ?? '', /^\+250ms 0x20803C00/);
    // An array literal stays one (the inlay hint sits after the last word, before the brace).
    const literal = (await lineShowing('{0x40913C00, 0xC9240000')) ?? '';
    assert.match(literal, /\} \/\/ pasted from C$/, `the array literal line: ${literal}`);
    await page.keyboard.press('Control+Z');
    await waitFor('the format undone', async () => (await lineShowing('40903c00')) !== undefined, {
      timeoutMs,
    });
  });

  it('copies the selection as a C array through the clipboard', async () => {
    const { page } = workbench;
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Copy Selection as Code');
    await workbench.quickInput('C / C++');
    await workbench.quickInput('Big-endian words');
    const copied = await waitFor(
      'the C array on the clipboard',
      async () => {
        const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
        return clipboard.includes('uint32_t') ? clipboard : undefined;
      },
      { timeoutMs, detail: () => 'the clipboard did not receive the code' },
    );
    assert.match(copied, /\n {4}0x20903C64, {13}\/\/ Note On: note 60 vel 100\n/);
    // The names line up after the longest line (the SysEx7 Continue's two words).
    assert.match(copied, /\n {4}0x30260002, 0x00010000, \/\/ SysEx7 Continue/);
    assert.match(copied, /\n {4}0x20C00501, {13}\/\/ Program Change/);
  });
  /** The token (a span Monaco draws) whose text is `text`, on the line that shows `lineText`. */
  function token(lineText: string, text: RegExp) {
    return editor()
      .locator('.view-line', { hasText: lineText })
      .locator('span > span')
      .filter({ hasText: text })
      .first();
  }

  /** Hovers `target` and returns the text of the hover that shows `expected`. */
  async function hoverText(target: ReturnType<typeof token>, expected: string): Promise<string> {
    await target.waitFor({ state: 'visible', timeout: timeoutMs });
    // From elsewhere, so that the pointer moves onto it (it may rest there after a click).
    await workbench.page.mouse.move(0, 0);
    await target.hover();
    const hover = workbench.page.locator('.monaco-hover-content', { hasText: expected }).first();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    return shown(await hover.textContent());
  }

  /** Where an element is on the page. */
  async function box(locator: ReturnType<typeof token>) {
    const found = await locator.boundingBox();
    assert.ok(found, 'the element is on screen');
    return found;
  }

  /** The CodeLens titles of the editor, once `expected` is among them. */
  async function lensesShowing(expected: string): Promise<string[]> {
    let texts: string[] = [];
    return waitFor(
      `a CodeLens "${expected}"`,
      async () => {
        texts = (await editor().locator('.codelens-decoration').allTextContents()).map(shown);
        return texts.some((text) => text.includes(expected)) && texts;
      },
      { timeoutMs, detail: () => `the lenses read: ${texts.join(' / ')}` },
    );
  }

  it('completes #endpoint with the engine’s ids, hovers it, and its CodeLenses name that endpoint and send there', async () => {
    const { page } = workbench;
    await workbench.runCommand('Notifications: Clear All Notifications');
    // The Problems panel of an earlier test would leave the editor short (and can leave CodeLens
    // unresolved when it moves the editor as they resolve).
    if (await page.locator('.part.panel').isVisible()) await workbench.runCommand('View: Hide Panel');
    await workbench.openFile(endpointFile);
    // Both blocks below the line go to its endpoint: the #define's value and the note off, and
    // the chord of the array literal.
    let lenses = await lensesShowing('Send 2 messages to Diagnostics Loopback A');
    assert.ok(
      lenses.some((text) => /Send 3 messages to Diagnostics Loopback A/.test(text)),
      `lenses: ${lenses.join(' / ')}`,
    );
    assert.ok(
      !lenses.some((text) => /Send to /.test(text)),
      `no lens to the last endpoint: ${lenses.join(' / ')}`,
    );

    // Write the line again as a person does: the blank after `#endpoint` opens the completion.
    await token('#endpoint', /^#endpoint$/).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('#endpoint ');
    const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
    let offered: string[] = [];
    await waitFor(
      'the endpoint ids in the completion list',
      async () => {
        offered = (await rows.allTextContents()).map(shown);
        return ['a', 'b'].every((side) =>
          offered.some(
            (row) =>
              row.includes(`midiscope://diagnostics/loopback-${side}`) &&
              row.includes(`Diagnostics Loopback ${side.toUpperCase()}`),
          ),
        );
      },
      { timeoutMs, detail: () => `the completion list offered: ${offered.join(' / ')}` },
    );
    // Wider, as a person drags it, so that the picture shows whole ids and names.
    const list = page.locator('.editor-widget.suggest-widget');
    const narrow = await box(list);
    // Its right edge: hover() waits until the sash itself is what the pointer would press.
    const east = list.locator('.monaco-sash.vertical:not(.disabled)');
    await east.hover();
    const edge = await box(east);
    await page.mouse.down();
    await page.mouse.move(edge.x + 320, edge.y + edge.height / 2, { steps: 8 });
    await page.mouse.up();
    await waitFor('the completion list wider', async () => (await box(list)).width > narrow.width + 200, {
      timeoutMs,
    });
    await workbench.screenshot('ump-endpoint-completion');
    await rows.filter({ hasText: 'midiscope://diagnostics/loopback-b' }).first().click();
    let directive: string | undefined;
    await waitFor(
      'the directive to name loopback B',
      async () =>
        (directive = await lineShowing('#endpoint')) === '#endpoint midiscope://diagnostics/loopback-b',
      { timeoutMs, detail: () => `the line reads: ${directive}` },
    );

    // The lenses follow the line, and so does its hover.
    lenses = await lensesShowing('Send 2 messages to Diagnostics Loopback B');
    assert.ok(
      lenses.some((text) => /Send 3 messages to Diagnostics Loopback B/.test(text)),
      `lenses: ${lenses.join(' / ')}`,
    );
    assert.ok(!lenses.some((text) => /Loopback A/.test(text)), `lenses: ${lenses.join(' / ')}`);
    const hover = await hoverText(token('#endpoint', /^#endpoint$/), 'midiscope://diagnostics/loopback-b');
    assert.match(hover, /Diagnostics Loopback B/);
    assert.match(hover, /of the 2 blocks below/);
    await page.keyboard.press('Escape');

    // Sent where the line says, without asking.
    await editor()
      .locator('.codelens-decoration a', { hasText: 'Send 2 messages to Diagnostics Loopback B' })
      .first()
      .click();
    const sent = 'Sent 2 messages, 2 words to Diagnostics Loopback B.';
    let notifications: string[] = [];
    await waitFor(
      'the send notification',
      async () => (notifications = await workbench.notifications()).includes(sent),
      { timeoutMs, detail: () => `notifications: ${notifications.join(' / ')}` },
    );
    assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no endpoint was asked for');
    await waitFor(
      'the send in the log, with the endpoint id',
      () =>
        workbench
          .midiScopeLog()
          .some((line) => line.includes(`${sent} (midiscope://diagnostics/loopback-b)`)),
      { timeoutMs },
    );
  });

  it('colours a pasted C array literal’s words as words, decodes each message on hover and copies it back as little-endian bytes', async () => {
    const { page } = workbench;
    const digits = token('0x40904300', /^(0x)?40904300$/);
    await digits.waitFor({ state: 'visible', timeout: timeoutMs });
    // The function runs in the page (this file is compiled without the DOM's types).
    type Window = { getComputedStyle(element: unknown): { color: string } };
    const colour = (locator: ReturnType<typeof token>) =>
      locator.evaluate((element) => (globalThis as unknown as Window).getComputedStyle(element).color);
    const plain = await colour(token('chord', /static/));
    const wordColour = await colour(token('0x20803C00', /^(0x)?20803C00$/));
    assert.notEqual(wordColour, plain, `a word is coloured (${wordColour}, plain text ${plain})`);
    assert.equal(await colour(digits), wordColour, 'a word in the array literal is coloured as a word');
    // The grammar's scopes, as the workbench's token inspector shows them.
    await digits.click();
    await workbench.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const inspector = page.locator('.token-inspect-widget');
    await inspector.waitFor({ state: 'visible', timeout: timeoutMs });
    const scopes = await waitFor(
      'the token inspector to show the scopes',
      async () => {
        const text = shown(await inspector.textContent());
        return text.includes('constant.numeric.hex.word.ump') && text;
      },
      { timeoutMs },
    );
    assert.match(scopes, /meta\.array\.ump/);
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'hidden', timeout: timeoutMs });
    // The text cursor would sit over the word the pointer goes to.
    await page.keyboard.press('End');

    // The last message of the chord: its two words, read in the array's order.
    await workbench.runCommand('Notifications: Clear All Notifications');
    const hover = await hoverText(digits, '0x40904300 0xC9240000');
    assert.match(hover, /Note On/);
    assert.match(hover, /Note Number\s*67 \(G4\)/);
    assert.match(hover, /Velocity\s*0xC924/);
    await workbench.screenshot('ump-array-literal');
    await page.keyboard.press('Escape');

    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Copy Selection as Code');
    await workbench.quickInput('C / C++');
    await workbench.quickInput('Little-endian bytes');
    const copied = await waitFor(
      'the C bytes on the clipboard',
      async () => {
        const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
        return clipboard.includes('uint8_t') ? clipboard : undefined;
      },
      { timeoutMs, detail: () => 'the clipboard did not receive the code' },
    );
    // The #define's value first (the #endpoint line is a comment), each word low byte first.
    assert.match(copied, /static const uint8_t ump_le\[\] = \{\n {4}0x64, 0x3C, 0x90, 0x20, +\/\/ Note On/);
    assert.match(copied, /\n {4}0x00, 0x40, 0x90, 0x40, 0x00, 0x00, 0x24, 0xC9, \/\/ Note On: note 64/);
  });

  /** The frame that holds the monitor's webview content. */
  const monitorFrame = (): Promise<Frame> => findMonitorFrame(workbench.page, timeoutMs);

  it('marks problems in the monitor, alone and in the stream: badge, counter, details and problems only', async () => {
    const { page } = workbench;
    await workbench.runCommand('MIDI: Open Monitor');
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: 'Diagnostics Loopback B' })
      .click();
    await page.locator('.quick-input-widget .quick-input-box input').press('Enter');
    await monitorFrame();
    await workbench.openFile(sendFile);
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await workbench.runCommand('MIDI: Send Selection as UMP');
    await workbench.quickInput('Diagnostics Loopback A');
    await page.locator('.tabs-container .tab', { hasText: 'MIDI Monitor' }).click();
    // The monitor shares the editor area with the code above it; the Problems panel an earlier
    // test opened would leave it too short for four rows.
    if (await page.locator('.part.panel').isVisible()) await workbench.runCommand('View: Hide Panel');
    const monitor = await monitorFrame();
    const counter = monitor.locator('[data-counter="problems"]');
    let problemCount: string | null = null;
    await waitFor(
      'two messages with problems',
      async () => (problemCount = await counter.getAttribute('data-value')) === '2',
      { timeoutMs, detail: () => `the problems counter reads ${problemCount}` },
    );
    const rows = monitor.locator('.grid-rows .grid-row:not([hidden]):not(.loading)');
    const badges = monitor.locator('.grid-rows .grid-row:not([hidden]) .col-name[data-problems]');
    await waitFor(
      '4 rows, 2 with a badge',
      async () => (await rows.count()) === 4 && (await badges.count()) === 2,
      {
        timeoutMs,
      },
    );
    await monitor.locator('vscode-button[aria-label="Show only messages with problems"]').click();
    await waitFor('only the two rows with problems', async () => (await rows.count()) === 2, { timeoutMs });
    // The SysEx7 End: its problem is only in the stream, which the host saw in arrival order.
    await monitor.locator('.grid-rows .grid-row:not([hidden]) .col-name', { hasText: 'SysEx7 End' }).click();
    const list = monitor.locator('.details ul.problems');
    await list.waitFor({ state: 'visible', timeout: timeoutMs });
    assert.match((await list.textContent()) ?? '', /sysExWithoutStart/);
    const bits = monitor.locator('.details .problem-bits');
    assert.ok((await bits.count()) >= 1, 'the status nibble is highlighted');
    await workbench.screenshot('monitor-problems');
  });

  it("copies the monitor's selected rows as code from its context menu, asking as the editor does", async () => {
    const { page } = workbench;
    // The monitor of the test before, still filtered to its two rows with problems.
    const monitor = await monitorFrame();
    const row = (name: string) =>
      monitor.locator('.grid-rows .grid-row:not([hidden])', {
        has: monitor.locator('.col-name', { hasText: name }),
      });
    await row('Note On').first().click();
    await row('SysEx7 End')
      .first()
      .click({ modifiers: ['Shift'] });
    await row('SysEx7 End').first().click({ button: 'right' });
    const item = page.locator('.context-view .action-menu-item', { hasText: 'Copy as Code' });
    await item.first().waitFor({ state: 'visible', timeout: timeoutMs });
    // As the captures spec does with VS Code's context menus: hover the item, then Enter.
    await item.first().hover();
    await page.keyboard.press('Enter');
    await item.first().waitFor({ state: 'hidden', timeout: timeoutMs });
    await workbench.quickInput('Rust (array)');
    await workbench.quickInput('Big-endian words');
    const copied = await waitFor(
      'the Rust array on the clipboard',
      async () => {
        const clipboard = await page.evaluate<string>('navigator.clipboard.readText()');
        return clipboard.includes('const UMP') ? clipboard : undefined;
      },
      { timeoutMs, detail: () => 'the clipboard did not receive the code' },
    );
    assert.match(copied, /^const UMP: \[u32; 3\] = \[$/m);
    assert.match(copied, /\n {4}0x20903CFF, {13}\/\/ Note On/);
    assert.match(copied, /\n {4}0x30350102, 0x03040506, \/\/ SysEx7 End/);
  });

  it('renumbers the groups in its inlay hints when the numbering setting flips', async () => {
    await workbench.openFile(blocksFile);
    let lastSeen: string | undefined;
    const hintShows = (what: string, groups: RegExp) =>
      waitFor(
        what,
        async () => {
          lastSeen = await lineShowing('0xF0118133');
          return lastSeen !== undefined && groups.test(lastSeen) && lastSeen;
        },
        { timeoutMs, detail: () => `the line showed: ${lastSeen}` },
      );
    await hintShows('the hint numbering groups from 1', /groups 1–2/);
    const setNumbering = (numbering: string | undefined) =>
      changeUserSettings(
        workbench,
        (settings) => {
          if (numbering === undefined) delete settings['midiScope.display.numbering'];
          else settings['midiScope.display.numbering'] = numbering;
        },
        timeoutMs,
      );
    await setNumbering('zeroBased');
    try {
      // Drawn again without an edit: only the setting changed.
      await hintShows('the hint numbering groups from 0', /groups 0–1/);
    } finally {
      await setNumbering(undefined);
    }
    await hintShows('the hint numbering groups from 1 again', /groups 1–2/);
  });
});
