// The test driver: a tiny extension the code-server harness installs beside MIDI Scope. Once the
// extension host has started (onStartupFinished) it times MIDI Scope's first activation, then runs
// the integration suites in this very host through the same entry point @vscode/test-electron
// uses, and leaves the results for the launcher.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { timeActivation } from './activationTiming';
import type { DriverConfig } from './driverConfig';
import { driverConfigFileName, readDriverConfig } from './driverConfig';
import { errorText, progressFileVariable, resultsFileVariable, writeResults } from './results';

interface TestsEntry {
  run(): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): void {
  // Not awaited: activation returns at once and the suites run on their own.
  void runIntegrationSuites(join(context.extensionPath, driverConfigFileName));
}

async function runIntegrationSuites(configFile: string): Promise<void> {
  let config: DriverConfig | undefined;
  try {
    config = readDriverConfig(configFile);
    process.env[resultsFileVariable] = config.resultsFile;
    process.env[progressFileVariable] = config.progressFile;
    await timeActivation(config.extensionUnderTest, config.activationFile);
    await loadTestsEntry(config.testsEntry).run();
  } catch (error) {
    // The browser console shows this (the launcher prints it when the results never come).
    console.error(`[midi-scope test driver] ${errorText(error)}`);
    // run() writes the results itself, failures included; only a run that never got that far
    // (a missing build, a broken config) lands here without a results file.
    if (config && !existsSync(config.resultsFile)) {
      writeResults(config.resultsFile, {
        passed: 0,
        failed: 0,
        skipped: 0,
        durationMs: 0,
        lines: [],
        failures: [],
        error: errorText(error),
      });
    }
  }
}

function loadTestsEntry(path: string): TestsEntry {
  // The suites live in the checkout, outside this extension; their path is known only at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require(path) as Partial<TestsEntry>;
  if (typeof entry.run !== 'function') throw new Error(`${path} exports no run() function`);
  return entry as TestsEntry;
}
