// A real VS Code workbench for end-to-end specs: MIDI Scope's VSIX installed into a throwaway
// code-server on 127.0.0.1, the sample workspace (plus any files a spec adds) open in headless
// Chromium, and the few gestures a person makes, done the way a person makes them: the command
// palette, quick inputs, Quick Open, the activity bar. Specs run under scripts/harness/run-e2e.mjs,
// which packages MIDI Scope once and tells this module where the VSIX is (MIDI_SCOPE_VSIX).
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ActivationReport } from '../../scripts/harness/extensionHostLog.mjs';
import {
  activationReport,
  extensionHostLifecycle,
  extensionLogEntries,
  latestExtensionHostLog,
} from '../../scripts/harness/extensionHostLog.mjs';
import { waitFor } from '../../scripts/harness/waitFor.mjs';
import type { WorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';
import { startWorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';
import { recordFigure, recordFigures } from './workbenchFigures';
import {
  answerQuickInput,
  gestureTimeoutMs,
  pickQuickInputRow,
  quickOpen,
  runCommand,
} from './workbenchQuickInput';
import { createWorkspace, projectRoot } from './workbenchWorkspace';

export { recordFigure, waitFor };

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
  /** Clicks the open quick pick's row labelled exactly `label` (ticks it in a multi-select pick). */
  pickRow(label: string): Promise<void>;
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
  /** Every extension host's terminate and exit lines so far, for failure details. */
  extensionHostLifecycle(): string[];
  /** What that extension host logged about activating MIDI Scope (undefined: not activated yet). */
  activation(): ActivationReport | undefined;
  /** The lines MIDI Scope's own log channel wrote in that extension host, oldest first. */
  midiScopeLog(): string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Files to add to the sample workspace (or replace in it), by path relative to its root. */
  workspaceFiles?: Record<string, string>;
  /** User settings, over the harness's quiet defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and its extension hosts, e.g. { MIDI_SCOPE_ADDON: path }. */
  env?: Record<string, string>;
  /** Sample folders to leave out of the workspace, e.g. ['tests'] (its *.umptest files activate MIDI Scope at start). */
  leaveOut?: string[];
  /** Start without MIDI Scope installed (a spec installs it into the running window). */
  withoutMidiScope?: boolean;
}

export const extensionId = 'midi-scope.midi-scope';

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
  const workspaceDir = createWorkspace(options.workspaceFiles ?? {}, options.leaveOut);
  const removeWorkspace = () => rmSync(dirname(workspaceDir), { recursive: true, force: true });
  let session: WorkbenchSession;
  try {
    session = await startWorkbenchSession({
      projectRoot,
      vsixPaths: options.withoutMidiScope ? [] : [vsix],
      workspaceDir,
      label: 'e2e',
      settings: options.settings,
      env: options.env,
      logsDestination: join(outputDir, 'logs', `workbench-${process.pid}-${launches}`),
    });
  } catch (error) {
    removeWorkspace();
    throw error;
  }
  recordFigures(session.figures);
  const { page } = session;

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

    runCommand: (title) => runCommand(page, title),
    quickInput: (text) => answerQuickInput(page, text),
    pickRow: (label) => pickQuickInputRow(page, label),
    openFile: (relativePath) => quickOpen(page, relativePath),

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

    extensionHostLifecycle() {
      return extensionHostLifecycle(session.userDataDir);
    },

    activation() {
      return activationReport(session.userDataDir, extensionId);
    },

    midiScopeLog() {
      return extensionLogEntries(session.userDataDir, extensionId).map((entry) => entry.text);
    },

    async close() {
      const ownMeasure = activationReport(session.userDataDir, extensionId)?.selfReportedMs;
      if (ownMeasure !== undefined) recordFigures({ activateMs: ownMeasure });
      await session.close();
      removeWorkspace();
    },
  };
}
