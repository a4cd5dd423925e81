// @ts-check
// Runs the end-to-end specs (test/e2e/*.e2e.ts, built to out/test/e2e/*.e2e.js) with mocha in
// plain Node: each spec drives a real workbench in headless Chromium through test/e2e/workbench.ts.
// Packages MIDI Scope once for all of them, prints mocha's spec lines, the start-up figures, and
// last exactly one line
//   e2e: N passed, N failed, N skipped
// Exits non-zero on any failure. It builds nothing (scripts/test.sh ran build.mjs --tests).
//   node scripts/harness/run-e2e.mjs [name ...]   only the specs whose file names contain a name
//   MIDI_SCOPE_E2E_TIMEOUT  seconds per test and hook (120); launching a workbench takes 10-20 s
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { packageVsix } from '../package.mjs';
import { timeoutFromEnvironment } from './waitFor.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const specsDir = join(projectRoot, 'out/test/e2e');
const outputDir = join(projectRoot, 'test-output/e2e');

/** @param {string} message */
function say(message) {
  console.log(`[e2e] ${message}`);
}

/**
 * @param {string[]} names
 * @returns {string[]}
 */
function specFiles(names) {
  if (!existsSync(specsDir)) return [];
  return readdirSync(specsDir)
    .filter((file) => file.endsWith('.e2e.js'))
    .filter((file) => names.length === 0 || names.some((name) => file.includes(name)))
    .sort()
    .map((file) => join(specsDir, file));
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The figures workbench.ts recorded, one JSON object per line. @param {string} file */
function printFigures(file) {
  if (!existsSync(file)) return;
  /** @type {Record<string, number>[]} */
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  /** @param {string} key */
  const figure = (key) => {
    const values = records.map((record) => record[key]).filter((value) => value !== undefined);
    if (values.length === 0) return 'not measured';
    return `median ${median(values)} ms (${Math.min(...values)}-${Math.max(...values)}, ${values.length}x)`;
  };
  const labels = [
    ['VSIX install', 'installMs'],
    ['code-server start', 'codeServerStartMs'],
    ['workbench ready', 'workbenchReadyMs'],
    ['MIDI view: click to activation', 'midiViewActivationRequestedMs'],
    ['MIDI view: click to groups', 'midiViewStructureMs'],
    ['MIDI view: click to endpoints', 'midiViewFilledMs'],
    ['bundle evaluation (own log)', 'bundleEvaluationMs'],
    ['engine load (own log)', 'engineLoadMs'],
    ['tree registered in activate()', 'treeRegisteredMs'],
    ['activate() by its own log', 'activateMs'],
  ];
  for (const [label, key] of labels) say(`${label.padEnd(32)}${figure(key)}`);
}

/** @returns {Promise<{ passed: number, failed: number, skipped: number }>} */
async function runSpecs() {
  const names = process.argv.slice(2);
  const files = specFiles(names);
  if (files.length === 0) {
    const which = names.length > 0 ? ` matching ${names.join(', ')}` : '';
    throw new Error(`no *.e2e.js specs${which} in ${specsDir}: run \`node scripts/build.mjs --tests\``);
  }
  mkdirSync(outputDir, { recursive: true });
  // A full run starts the screenshots afresh; a partial one replaces only its own.
  if (names.length === 0) rmSync(join(outputDir, 'screenshots'), { recursive: true, force: true });
  const figures = join(outputDir, 'figures.jsonl');
  rmSync(figures, { force: true });

  const vsix = await packageVsix(projectRoot);
  say(`packaged ${vsix.file} (${(vsix.bytes / 1024).toFixed(1)} KiB)`);
  process.env.MIDI_SCOPE_VSIX = vsix.file;
  process.env.MIDI_SCOPE_E2E_FIGURES = figures;

  const timeout = timeoutFromEnvironment('MIDI_SCOPE_E2E_TIMEOUT', 120);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout, color: false });
  for (const file of files) mocha.addFile(file);
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  printFigures(figures);
  say(`screenshots: ${join(outputDir, 'screenshots')}`);
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 };
}

async function main() {
  let counts = { passed: 0, failed: 1, skipped: 0 };
  try {
    counts = await runSpecs();
  } catch (error) {
    say(`the harness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  console.log(`e2e: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

await main();
