// @ts-check
// User settings for a throwaway workbench: quiet and deterministic (no welcome page, no chat
// panel, no update or recommendation prompts), so tests and screenshots see MIDI Scope only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const quietWorkbenchSettings = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
});

/**
 * Writes <userDataDir>/User/settings.json: the quiet defaults, then `settings` over them.
 * @param {string} userDataDir
 * @param {Record<string, unknown>} [settings]
 * @returns {string} the settings file
 */
export function writeUserSettings(userDataDir, settings = {}) {
  const directory = join(userDataDir, 'User');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'settings.json');
  writeFileSync(file, `${JSON.stringify({ ...quietWorkbenchSettings, ...settings }, null, 2)}\n`);
  return file;
}
