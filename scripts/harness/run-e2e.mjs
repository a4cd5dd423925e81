// @ts-check
// Runs the end-to-end specs (test/e2e/*.e2e.ts, built to out/test/e2e/*.e2e.js) with mocha in
// plain Node: each spec drives a real workbench in headless Chromium through test/e2e/workbench.ts.
// Packages MIDI Scope once for all of them, prints mocha's spec lines, the start-up figures, and
// last exactly one line
//   e2e: N passed, N failed, N skipped
// Exits non-zero on any failure. It builds nothing (scripts/test.sh ran build.mjs --tests).
// Specs named *.netns.e2e.ts send multicast (mDNS), so they run, after the others, in a child
// run-e2e.mjs inside a network namespace this run creates (`unshare --net --mount --pid`: its own lo,
// brought up, with multicast on and a route for 224.0.0.0/4, and a private mount table) with
// code-server, Chromium and the extension host; their counts join the summary line, and a
// namespace that cannot be made is a failure, never a skip.
//   node scripts/harness/run-e2e.mjs [name ...]   only the specs whose file names contain a name
//   MIDI_SCOPE_E2E_TIMEOUT  seconds per test and hook (120); launching a workbench takes 10-20 s
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { packageVsix } from '../package.mjs';
import { timeoutFromEnvironment } from './waitFor.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const specsDir = join(projectRoot, 'out/test/e2e');
const outputDir = join(projectRoot, 'test-output/e2e');
/** Set (to a results file) in the child that runs inside the network namespace. */
const namespaceResults = process.env.MIDI_SCOPE_E2E_NAMESPACE_RESULTS;
const namespacedSpec = '.netns.e2e.js';

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

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/** @param {string[]} files @returns {Promise<Counts>} */
async function runMocha(files) {
  const timeout = timeoutFromEnvironment('MIDI_SCOPE_E2E_TIMEOUT', 120);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout, color: false });
  for (const file of files) mocha.addFile(file);
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
  });
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 };
}

/**
 * Runs `files` in a child run-e2e.mjs inside a new network namespace (and mount namespace) with
 * only lo, up, multicast on and routed for 224.0.0.0/4. Anything that goes wrong making it is a
 * failure of the run.
 * @param {string[]} files
 * @returns {Promise<Counts>}
 */
async function runInNetworkNamespace(files) {
  const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-e2e-netns-'));
  const results = join(scratch, 'results.json');
  const setup = [
    'ip link set lo up',
    'ip link set lo multicast on',
    'ip route add 224.0.0.0/4 dev lo',
    'exec "$0" "$@"',
  ].join(' && ');
  const asRoot = process.getuid?.() === 0;
  const args = [
    ...(asRoot ? [] : ['--map-root-user']),
    '--net',
    '--mount',
    // A PID namespace too: whatever the specs start there (daemons included) ends with the run.
    '--pid',
    '--fork',
    '--kill-child',
    // Its own /proc, so process ids in /proc are the ones the specs see.
    '--mount-proc',
    '--propagation',
    'private',
    '--',
    'sh',
    '-ec',
    setup,
    process.execPath,
    fileURLToPath(import.meta.url),
    ...files,
  ];
  say(
    `${files.length} spec(s) in a network namespace of their own: unshare ${args.slice(0, 12).join(' ')} …`,
  );
  const code = await new Promise((resolve) => {
    const child = spawn('unshare', args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        MIDI_SCOPE_E2E_NAMESPACE_RESULTS: results,
        // The namespaces this run is in, for specs to check they are in others.
        MIDI_SCOPE_E2E_OUTER_NAMESPACES: ['net', 'mnt']
          .map((kind) => readlinkSync(`/proc/self/ns/${kind}`))
          .join(' '),
      },
    });
    child.on('error', (error) => {
      say(`FAILED to start unshare for the network namespace: ${error.message}`);
      resolve(-1);
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal));
  });
  try {
    if (!existsSync(results)) {
      say(
        `FAILED: the network namespace for ${files.map((file) => file.split('/').pop()).join(', ')} ` +
          `was not made or its run ended early (exit ${code}); it needs unshare (util-linux), ip (iproute2) ` +
          'and root or user namespaces',
      );
      return { passed: 0, failed: 1, skipped: 0 };
    }
    return JSON.parse(readFileSync(results, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The child's side: refuses to run unless lo is its only interface. @param {string[]} files */
async function runInsideNamespace(files) {
  const interfaces = Object.keys(networkInterfaces());
  if (interfaces.some((name) => name !== 'lo')) {
    throw new Error(`not in a network namespace of our own: interfaces ${interfaces.join(', ')}`);
  }
  return runMocha(files);
}

/** @returns {Promise<Counts>} */
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

  const plain = files.filter((file) => !file.endsWith(namespacedSpec));
  const namespaced = files.filter((file) => file.endsWith(namespacedSpec));
  /** @type {Counts} */
  const counts = plain.length > 0 ? await runMocha(plain) : { passed: 0, failed: 0, skipped: 0 };
  if (namespaced.length > 0) {
    const inside = await runInNetworkNamespace(namespaced);
    counts.passed += inside.passed;
    counts.failed += inside.failed;
    counts.skipped += inside.skipped;
  }
  printFigures(figures);
  say(`screenshots: ${join(outputDir, 'screenshots')}`);
  return counts;
}

async function main() {
  if (namespaceResults) {
    // The child inside the namespace: the parent packaged, counts and prints the summary.
    let counts = { passed: 0, failed: 1, skipped: 0 };
    try {
      counts = await runInsideNamespace(process.argv.slice(2));
    } catch (error) {
      say(
        `the run in the network namespace failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    writeFileSync(namespaceResults, JSON.stringify(counts));
    say(
      `in the network namespace: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
    );
    // Timers of what the specs started must not keep the namespace alive.
    process.exit(0);
  }
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
