// The results file the integration suites leave for their launcher (scripts/harness/run-integration.mjs
// and test/integration/runTestElectron.ts read it). Written whole, then renamed into place, so a
// reader never sees half of it.
import { renameSync, writeFileSync } from 'node:fs';

export interface IntegrationFailure {
  /** The test's full title: its describe() titles and its own. */
  title: string;
  /** The error's stack (or message when it has none). */
  error: string;
}

export interface IntegrationResults {
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  /** The run as mocha's spec reporter would print it. */
  lines: string[];
  failures: IntegrationFailure[];
  /** Set when the suites could not run at all (none found, one failed to load, …). */
  error?: string;
}

/** Environment variables that tell the suites where to report (see test/integration/index.ts). */
export const resultsFileVariable = 'MIDI_SCOPE_TEST_RESULTS';
export const progressFileVariable = 'MIDI_SCOPE_TEST_PROGRESS';

export function writeResults(file: string, results: IntegrationResults): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(partial, file);
}

/** The error's stack, which for Node's assertions also holds the message and the diff. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return `thrown: ${String(error)}`;
}
