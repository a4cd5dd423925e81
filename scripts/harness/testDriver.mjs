// @ts-check
// Packages the integration test driver (test/integration/driver) as a VSIX for one run: its
// manifest, its bundle from out/, and a driver-config.json that says where the suites are and
// where their results go. code-server installs it beside MIDI Scope.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * @typedef {object} DriverConfig the shape test/integration/driver/driverConfig.ts reads
 * @property {string} testsEntry
 * @property {string} resultsFile
 * @property {string} progressFile
 * @property {string} extensionUnderTest
 * @property {string} activationFile
 */

/**
 * @param {string} projectRoot
 * @param {string} directory an empty scratch directory to assemble the driver in
 * @param {DriverConfig} config
 * @returns {Promise<string>} the driver's VSIX
 */
export async function packageTestDriver(projectRoot, directory, config) {
  const bundle = join(projectRoot, 'out/test/integration/driver/extension.js');
  for (const built of [bundle, config.testsEntry]) {
    if (!existsSync(built))
      throw new Error(`${built} is missing: run \`node scripts/build.mjs --tests\` first`);
  }
  const source = join(directory, 'driver');
  mkdirSync(source, { recursive: true });
  copyFileSync(join(projectRoot, 'test/integration/driver/package.json'), join(source, 'package.json'));
  copyFileSync(bundle, join(source, 'extension.js'));
  writeFileSync(join(source, 'driver-config.json'), `${JSON.stringify(config, null, 2)}\n`);
  writeFileSync(
    join(source, 'README.md'),
    '# MIDI Scope integration test driver\n\nRuns the integration suites.\n',
  );
  const vsix = join(directory, 'midi-scope-test-driver.vsix');
  const vsce = join(projectRoot, 'node_modules/@vscode/vsce/vsce');
  const args = [
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--skip-license',
    '--out',
    vsix,
  ];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: source });
  } catch (error) {
    const failure = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (error);
    throw new Error(
      `packaging the test driver failed:\n${failure.stdout ?? ''}${failure.stderr ?? failure.message}`,
    );
  }
  return vsix;
}
