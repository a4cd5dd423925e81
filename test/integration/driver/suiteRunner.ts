// Runs the integration suites with mocha inside whichever extension host loaded this code, and
// reports them as spec lines plus a results file. Both launchers (code-server's test driver and
// @vscode/test-electron) come through here, so the suites never know which one ran them.
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import type { IntegrationResults } from './results';
import { errorText, writeResults } from './results';
import type { ReportedFailure } from './specLineReporter';
import { specLineReporter } from './specLineReporter';

export interface SuiteRunOptions {
  /** Holds the built suites, *.test.js. */
  suitesDirectory: string;
  /** Where to write the results JSON, if anywhere. */
  resultsFile?: string;
  /** A file each spec line is appended to as it happens, if any. */
  progressFile?: string;
  /** Per test and hook. */
  timeoutMs?: number;
}

export const defaultTestTimeoutMs = 20_000;

/** The suite files, sorted so every run goes in the same order. */
export function suiteFiles(suitesDirectory: string): string[] {
  if (!existsSync(suitesDirectory)) return [];
  return readdirSync(suitesDirectory)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(suitesDirectory, name));
}

export async function runSuites(options: SuiteRunOptions): Promise<IntegrationResults> {
  const { suitesDirectory, resultsFile, progressFile, timeoutMs = defaultTestTimeoutMs } = options;
  const started = performance.now();
  const lines: string[] = [];
  if (progressFile) writeFileSync(progressFile, '');
  const sink = (line: string) => {
    lines.push(line);
    console.log(line);
    if (progressFile) appendFileSync(progressFile, `${line}\n`);
  };
  const failures: ReportedFailure[] = [];

  let results: IntegrationResults;
  try {
    const files = suiteFiles(suitesDirectory);
    if (files.length === 0) {
      throw new Error(
        `no *.test.js suites in ${suitesDirectory}: run \`node scripts/build.mjs --tests\` first`,
      );
    }
    const mocha = new Mocha({ ui: 'bdd', timeout: timeoutMs, color: false });
    mocha.reporter(specLineReporter(sink, failures));
    for (const file of files) mocha.addFile(file);
    const stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
    });
    results = {
      passed: stats.passes,
      failed: stats.failures,
      skipped: stats.pending,
      durationMs: Math.round(performance.now() - started),
      lines,
      failures: failures.map(({ title, error }) => ({ title, error: errorText(error) })),
    };
  } catch (error) {
    // Loading a suite threw (a syntax error, a failing import): nothing ran.
    sink(`integration suites could not run: ${errorText(error)}`);
    results = {
      passed: 0,
      failed: 0,
      skipped: 0,
      durationMs: Math.round(performance.now() - started),
      lines,
      failures: [],
      error: errorText(error),
    };
  }
  if (resultsFile) writeResults(resultsFile, results);
  return results;
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
