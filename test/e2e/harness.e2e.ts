// The harness itself, end to end: a real workbench starts with MIDI Scope installed, shows the
// MIDI container in the activity bar, and the extension activates without an error.
import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { launchWorkbench, recordFigure, waitFor } from './workbench';

describe('harness: MIDI Scope in a real workbench', function () {
  let workbench: Workbench;

  before(async () => {
    // Without the sample test files: a workspace with *.umptest files activates MIDI Scope at
    // start for the Test Explorer (testExplorer.e2e.ts), and this spec checks lazy activation.
    workbench = await launchWorkbench({ leaveOut: ['tests'] });
  });

  after(async () => {
    await workbench?.close();
  });

  it('shows the MIDI container in the activity bar', async () => {
    const item = workbench.page.locator('.part.activitybar .action-label[aria-label="MIDI"]');
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await item.count(), 1);
  });

  it('activates MIDI Scope when its view opens, with no activation error in the extension host log', async () => {
    assert.equal(
      workbench.activation(),
      undefined,
      'nothing should activate MIDI Scope before its view opens',
    );
    const clickedAt = Date.now();
    const clicked = performance.now();
    await workbench.openMidiView();
    const rows = workbench.page.locator('.part.sidebar .monaco-list-row');
    // The tree's structure (its group rows), then the endpoints the engine reports: what the
    // person clicking waits for. Where the time goes is recorded next to it.
    await rows.filter({ hasText: 'Loopbacks' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const structureMs = performance.now() - clicked;
    await rows
      .filter({ hasText: 'Diagnostics Loopback A' })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    const filledMs = performance.now() - clicked;
    const report = await waitFor(
      'MIDI Scope to log that it finished activating (or failed)',
      () => {
        const current = workbench.activation();
        return current !== undefined && (current.finished || current.errors.length > 0) && current;
      },
      { timeoutMs: 15_000, detail: () => workbench.extensionHostLog() },
    );
    const ownFigure = (pattern: RegExp): number | undefined => {
      for (const line of workbench.midiScopeLog()) {
        const match = pattern.exec(line);
        if (match) return Number(match[1]);
      }
      return undefined;
    };
    const figures: Record<string, number> = {
      midiViewActivationRequestedMs: report.requestedAt - clickedAt,
      midiViewStructureMs: structureMs,
      midiViewFilledMs: filledMs,
    };
    const engineLoadMs = ownFigure(/MIDI engine loaded in ([\d.]+) ms/);
    if (engineLoadMs !== undefined) figures.engineLoadMs = engineLoadMs;
    const treeShownMs = ownFigure(/endpoints tree registered ([\d.]+) ms into activate/);
    if (treeShownMs !== undefined) figures.treeRegisteredMs = treeShownMs;
    const bundleMs = ownFigure(/bundle evaluated ([\d.]+) ms before activate/);
    if (bundleMs !== undefined) figures.bundleEvaluationMs = bundleMs;
    for (const [name, value] of Object.entries(figures)) recordFigure(name, value);
    assert.deepEqual(report.errors, []);
    assert.equal(report.activationEvent, 'onView:midiScope.endpoints');
    assert.doesNotMatch(workbench.extensionHostLog(), /Activating extension midi-scope\.midi-scope failed/);
    await workbench.screenshot('harness-midi-view');
  });

  it('runs a MIDI command from the command palette', async () => {
    await workbench.runCommand('MIDI: Show Log');
    // The Output panel shows MIDI Scope's log, which starts with its activation.
    await workbench.page
      .locator('.part.panel .view-lines')
      .filter({ hasText: 'activated in' })
      .waitFor({ state: 'visible', timeout: 15_000 });
    await workbench.screenshot('harness-show-log');
  });
});
