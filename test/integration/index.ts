// The integration suites' entry point, in the shape @vscode/test-electron expects
// (extensionTestsPath) and the code-server test driver calls: run() runs every
// out/test/integration/suites/*.test.js with mocha in this extension host and rejects when any
// failed. MIDI_SCOPE_TEST_RESULTS names a file for the results JSON (counts, spec lines,
// failures); MIDI_SCOPE_TEST_PROGRESS a file that receives each spec line as it happens.
import { join } from 'node:path';
import { progressFileVariable, resultsFileVariable } from './driver/results';
import { runSuites } from './driver/suiteRunner';

export async function run(): Promise<void> {
  const results = await runSuites({
    suitesDirectory: join(__dirname, 'suites'),
    resultsFile: process.env[resultsFileVariable] || undefined,
    progressFile: process.env[progressFileVariable] || undefined,
  });
  if (results.error !== undefined) throw new Error(`the integration suites could not run: ${results.error}`);
  if (results.failed > 0) {
    throw new Error(`${results.failed} of ${results.passed + results.failed} integration tests failed`);
  }
}
