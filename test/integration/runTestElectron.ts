// Runs the integration suites in a desktop VS Code through @vscode/test-electron: the very suites
// (out/test/integration/index.js) the code-server harness runs, in a throwaway profile with the
// sample workspace. For machines with a desktop VS Code or internet access: VSCODE_EXECUTABLE names
// an installed VS Code binary; without it test-electron downloads VSCODE_VERSION (default: stable).
// scripts/test.sh does not use it (its machines reach no Microsoft download server).
//   node scripts/build-native.mjs && node scripts/build.mjs --tests
//   node out/test/integration/runTestElectron.js
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { IntegrationResults } from './driver/results';
import { resultsFileVariable } from './driver/results';

/** This bundle runs from out/test/integration/. */
const projectRoot = resolve(__dirname, '../../..');

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-test-electron-'));
  const workspaceDir = join(scratch, 'workspace');
  cpSync(join(projectRoot, 'samples'), workspaceDir, { recursive: true });
  const resultsFile = join(scratch, 'results.json');
  let launchFailure: unknown;
  try {
    await runTests({
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(projectRoot, 'out/test/integration/index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [
        workspaceDir,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(scratch, 'user-data'),
        '--extensions-dir',
        join(scratch, 'extensions'),
      ],
      extensionTestsEnv: { [resultsFileVariable]: resultsFile },
    });
  } catch (error) {
    // runTests rejects when a test failed (the results say which) or VS Code did not run at all.
    launchFailure = error;
  }
  const results = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as IntegrationResults)
    : undefined;
  rmSync(scratch, { recursive: true, force: true });
  if (results === undefined) console.error(`[integration] VS Code ran no suites: ${String(launchFailure)}`);
  else if (results.error !== undefined)
    console.error(`[integration] the suites could not run:\n${results.error}`);
  // A run that produced no results counts as one failure, so it can never read as green.
  const broken = results === undefined || results.error !== undefined;
  const failed = (results?.failed ?? 0) + (broken ? 1 : 0);
  console.log(
    `integration: ${results?.passed ?? 0} passed, ${failed} failed, ${results?.skipped ?? 0} skipped`,
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
