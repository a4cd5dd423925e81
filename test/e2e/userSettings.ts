// Changing the user's settings in a running workbench the way a person does: settings.json
// edited in the editor and saved with Ctrl+S (a write behind the workbench's back is not always
// noticed). Pasted, so that auto-closing brackets do not interfere. Needs clipboard permission.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from './workbench';
import { waitFor } from './workbench';

export async function changeUserSettings(
  workbench: Workbench,
  change: (settings: Record<string, unknown>) => void,
  timeoutMs: number,
): Promise<void> {
  const settingsFile = join(workbench.userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  change(settings);
  const text = `${JSON.stringify(settings, null, 2)}\n`;
  const page = workbench.page;
  await workbench.runCommand('Preferences: Open User Settings (JSON)');
  // This workbench shows settings.json in a modal editor; others in a tab.
  const lines = page
    .locator('.monaco-editor', { hasText: 'workbench.startupEditor' })
    .locator('.view-lines')
    .first();
  await lines.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await lines.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+S');
  await waitFor('settings.json to be saved', () => readFileSync(settingsFile, 'utf8') === text, {
    timeoutMs,
    detail: () => readFileSync(settingsFile, 'utf8'),
  });
  const modal = page.locator('.monaco-modal-editor-block');
  if (await modal.isVisible()) {
    await modal.locator('.action-label[aria-label^="Close"]').first().click();
    await modal.waitFor({ state: 'hidden', timeout: timeoutMs });
    return;
  }
  await workbench.runCommand('View: Close Editor');
}
