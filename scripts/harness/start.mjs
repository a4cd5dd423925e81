// @ts-check
// `npm start` after the build: installs the freshly packaged MIDI Scope into a lasting profile
// (~/.cache/midi-scope/start/, or MIDI_SCOPE_START_PROFILE), serves VS Code with the sample
// workspace on 127.0.0.1 (port MIDI_SCOPE_PORT, or a free one), prints the URL and stays up until
// Ctrl+C (SIGINT) or SIGTERM, which stop code-server cleanly.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix } from '../package.mjs';
import { installExtensions, startCodeServer } from './codeServer.mjs';
import { codeServerInstallation } from './codeServerInstallation.mjs';
import { writeUserSettingsOnce } from './userSettings.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} message */
function say(message) {
  console.log(`[start] ${message}`);
}

/** The port to listen on: MIDI_SCOPE_PORT, or 0 for any free one. */
function requestedPort() {
  const raw = process.env.MIDI_SCOPE_PORT;
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`MIDI_SCOPE_PORT=${raw}: expected a port number from 1 to 65535`);
  }
  return port;
}

async function main() {
  const port = requestedPort();
  const profile = process.env.MIDI_SCOPE_START_PROFILE || join(homedir(), '.cache/midi-scope/start');
  const userDataDir = join(profile, 'user-data');
  const extensionsDir = join(profile, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  if (writeUserSettingsOnce(userDataDir)) say(`new profile in ${profile}`);

  const installation = codeServerInstallation(projectRoot);
  const vsix = await packageVsix(projectRoot);
  await installExtensions(installation, { userDataDir, extensionsDir }, [vsix.file], { force: true });
  say(`installed ${vsix.file} into ${extensionsDir}`);

  const workspaceDir = join(projectRoot, 'samples');
  const codeServer = await startCodeServer(installation, {
    userDataDir,
    extensionsDir,
    folder: workspaceDir,
    port,
  });
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping code-server`);
    await codeServer.stop();
    say('stopped');
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  say(`code-server ${installation.version} listening in ${codeServer.startupMs} ms`);
  console.log('');
  console.log(`  MIDI Scope: ${codeServer.workbenchUrl(workspaceDir)}`);
  console.log('');
  say('open the URL in a browser; the MIDI view is in the activity bar. Ctrl+C stops it.');

  // Stay up while code-server runs; if it stops on its own, say so and fail.
  await new Promise((resolve) => {
    const check = setInterval(() => {
      if (codeServer.isRunning()) return;
      clearInterval(check);
      resolve(undefined);
    }, 500);
  });
  if (!stopping) {
    console.error(`[start] code-server stopped by itself:\n${codeServer.outputTail().slice(-30).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
