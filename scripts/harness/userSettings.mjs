// @ts-check
// User settings for a throwaway workbench: quiet and deterministic (no welcome page, no chat
// panel, no update or recommendation prompts), so tests and screenshots see MIDI Scope only.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  // MIDI Scope's first-run walkthrough would take the editor area in every fresh profile; the
  // walkthrough spec turns it back on.
  'midiScope.openWalkthroughOnFirstRun': false,
});

/** @param {string} userDataDir */
function settingsFile(userDataDir) {
  return join(userDataDir, 'User', 'settings.json');
}

/**
 * Writes <userDataDir>/User/settings.json: the quiet defaults, then `settings` over them.
 * @param {string} userDataDir
 * @param {Record<string, unknown>} [settings]
 * @returns {string} the settings file
 */
export function writeUserSettings(userDataDir, settings = {}) {
  const file = settingsFile(userDataDir);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...quietWorkbenchSettings, ...settings }, null, 2)}\n`);
  return file;
}

/**
 * Gives a lasting profile the quiet defaults once; after that the settings are the user's own
 * (loopback pairs made persistent, for one) and are left alone.
 * @param {string} userDataDir
 * @returns {boolean} whether it wrote them
 */
export function writeUserSettingsOnce(userDataDir) {
  if (existsSync(settingsFile(userDataDir))) return false;
  writeUserSettings(userDataDir);
  return true;
}
