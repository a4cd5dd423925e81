// Driving VS Code's quick input (the command palette, Quick Open, quick picks and input boxes) the
// way a person does, and waiting at each step for what a person would wait for.
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../scripts/harness/waitFor.mjs';

/** How long one gesture's effect (a quick input appearing, an editor opening) may take. */
export const gestureTimeoutMs = 15_000;

function widget(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

function inputBox(page: Page): Locator {
  return widget(page).locator('.quick-input-box input');
}

/** F1, type the title as the palette shows it ("MIDI: Create Loopback Pair"), pick it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await withPaletteReopened(page, `"${title}"`, async () => {
    await openQuickInput(page, `>${title}`);
    await pickRow(page, `"${title}" in the command palette`, async (row) => (await labelOf(row)) === title);
  });
  // The palette closes, or the command opens its own quick input in the same widget.
  await waitFor(
    `the command palette to hand over after "${title}"`,
    async () => !(await widget(page).isVisible()) || (await inputBox(page).inputValue()) !== `>${title}`,
    { timeoutMs: gestureTimeoutMs },
  );
}

/** Opens a workspace file through Quick Open and waits for its editor tab. */
export async function quickOpen(page: Page, relativePath: string): Promise<void> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await withPaletteReopened(page, relativePath, async () => {
    await openQuickInput(page, relativePath);
    await pickRow(page, `${relativePath} in Quick Open`, async (row) => (await labelOf(row)) === name);
  });
  const tab = page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
  await tab.waitFor({ state: 'visible', timeout: gestureTimeoutMs });
}

/**
 * Clicks the row of the open quick pick whose label is exactly `label` (a multi-select pick
 * ticks it). Waits until exactly one row has it: while the list redraws, a row can show twice.
 */
export async function pickQuickInputRow(page: Page, label: string): Promise<void> {
  await inputBox(page).waitFor({ state: 'visible', timeout: gestureTimeoutMs });
  const rows = widget(page).locator('.quick-input-list .monaco-list-row');
  let labels: (string | null)[] = [];
  const row = await waitFor(
    `one row labelled "${label}" in the quick input`,
    async () => {
      const candidates = await rows.all();
      labels = await Promise.all(candidates.map(labelOf));
      const matching = candidates.filter((_, index) => labels[index] === label);
      return matching.length === 1 ? matching[0] : undefined;
    },
    { timeoutMs: gestureTimeoutMs, detail: () => `the rows were: ${labels.join(' / ')}` },
  );
  await row.click({ timeout: gestureTimeoutMs });
}

/** Types `text` into the open quick input, presses Enter, and waits until it moves on. */
export async function answerQuickInput(page: Page, text: string): Promise<void> {
  const quickInput = widget(page);
  await inputBox(page).waitFor({ state: 'visible', timeout: gestureTimeoutMs });
  // As a person would, wait for it to be ready: some (the file dialog) fill themselves in while
  // their progress bar runs, and would overwrite what was typed.
  await settledQuickInput(quickInput, 'the quick input to be ready');
  await inputBox(page).fill(text);
  // Validation messages and filtered lists follow the typing a moment later.
  const typed = await settledQuickInput(quickInput, `the quick input to show "${text}"`, text);
  await throwIfRefused(quickInput, text);
  await inputBox(page).press('Enter');
  // Done when the quick input closes or shows the next step; until then typing would land in the
  // step just answered.
  await waitFor(
    `the quick input to move on from "${text}"`,
    async () => {
      if (!(await quickInput.isVisible())) return true;
      await throwIfRefused(quickInput, text);
      return (await quickInputState(quickInput)) !== typed;
    },
    { timeoutMs: gestureTimeoutMs },
  );
}

/** The palette closed before its row was picked: nothing ran, and F1 may be pressed again. */
class PaletteClosed extends Error {}

/**
 * Runs `open` (F1 or Quick Open, then the pick) and, when the palette closed under it before
 * anything was picked, once more. A webview whose tab was just clicked takes the focus a moment
 * later; a palette opened in that moment closes again (VS Code hides a quick input that loses
 * the focus), and a person would press F1 again. Nothing is retried once a row was clicked.
 */
