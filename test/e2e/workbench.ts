// A real VS Code workbench for end-to-end specs: MIDI Scope's VSIX installed into a throwaway
// code-server on 127.0.0.1, the sample workspace (plus any files a spec adds) open in headless
// Chromium, and the few gestures a person makes, done the way a person makes them: the command
// palette, quick inputs, Quick Open, the activity bar. Specs run under scripts/harness/run-e2e.mjs,
// which packages MIDI Scope once and tells this module where the VSIX is (MIDI_SCOPE_VSIX).
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ActivationReport } from '../../scripts/harness/extensionHostLog.mjs';
import { activationReport, latestExtensionHostLog } from '../../scripts/harness/extensionHostLog.mjs';
import { waitFor } from '../../scripts/harness/waitFor.mjs';
import type { WorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';
import { startWorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';

export { waitFor };

export interface Workbench {
  page: Page;
  url: string;
  workspaceDir: string;
  userDataDir: string;
  /** Saves a PNG to test-output/e2e/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** F1, type the title as the palette shows it ("MIDI: Create Loopback Pair"), pick it. */
  runCommand(title: string): Promise<void>;
  /** Types into the open quick input (quick pick or input box) and presses Enter. */
  quickInput(text: string): Promise<void>;
  /** Opens a workspace file in an editor through Quick Open. */
  openFile(relativePath: string): Promise<void>;
  /** Shows the "MIDI" view container from the activity bar. */
  openMidiView(): Promise<void>;
  /** The messages of the notification toasts on screen. */
  notifications(): Promise<string[]>;
  /** Reloads the window and waits until the workbench and a new extension host are ready. */
  reload(): Promise<void>;
  /** The newest extension host's log, whole. */
  extensionHostLog(): string;
  /** What that extension host logged about activating MIDI Scope (undefined: not activated yet). */
  activation(): ActivationReport | undefined;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Files to add to the sample workspace (or replace in it), by path relative to its root. */
  workspaceFiles?: Record<string, string>;
  /** User settings, over the harness's quiet defaults. */
  settings?: Record<string, unknown>;
}

export const extensionId = 'midi-scope.midi-scope';
/** How long one gesture's effect (a quick input appearing, an editor opening) may take. */
const gestureTimeoutMs = 15_000;

const projectRoot = findProjectRoot(__dirname);
const outputDir = join(projectRoot, 'test-output/e2e');
const screenshotDir = join(outputDir, 'screenshots');
let launches = 0;

/** Starts a workbench; close() it when done (an after() hook). */
export async function launchWorkbench(options: LaunchOptions = {}): Promise<Workbench> {
  const vsix = process.env.MIDI_SCOPE_VSIX;
  if (!vsix || !existsSync(vsix)) {
    throw new Error(
      `MIDI_SCOPE_VSIX is ${vsix ? `${vsix}, which does not exist` : 'not set'}: run the end-to-end ` +
        'specs with `node scripts/harness/run-e2e.mjs`, which packages MIDI Scope and sets it',
    );
  }
  launches += 1;
  const workspaceDir = createWorkspace(options.workspaceFiles ?? {});
  const removeWorkspace = () => rmSync(dirname(workspaceDir), { recursive: true, force: true });
  let session: WorkbenchSession;
  try {
    session = await startWorkbenchSession({
      projectRoot,
      vsixPaths: [vsix],
      workspaceDir,
      label: 'e2e',
      settings: options.settings,
      logsDestination: join(outputDir, 'logs', `workbench-${process.pid}-${launches}`),
    });
  } catch (error) {
    removeWorkspace();
    throw error;
  }
  recordFigures(session.figures);
  const { page } = session;
  const quickInput = page.locator('.quick-input-widget');
  const quickInputBox = quickInput.locator('.quick-input-box input');

  const openQuickInput = async (value: string) => {
    await page.keyboard.press('F1');
    await quickInputBox.waitFor({ state: 'visible', timeout: gestureTimeoutMs });
    await quickInputBox.fill(value);
  };

  /** Clicks the quick input row that `matches` says is the one, once the list shows it. */
  const pickRow = async (what: string, matches: (row: Locator) => Promise<boolean>) => {
    const rows = quickInput.locator('.quick-input-list .monaco-list-row');
    const row = await waitFor(
      what,
      async () => {
        for (const candidate of await rows.all()) if (await matches(candidate)) return candidate;
        return undefined;
      },
      { timeoutMs: gestureTimeoutMs, detail: () => 'the quick input showed no such row' },
    );
    await row.click();
  };

  return {
    page,
    url: session.url,
    workspaceDir,
    userDataDir: session.userDataDir,

    async screenshot(name) {
      if (!/^[\w.-]+$/.test(name))
        throw new Error(`screenshot name "${name}": use letters, digits, ".", "-", "_"`);
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },

    async runCommand(title) {
      await openQuickInput(`>${title}`);
      await pickRow(`"${title}" in the command palette`, async (row) => (await labelOf(row)) === title);
      // The palette closes, or the command opens its own quick input in the same widget.
      await waitFor(
        `the command palette to hand over after "${title}"`,
        async () => !(await quickInput.isVisible()) || (await quickInputBox.inputValue()) !== `>${title}`,
        { timeoutMs: gestureTimeoutMs },
      );
    },

    async quickInput(text) {
      await quickInputBox.waitFor({ state: 'visible', timeout: gestureTimeoutMs });
      // As a person would, wait for it to be ready: some (the file dialog) fill themselves in
      // while their progress bar runs, and would overwrite what was typed.
      await settledQuickInput(quickInput, 'the quick input to be ready');
      await quickInputBox.fill(text);
      // Validation messages and filtered lists follow the typing a moment later.
      const typed = await settledQuickInput(quickInput, `the quick input to show "${text}"`, text);
      await throwIfRefused(quickInput, text);
      await quickInputBox.press('Enter');
      // Done when the quick input closes or shows the next step; until then typing would land in
      // the step just answered.
      await waitFor(
        `the quick input to move on from "${text}"`,
        async () => {
          if (!(await quickInput.isVisible())) return true;
          await throwIfRefused(quickInput, text);
          return (await quickInputState(quickInput)) !== typed;
        },
        { timeoutMs: gestureTimeoutMs },
      );
    },

    async openFile(relativePath) {
      const name = relativePath.split('/').pop() ?? relativePath;
      await openQuickInput(relativePath);
      await pickRow(`${relativePath} in Quick Open`, async (row) => (await labelOf(row)) === name);
      const tab = page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
      await tab.waitFor({ state: 'visible', timeout: gestureTimeoutMs });
    },

    async openMidiView() {
      const item = page.locator('.part.activitybar .action-item').filter({
        has: page.locator('[aria-label="MIDI"], [aria-label^="MIDI ("]'),
      });
      await item.waitFor({ state: 'visible', timeout: gestureTimeoutMs });
      // Clicking the container that is already showing would hide the side bar.
      if (!((await item.getAttribute('class')) ?? '').split(' ').includes('checked')) await item.click();
      await page
        .locator('.part.sidebar .composite.title')
        .filter({ hasText: 'MIDI' })
        .waitFor({ state: 'visible', timeout: gestureTimeoutMs });
    },

    async notifications() {
      const messages = page.locator('.notifications-toasts .notification-list-item-message');
      return (await messages.allTextContents()).map((text) => text.trim());
    },

    async reload() {
      await page.reload();
      await session.waitForWorkbench();
    },

    extensionHostLog() {
      const file = latestExtensionHostLog(session.userDataDir);
      return file === undefined ? '' : readFileSync(file, 'utf8');
    },

    activation() {
      return activationReport(session.userDataDir, extensionId);
    },

    async close() {
      const ownMeasure = activationReport(session.userDataDir, extensionId)?.selfReportedMs;
      if (ownMeasure !== undefined) recordFigures({ activateMs: ownMeasure });
      await session.close();
      removeWorkspace();
    },
  };
}

/** A quick input row's label: a command's palette title, a file's name. */
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

/** A scratch copy of samples/ with `files` written over it. */
function createWorkspace(files: Record<string, string>): string {
  const workspaceDir = join(mkdtempSync(join(tmpdir(), 'midi-scope-e2e-workspace-')), 'workspace');
  cpSync(join(projectRoot, 'samples'), workspaceDir, { recursive: true });
  for (const [relativePath, content] of Object.entries(files)) {
    const normalized = normalize(relativePath);
    if (isAbsolute(normalized) || normalized === '..' || normalized.startsWith(`..${sep}`)) {
      throw new Error(`workspaceFiles: "${relativePath}" must be a path inside the workspace`);
    }
    const path = join(workspaceDir, normalized);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return workspaceDir;
}

/**
 * Records a measured duration under `name` for run-e2e.mjs to summarize after the run (medians
 * over every spec that recorded one), e.g. recordFigure('midiViewFilledMs', 812).
 */
export function recordFigure(name: string, milliseconds: number): void {
  recordFigures({ [name]: Math.round(milliseconds) });
}

/** Figures for run-e2e.mjs to summarize (MIDI_SCOPE_E2E_FIGURES names a JSON-lines file). */
function recordFigures(figures: Record<string, number>): void {
  const file = process.env.MIDI_SCOPE_E2E_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}

/** The checkout this bundle belongs to: the nearest folder above with MIDI Scope's package.json. */
function findProjectRoot(from: string): string {
  for (let directory = from; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'midi-scope'
    ) {
      return directory;
    }
    if (dirname(directory) === directory) throw new Error(`no midi-scope package.json above ${from}`);
  }
}
