// What the launcher tells the test driver, in driver-config.json beside the driver's code
// (scripts/harness/testDriver.mjs writes it when it packages the driver).
import { readFileSync } from 'node:fs';

export interface DriverConfig {
  /** out/test/integration/index.js of the checkout under test. */
  testsEntry: string;
  /** Where the suites write their results JSON. */
  resultsFile: string;
  /** Where the suites append each spec line as it happens. */
  progressFile: string;
  /** The extension whose first activation the driver times (publisher.name). */
  extensionUnderTest: string;
  /** Where that figure goes. */
  activationFile: string;
}

export const driverConfigFileName = 'driver-config.json';

export function readDriverConfig(file: string): DriverConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the driver config: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${file}: expected a JSON object`);
  const record = parsed as Record<string, unknown>;
  const text = (key: keyof DriverConfig): string => {
    const value = record[key];
    if (typeof value !== 'string' || value === '') {
      throw new Error(`${file}: "${key}" must be a non-empty string`);
    }
    return value;
  };
  return {
    testsEntry: text('testsEntry'),
    resultsFile: text('resultsFile'),
    progressFile: text('progressFile'),
    extensionUnderTest: text('extensionUnderTest'),
    activationFile: text('activationFile'),
  };
}
