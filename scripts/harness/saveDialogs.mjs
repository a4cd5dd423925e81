// @ts-check
// @vscode/test-electron runs the suites in VS Code's extension-test mode, where the workbench never
// shows "Do you want to save the changes…?": it answers Don't Save by itself (FileDialogService's
// skipDialogs). code-server cannot enter that mode, so the integration launcher answers the same
// dialog the same way in the page, and the suites behave alike under both launchers.
// Any other dialog is left alone: a test that opens one times out, and the end screenshot shows it.

const dialog = '.monaco-dialog-box';

/**
 * Clicks Don't Save if the page shows a save confirmation.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<string | undefined>} the dialog's message when it answered one
 */
export async function answerSaveConfirmation(page) {
  const box = page.locator(dialog).filter({ hasText: 'Do you want to save' });
  if ((await box.count()) === 0) return undefined;
  const message = (await box.first().locator('.dialog-message-text').textContent()) ?? '';
  await box.first().getByRole('button', { name: "Don't Save" }).click();
  return message.trim();
}