async function withPaletteReopened(page: Page, what: string, open: () => Promise<void>): Promise<void> {
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      await open();
      return;
    } catch (error) {
      if (!(error instanceof PaletteClosed) || attempt === attempts) throw error;
      console.log(`[e2e] the palette closed before ${what} was picked (${error.message}); opening it again`);
      await widget(page).waitFor({ state: 'hidden', timeout: gestureTimeoutMs });
    }
  }
}

async function openQuickInput(page: Page, value: string): Promise<void> {
  await page.keyboard.press('F1');
  await inputBox(page).waitFor({ state: 'visible', timeout: gestureTimeoutMs });
  try {
    await inputBox(page).fill(value, { timeout: gestureTimeoutMs });
  } catch (error) {
    if (!(await paletteOpen(page))) throw new PaletteClosed(`while typing "${value}"`);
    throw error;
  }
}

/** Whether the quick input is showing and not on its way out (closing, it turns inert). */
async function paletteOpen(page: Page): Promise<boolean> {
  const quickInput = widget(page);
  if (!(await quickInput.isVisible())) return false;
  return (await quickInput.getAttribute('inert')) === null;
}

/**
 * Clicks the row that `matches` says is the one, once the list shows it. Throws PaletteClosed
 * when the quick input closes before that (nothing was picked).
 */
async function pickRow(page: Page, what: string, matches: (row: Locator) => Promise<boolean>): Promise<void> {
  const rows = widget(page).locator('.quick-input-list .monaco-list-row');
  const row = await waitFor(
    what,
    async () => {
      if (!(await paletteOpen(page))) throw new PaletteClosed(`while waiting for ${what}`);
      for (const candidate of await rows.all()) if (await matches(candidate)) return candidate;
      return undefined;
    },
    { timeoutMs: gestureTimeoutMs, detail: () => 'the quick input showed no such row' },
  );
  try {
    await row.click({ timeout: gestureTimeoutMs });
  } catch (error) {
    // A click that could not land on a closed palette picked nothing.
    if (!(await paletteOpen(page))) throw new PaletteClosed(`before ${what} could be clicked`);
    throw error;
  }
}

/** A row's label: a command's palette title, a file's name. */
async function labelOf(row: Locator): Promise<string | null> {
  return row.locator('.label-name').first().textContent();
}

/** What the quick input shows: which step it is on, what is typed, what it offers. */
async function quickInputState(quickInput: Locator): Promise<string> {
  const parts = await Promise.all([
    quickInput.locator('.quick-input-title').textContent(),
    quickInput.locator('.quick-input-box input').getAttribute('placeholder'),
    quickInput.locator('.quick-input-box input').inputValue(),
    quickInput.locator('.quick-input-message').textContent(),
    quickInput.locator('.quick-input-list').textContent(),
  ]);
  return JSON.stringify(parts);
}

/**
 * Waits until the quick input is not busy and reads the same twice in a row (with `value` typed
 * in, if given), and returns what it reads.
 */
async function settledQuickInput(quickInput: Locator, what: string, value?: string): Promise<string> {
  let previous: string | undefined;
  return waitFor(
    what,
    async () => {
      const busy = (await quickInput.locator('.quick-input-progress.active').count()) > 0;
      const current = await quickInputState(quickInput);
      const typed =
        value === undefined || (await quickInput.locator('.quick-input-box input').inputValue()) === value;
      const settled = !busy && typed && current === previous;
      previous = current;
      return settled && current;
    },
    { timeoutMs: gestureTimeoutMs, intervalMs: 50 },
  );
}

/** Fails with the quick input's own message when it marks the typed text as an error. */
async function throwIfRefused(quickInput: Locator, text: string): Promise<void> {
  if (!(await quickInput.locator('.quick-input-box .monaco-inputbox.error').isVisible())) return;
  const message = (await quickInput.locator('.quick-input-message').textContent()) ?? '';
  throw new Error(`the quick input refuses "${text}": ${message.trim()}`);
}
