// @ts-check
// Starting and stopping code-server (VS Code's workbench and a Node extension host, served over
// HTTP) on 127.0.0.1, and installing VSIX packages into an extensions directory.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './waitFor.mjs';

/** @typedef {import('./codeServerInstallation.mjs').CodeServerInstallation} CodeServerInstallation */

/**
 * @typedef {object} CodeServerDirectories
 * @property {string} userDataDir settings, state and logs (logs/<date>/exthost<N>/remoteexthost.log)
 * @property {string} extensionsDir installed extensions
 */

/**
 * @typedef {object} CodeServer
 * @property {string} url e.g. http://127.0.0.1:41234/
 * @property {number} port
 * @property {number} pid the process group leader (the whole group is stopped together)
 * @property {number} startupMs from spawn to "HTTP server listening"
 * @property {(folder: string) => string} workbenchUrl the URL that opens `folder` in the workbench
 * @property {() => boolean} isRunning
 * @property {() => string[]} outputTail the last lines code-server printed
 * @property {() => Promise<void>} stop SIGTERM to the process group, SIGKILL if it lingers
 */

const loopback = '127.0.0.1';
const outputLinesKept = 200;

/**
 * The arguments every code-server invocation here shares. Its own config file lives in the
 * throwaway user data dir, so nothing is written under ~/.config.
 * @param {CodeServerDirectories} directories
 */
function commonArguments({ userDataDir, extensionsDir }) {
  return [
    '--config',
    join(userDataDir, 'code-server.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
}

/**
 * The environment code-server runs with. An empty gallery keeps it off the network
 * (it would otherwise ask open-vsx.org about installed extensions).
 * @param {Record<string, string>} [extra]
 */
function codeServerEnvironment(extra = {}) {
  return { ...process.env, EXTENSIONS_GALLERY: '{}', ...extra };
}

/**
 * Installs VSIX files with code-server's own CLI, as a user would.
 * @param {CodeServerInstallation} installation
 * @param {CodeServerDirectories} directories
 * @param {string[]} vsixPaths
 * @param {{ force?: boolean }} [options] force: reinstall over the same version (a rebuilt package)
 */
export async function installExtensions(installation, directories, vsixPaths, { force = false } = {}) {
  const args = [installation.entryScript, ...commonArguments(directories)];
  for (const vsix of vsixPaths) args.push('--install-extension', vsix);
  if (force) args.push('--force');
  let output;
  try {
    const { stdout, stderr } = await promisify(execFile)(installation.nodeBinary, args, {
      env: codeServerEnvironment(),
      timeout: 120_000,
    });
    output = stdout + stderr;
  } catch (error) {
    throw new Error(`code-server --install-extension ${vsixPaths.join(' ')} failed: ${String(error)}`);
  }
  const installed = (output.match(/was successfully installed/g) ?? []).length;
  if (installed !== vsixPaths.length) {
    throw new Error(
      `code-server installed ${installed} of ${vsixPaths.length} extensions (${vsixPaths.join(', ')}):\n${output}`,
    );
  }
}

/**
 * Starts code-server and resolves once it listens.
 * @param {CodeServerInstallation} installation
 * @param {CodeServerDirectories & { folder: string, port?: number, timeoutMs?: number, env?: Record<string, string>, reconnectionGraceSeconds?: number }} options
 *   folder: what the bare URL opens; port 0 (the default) lets the system pick a free one;
 *   reconnectionGraceSeconds: how long a disconnected window's extension host is kept (code-server's
 *   default, 3 hours, when absent)
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(installation, options) {
  const { port = 0, timeoutMs = 30_000, env, reconnectionGraceSeconds } = options;
  const args = [
    installation.entryScript,
    '--auth',
    'none',
    '--bind-addr',
    `${loopback}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(reconnectionGraceSeconds === undefined
      ? []
      : ['--reconnection-grace-time', String(reconnectionGraceSeconds)]),
    ...commonArguments(options),
    options.folder,
  ];
  const started = performance.now();
  // Its own process group, so stop() reaches the child processes it forks (extension hosts).
  const child = spawn(installation.nodeBinary, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnvironment(env),
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${installation.nodeBinary} ${args.join(' ')}`);

  /** @type {string[]} */
  const output = [];
  let partial = '';
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
    if (output.length > outputLinesKept) output.splice(0, output.length - outputLinesKept);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  /** @type {number | null | undefined} */
  let exitCode;
  /** @type {NodeJS.Signals | null} */
  let exitSignal = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      resolve(undefined);
    });
  });
  const isRunning = () => exitCode === undefined && exitSignal === null;
  const outputTail = () => (partial ? [...output, partial] : [...output]);

  const stop = async () => {
    if (!isRunning()) return;
    signalGroup(pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
    if (!stopped) {
      signalGroup(pid, 'SIGKILL');
      await exited;
    }
  };

  let listeningPort;
  try {
    listeningPort = await waitFor(
      `code-server to listen on ${loopback}`,
      () => {
        if (!isRunning()) {
          throw new Error(
            `code-server exited (code ${exitCode}, signal ${exitSignal}) before listening:\n` +
              outputTail().join('\n'),
          );
        }
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output.join('\n'));
        return match ? Number(match[1]) : undefined;
      },
      { timeoutMs, intervalMs: 50, detail: () => `code-server said:\n${outputTail().join('\n')}` },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `http://${loopback}:${listeningPort}/`;
  return {
    url,
    port: listeningPort,
    pid,
    startupMs: Math.round(performance.now() - started),
    workbenchUrl: (folder) => `${url}?folder=${encodeURIComponent(folder)}`,
    isRunning,
    outputTail,
    stop,
  };
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what stopping wants.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH') throw error;
  }
}

/** @param {number} ms */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
