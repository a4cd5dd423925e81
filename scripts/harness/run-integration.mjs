// @ts-check
// Runs the integration suites (test/integration/suites) inside a real VS Code extension host:
// packages MIDI Scope, installs it with a small test driver into a throwaway code-server, opens the
// workbench in headless Chromium (which starts the extension host), and follows the suites' spec
// lines until their results arrive. Prints the activation time and, last, exactly one line
//   integration: N passed, N failed, N skipped
// Exits non-zero on any failure, and with a deadline when something never comes up.
// It builds nothing: scripts/test.sh has already run build-native.mjs and build.mjs --tests.
//   MIDI_SCOPE_HARNESS_START_TIMEOUT  seconds for code-server, the workbench and the driver (90)
//   MIDI_SCOPE_INTEGRATION_TIMEOUT    seconds for the whole run of the suites (600)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVsix } from '../package.mjs';
import { activationReport, extensionHostExits, formatActivation } from './extensionHostLog.mjs';
import { followLines } from './followLines.mjs';
import { answerSaveConfirmation } from './saveDialogs.mjs';
import { packageTestDriver } from './testDriver.mjs';
import { timeoutFromEnvironment, waitFor } from './waitFor.mjs';
import { startWorkbenchSession } from './workbenchSession.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const extensionId = 'midi-scope.midi-scope';
const outputDir = join(projectRoot, 'test-output/integration');

/**
 * @typedef {object} IntegrationResults the shape of test/integration/driver/results.ts
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {number} durationMs
 * @property {string[]} lines
 * @property {{ title: string, error: string }[]} failures
 * @property {string} [error]
 */

/** @param {string} message */
function say(message) {
  console.log(`[integration] ${message}`);
}

/** @returns {Promise<IntegrationResults>} */
async function runSuitesInCodeServer() {
  const startTimeoutMs = timeoutFromEnvironment('MIDI_SCOPE_HARNESS_START_TIMEOUT', 90);
  const runTimeoutMs = timeoutFromEnvironment('MIDI_SCOPE_INTEGRATION_TIMEOUT', 600);
  mkdirSync(outputDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-integration-run-'));
  try {
    const workspaceDir = join(scratch, 'workspace');
    cpSync(join(projectRoot, 'samples'), workspaceDir, { recursive: true });
    const files = { resultsFile: join(scratch, 'results.json'), progressFile: join(scratch, 'progress.log') };
    const activationFile = join(scratch, 'activation.json');

    const vsix = await packageVsix(projectRoot);
    say(`packaged ${vsix.file} (${(vsix.bytes / 1024).toFixed(1)} KiB)`);
    const testsEntry = join(projectRoot, 'out/test/integration/index.js');
    const driver = await packageTestDriver(projectRoot, scratch, {
      testsEntry,
      ...files,
      extensionUnderTest: extensionId,
      activationFile,
    });
    const session = await startWorkbenchSession({
      projectRoot,
      vsixPaths: [vsix.file, driver],
      workspaceDir,
      label: 'integration',
      readyTimeoutMs: startTimeoutMs,
      logsDestination: join(outputDir, 'logs'),
    });
    try {
      const { installMs, codeServerStartMs, workbenchReadyMs } = session.figures;
      say(
        `extensions installed in ${installMs} ms; code-server listening in ${codeServerStartMs} ms; ` +
          `workbench ready in ${workbenchReadyMs} ms (${session.url})`,
      );
      const results = await followSuites(session, files, { startTimeoutMs, runTimeoutMs });
      console.log(activationLine(session.userDataDir, activationFile));
      return results;
    } finally {
      // What the window showed at the end: a dialog or notification a test left open shows here.
      await session.page.screenshot({ path: join(outputDir, 'workbench-at-end.png') }).catch(() => undefined);
      await session.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Prints the suites' spec lines as the driver writes them and resolves with their results; fails
 * when the driver does not start, the suites overrun, or code-server or the extension host dies.
 * @param {import('./workbenchSession.mjs').WorkbenchSession} session
 * @param {{ resultsFile: string, progressFile: string }} files
 * @param {{ startTimeoutMs: number, runTimeoutMs: number }} timeouts
 * @returns {Promise<IntegrationResults>}
 */
async function followSuites(session, { resultsFile, progressFile }, { startTimeoutMs, runTimeoutMs }) {
  const hostAlive = () => {
    const exits = extensionHostExits(session.userDataDir);
    if (exits.length > 0) throw new Error(`the extension host died: ${exits[0]}\n${session.diagnostics()}`);
    if (!session.codeServer.isRunning()) throw new Error(`code-server exited\n${session.diagnostics()}`);
  };
  await waitFor(
    'the test driver to start the suites',
    () => {
      hostAlive();
      return existsSync(progressFile);
    },
    { timeoutMs: startTimeoutMs, detail: session.diagnostics },
  );
  const progress = followLines(progressFile, (line) => console.log(line));
  const results = await waitFor(
    'the integration suites to finish',
    async () => {
      progress.poll();
      hostAlive();
      const answered = await answerSaveConfirmation(session.page);
      if (answered) say(`answered "${answered}" with Don't Save, as extension-test mode does`);
      if (!existsSync(resultsFile)) return undefined;
      return /** @type {IntegrationResults} */ (JSON.parse(readFileSync(resultsFile, 'utf8')));
    },
    { timeoutMs: runTimeoutMs, intervalMs: 250, detail: session.diagnostics },
  );
  progress.poll();
  return results;
}

/**
 * The activation figure: the driver's timing of the first activate(), checked against what the
 * extension host logged (the activation event, any activation error).
 * @param {string} userDataDir
 * @param {string} activationFile
 */
function activationLine(userDataDir, activationFile) {
  const report = activationReport(userDataDir, extensionId);
  if (!existsSync(activationFile)) return formatActivation(report);
  /** @type {{ awaitedMs?: number, error?: string }} */
  const timing = JSON.parse(readFileSync(activationFile, 'utf8'));
  if (timing.error !== undefined) say(`the driver could not time the activation: ${timing.error}`);
  return formatActivation(report, timing.awaitedMs);
}

async function main() {
  /** @type {IntegrationResults | undefined} */
  let results;
  try {
    results = await runSuitesInCodeServer();
    if (results.error !== undefined) say(`the suites could not run:\n${results.error}`);
  } catch (error) {
    say(`the harness failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  say(`logs: ${join(outputDir, 'logs')}`);
  // A run that never produced results counts as one failure, so it can never read as green.
  const broken = results === undefined || results.error !== undefined;
  const passed = results?.passed ?? 0;
  const failed = (results?.failed ?? 0) + (broken ? 1 : 0);
  const skipped = results?.skipped ?? 0;
  console.log(`integration: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
