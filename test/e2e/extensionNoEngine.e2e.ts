// A platform without a working native engine: activation still succeeds, the tree shows one
// error item with the reason, and commands say the engine is unavailable instead of failing
// obscurely. MIDI_SCOPE_ADDON points the loader at a file that is not an addon.
// (launchWorkbench() takes no environment, so this spec starts its session one level lower.)
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';
import { startWorkbenchSession } from '../../scripts/harness/workbenchSession.mjs';
import { waitFor } from './workbench';

const timeoutMs = 15_000;
/** out/test/e2e/<this>.js → the checkout. */
const projectRoot = join(__dirname, '../../..');

describe('extension: without a working native engine', function () {
  let session: WorkbenchSession;
  let scratch: string;

  before(async () => {
    const vsix = process.env.MIDI_SCOPE_VSIX;
    assert.ok(vsix, 'MIDI_SCOPE_VSIX is not set: run the specs with `node scripts/harness/run-e2e.mjs`');
    scratch = mkdtempSync(join(tmpdir(), 'midi-scope-e2e-no-engine-'));
    const brokenAddon = join(scratch, 'midi_scope.node');
    writeFileSync(brokenAddon, 'not a Node-API addon\n');
    const workspaceDir = join(scratch, 'workspace');
    mkdirSync(workspaceDir);
    writeFileSync(join(workspaceDir, 'note.ump'), '0x20903C64\n');
    session = await startWorkbenchSession({
      projectRoot,
      vsixPaths: [vsix],
      workspaceDir,
      label: 'e2e-no-engine',
      env: { MIDI_SCOPE_ADDON: brokenAddon },
      logsDestination: join(projectRoot, 'test-output/e2e/logs', `no-engine-${process.pid}`),
    });
  });

  after(async () => {
    await session?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function screenshot(name: string): Promise<void> {
    const directory = join(projectRoot, 'test-output/e2e/screenshots');
    mkdirSync(directory, { recursive: true });
    await session.page.screenshot({ path: join(directory, `${name}.png`) });
  }

  it('shows one error item with the reason in the MIDI view', async () => {
    const { page } = session;
    await page.locator('.part.activitybar .action-label[aria-label="MIDI"]').click();
    // The Endpoints view (the container also holds the Network MIDI 2.0 view, with rows of its own).
    const endpointsPane = page
      .locator('.part.sidebar .pane')
      .filter({ has: page.locator('.pane-header', { hasText: 'Endpoints' }) });
    const rows = endpointsPane.locator('.monaco-list-row');
    const errorRow = rows.filter({ hasText: 'MIDI engine unavailable' });
    await errorRow.waitFor({ state: 'visible', timeout: timeoutMs });
    assert.equal(await rows.count(), 1);
    assert.match(
      (await errorRow.getAttribute('aria-label')) ?? '',
      /MIDI Scope could not load its native engine .*midi_scope\.node/,
    );
    await screenshot('extension-no-engine-01-tree');
  });

  it('says so when a command needs the engine', async () => {
    const { page } = session;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('>MIDI: Create Loopback Pair');
    const row = page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ hasText: 'Create Loopback Pair' });
    await row.first().click();
    const message = await waitFor(
      'the engine-unavailable notification',
      async () =>
        (await page.locator('.notifications-toasts .notification-list-item-message').allTextContents()).find(
          (text) => text.includes('The MIDI engine is not available'),
        ),
      { timeoutMs, detail: () => session.diagnostics() },
    );
    assert.match(message, /could not load its native engine/);
    await screenshot('extension-no-engine-02-command');
  });
});
