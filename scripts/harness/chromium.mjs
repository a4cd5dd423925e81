// @ts-check
// Debian's Chromium driven by playwright-core (Playwright cannot download browsers here), with
// the flags that keep it off the network and working without a GPU or a sandbox.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: MIDI_SCOPE_CHROMIUM, or Debian's /usr/bin/chromium. */
export function chromiumExecutable() {
  const path = process.env.MIDI_SCOPE_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: run scripts/setup-vscode.sh (it installs Debian's chromium) ` +
        'or point MIDI_SCOPE_CHROMIUM at a Chromium binary',
    );
  }
  return path;
}

/** @returns {Promise<import('playwright-core').Browser>} a headless Chromium */
export async function launchChromium() {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: chromiumFlags });
}

/** The window size every workbench gets (the 1440×900 screen issue #17 was seen on), so screenshots are comparable. */
export const workbenchViewport = Object.freeze({ width: 1440, height: 900 });
