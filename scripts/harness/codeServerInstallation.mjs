// @ts-check
// Where the pinned code-server and its Node 24 live. scripts/setup-vscode.sh installs them into a
// cache outside the clone (once per machine) and prints that directory on its last stdout line.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} CodeServerInstallation
 * @property {string} nodeBinary Node 24, which code-server requires
 * @property {string} entryScript code-server's CLI entry (run it with nodeBinary)
 * @property {string} version code-server's version
 * @property {string} cacheDirectory
 */

/** @type {Map<string, CodeServerInstallation>} */
const found = new Map();

/**
 * Runs the (idempotent) setup script and returns the installation it reports.
 * @param {string} projectRoot
 * @returns {CodeServerInstallation}
 */
export function codeServerInstallation(projectRoot) {
  const known = found.get(projectRoot);
  if (known) return known;
  const script = join(projectRoot, 'scripts/setup-vscode.sh');
  let stdout;
  try {
    stdout = execFileSync('bash', [script, '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (error) {
    throw new Error(`${script} failed (its messages are above): ${String(error)}`);
  }
  const cacheDirectory = stdout.trim().split('\n').pop() ?? '';
  // setup-vscode.sh keeps Node 24 and code-server in trees of their own (see its header).
  const codeServerModule = join(cacheDirectory, 'code-server/node_modules/code-server');
  const installation = {
    nodeBinary: join(cacheDirectory, 'node/bin/node'),
    entryScript: join(codeServerModule, 'out/node/entry.js'),
    version: '',
    cacheDirectory,
  };
  for (const path of [installation.nodeBinary, installation.entryScript]) {
    if (!existsSync(path)) {
      throw new Error(`${script} reported ${JSON.stringify(cacheDirectory)}, but ${path} does not exist`);
    }
  }
  const manifest = join(codeServerModule, 'package.json');
  installation.version = /** @type {{ version: string }} */ (
    JSON.parse(readFileSync(manifest, 'utf8'))
  ).version;
  found.set(projectRoot, installation);
  return installation;
}
