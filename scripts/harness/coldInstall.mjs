// @ts-check
// The cold-install check CI runs every time (`npm test`'s `cold-install` stage): the harness's
// code-server and its Node 24 installed into an EMPTY cache, with an EMPTY npm cache, exactly as
// on a machine that never saw the project, and then that code-server started once and asked for
// the workbench. It fails if anything on the way needed what this machine happened to have.
// (Debian packages cannot be made cold without uninstalling them; setup-vscode.sh installs them
// when missing, which a fresh machine exercises.) The temporary caches are removed afterwards.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './codeServer.mjs';
import { codeServerInstallation } from './codeServerInstallation.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-cold-'));
process.env.MIDI_SCOPE_CACHE = join(scratch, 'cache');
process.env.npm_config_cache = join(scratch, 'npm-cache');

/** @param {string} message */
const say = (message) => console.log(`[cold-install] ${message}`);

try {
  say(
    `installing into the empty cache ${process.env.MIDI_SCOPE_CACHE} with the empty npm cache ${process.env.npm_config_cache}`,
  );
  const started = performance.now();
  const installation = codeServerInstallation(projectRoot);
  say(
    `installed code-server ${installation.version} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  if (!installation.nodeBinary.startsWith(scratch)) {
    throw new Error(`the installation is not in the empty cache: ${installation.nodeBinary}`);
  }
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const server = await startCodeServer(installation, {
    userDataDir,
    extensionsDir,
    folder: join(projectRoot, 'samples'),
  });
  try {
    const url = server.workbenchUrl(join(projectRoot, 'samples'));
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200 || !body.includes('workbench')) {
      throw new Error(`GET ${url} answered ${response.status} without the workbench`);
    }
    say(`the freshly installed code-server serves the workbench (${url}, HTTP ${response.status})`);
  } finally {
    await server.stop();
  }
  say("ok: a machine without the cache gets a working harness from the project's own scripts");
} catch (error) {
  console.error(`[cold-install] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
