// @ts-check
// One real VS Code window: a throwaway user data dir and extensions dir with the given VSIX files
// installed, code-server on 127.0.0.1, and headless Chromium showing the workbench for a folder.
// The integration launcher, the end-to-end helpers and `npm start` all build on this.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, workbenchViewport } from './chromium.mjs';
import { installExtensions, startCodeServer } from './codeServer.mjs';
import { codeServerInstallation } from './codeServerInstallation.mjs';
import { extensionHostLogTail, extensionHostReady, serverLogTail } from './extensionHostLog.mjs';
import { writeUserSettings } from './userSettings.mjs';
import { waitFor } from './waitFor.mjs';

/**
 * @typedef {object} WorkbenchSessionOptions
 * @property {string} projectRoot
 * @property {string[]} vsixPaths extensions to install before the window opens (none: a window
 *   without them, for installing one into it)
 * @property {string} workspaceDir the folder the window opens
 * @property {string} label names the scratch directory, e.g. "integration"
 * @property {Record<string, unknown>} [settings] user settings over the quiet defaults
 * @property {Record<string, string>} [env] extra environment for code-server and its extension hosts
 * @property {number} [readyTimeoutMs] for code-server to listen and then for the workbench to be ready
 * @property {string} [logsDestination] where the workbench's logs are copied when the session ends
 *   (or fails to start), for reading after the scratch directory is gone
 */

/**
 * @typedef {object} WorkbenchSession
 * @property {import('./codeServer.mjs').CodeServer} codeServer
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').Page} page
 * @property {string} url the workbench URL of the folder
 * @property {string} scratchDir holds userDataDir and extensionsDir; removed by close()
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} workspaceDir
 * @property {{ installMs: number, codeServerStartMs: number, workbenchReadyMs: number }} figures
 * @property {() => Promise<number>} waitForWorkbench waits for the window (after a load or reload):
 *   the workbench is drawn and a new extension host has activated its startup extensions; resolves
 *   with the milliseconds it took
 * @property {() => string} diagnostics code-server's last output, the extension host log's tail and
 *   the page's errors, for failure messages
 * @property {() => Promise<void>} close stops everything, keeps the logs (see logsDestination) and
 *   removes the scratch directory
 */

const pageErrorsKept = 10;

/**
 * @param {WorkbenchSessionOptions} options
 * @returns {Promise<WorkbenchSession>}
 */
export async function startWorkbenchSession(options) {
  const { projectRoot, vsixPaths, workspaceDir, label, settings = {}, env, logsDestination } = options;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const installation = codeServerInstallation(projectRoot);
  const scratchDir = mkdtempSync(join(tmpdir(), `midi-scope-${label}-`));
  const userDataDir = join(scratchDir, 'user-data');
  const extensionsDir = join(scratchDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);

  /** @type {(() => Promise<void>)[]} */
  const cleanups = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    const logs = join(userDataDir, 'logs');
    if (logsDestination && existsSync(logs)) {
      rmSync(logsDestination, { recursive: true, force: true });
      cpSync(logs, logsDestination, { recursive: true });
    }
    rmSync(scratchDir, { recursive: true, force: true });
  };
  try {
    let started = performance.now();
    if (vsixPaths.length > 0)
      await installExtensions(installation, { userDataDir, extensionsDir }, vsixPaths);
    const installMs = Math.round(performance.now() - started);

    const codeServer = await startCodeServer(installation, {
      userDataDir,
      extensionsDir,
      folder: workspaceDir,
      timeoutMs: readyTimeoutMs,
      env,
      // A window's extension host ends when the window tells it to, on reload or close. Where that
      // message is lost in the page's unload, code-server keeps the host for a reconnection that
      // never comes (3 hours by default), and only then deactivates extensions. Tests that reload
      // wait for that deactivation, so the grace is seconds here (never for `npm start`).
      reconnectionGraceSeconds: 5,
    });
    cleanups.push(() => codeServer.stop());
    const url = codeServer.workbenchUrl(workspaceDir);

    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const page = await (await browser.newContext({ viewport: workbenchViewport })).newPage();
    // The latest uncaught page errors and console errors (the extension host's console.error
    // lands there too), for failure messages.
    /** @type {string[]} */
    const pageErrors = [];
    /** @param {string} text */
    const notePageError = (text) => {
      pageErrors.push(text);
      if (pageErrors.length > pageErrorsKept) pageErrors.shift();
    };
    page.on('pageerror', (error) => notePageError(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') notePageError(message.text());
    });

    const diagnostics = () =>
      [
        `code-server (${codeServer.isRunning() ? 'running' : 'exited'}) said:`,
        ...codeServer.outputTail().slice(-20),
        serverLogTail(userDataDir),
        extensionHostLogTail(userDataDir),
        pageErrors.length > 0 ? `page errors:\n${pageErrors.join('\n')}` : 'no page errors',
      ].join('\n');

    let hostsStarted = 0;
    const waitForWorkbench = async () => {
      const waitStarted = performance.now();
      hostsStarted += 1;
      const expectedHosts = hostsStarted;
      await waitFor(
        `the workbench at ${url} to show and extension host ${expectedHosts} to activate its startup extensions`,
        async () => {
          if (!codeServer.isRunning()) throw new Error(`code-server exited\n${diagnostics()}`);
          const drawn = await page.locator('.monaco-workbench .part.activitybar').isVisible();
          return drawn && extensionHostReady(userDataDir, expectedHosts);
        },
        { timeoutMs: readyTimeoutMs, intervalMs: 200, detail: diagnostics },
      );
      return Math.round(performance.now() - waitStarted);
    };

    started = performance.now();
    await page.goto(url);
    await waitForWorkbench();
    const workbenchReadyMs = Math.round(performance.now() - started);

    return {
      codeServer,
      browser,
      page,
      url,
      scratchDir,
      userDataDir,
      extensionsDir,
      workspaceDir,
      figures: { installMs, codeServerStartMs: codeServer.startupMs, workbenchReadyMs },
      waitForWorkbench,
      diagnostics,
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
