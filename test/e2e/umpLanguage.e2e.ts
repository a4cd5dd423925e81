// `.ump` as a language in a real workbench: colours, a yellow squiggle on a reserved field, the
// hover that decodes a message, CodeLens above each block, and Copy Selection as Code through the
// browser's clipboard. Saves the README's screenshot.
import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { launchWorkbench, waitFor } from './workbench';

const timeoutMs = 15_000;
const file = 'e2e-language.ump';
const content = [
  '// A note, then a Program Change whose reserved second byte is not 0',
  '0x20903C64 // Note On, note 60, velocity 100',
  '+250ms 0x20803C00 // Note Off',
  '',
  '0x20C00501 // Program Change 5 (reserved byte 01)',
  '0x20903CFF // velocity 0xFF: bit 7 set',
  '',
].join('\n');

describe('ump language in the workbench', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await launchWorkbench({
      workspaceFiles: { [file]: content },
      settings: { 'editor.hover.delay': 100 },
    });
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

  it('shows CodeLens, squiggles and a hover with the fields and problems', async () => {
    const { page } = workbench;
    await workbench.openFile(file);
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor
      .locator('.codelens-decoration', { hasText: 'Schedule' })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await editor
      .locator('.codelens-decoration', { hasText: 'Send 2 messages' })
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: timeoutMs });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: timeoutMs });
    // Colours from the grammar: the words are tokenized apart from the comments.
    const word = editor.locator('.view-line span', { hasText: /^0x20C00501$/ }).first();
    await word.waitFor({ state: 'visible', timeout: timeoutMs });
    await word.hover();
    const hover = page.locator('.monaco-hover-content', { hasText: 'Program Change' }).first();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    const text = (await hover.textContent()) ?? '';
    assert.match(text, /reservedBitsSet/);
    assert.match(text, /Program/);
    await workbench.screenshot('ump-language');
    await page.keyboard.press('Escape');
  });

  it('copies the selection as a C array through the clipboard', async () => {
    const { page } = workbench;
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
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
    assert.match(copied, /0x20903C64, \/\/ Note On: note 60 vel 100/);
    assert.match(copied, /0x20C00501, \/\/ Program Change/);
  });
});
