// Runs every benchmark under bench/, each in its own Node process, merges their reports into
// bench/results.json and prints one table per benchmark. Figures are printed, never asserted.
//
//   node bench/run.mjs [--no-build] [filter ...]     (npm run bench)
//
// A benchmark is a file named *.bench.ts (built by scripts/build.mjs --tests to the same path
// under out/) or *.bench.mjs (run as is), anywhere under bench/. It writes one JSON report to the
// file named by the MIDI_SCOPE_BENCH_OUT environment variable:
//   { benchmark: "area/name", description, notes: string[], rows: [{ work, unit, figure,
//     figureRange?, peer, peerOrigin, peerFigure, peerRange?, ratio, higherIsBetter, target?,
//     reachedTarget?, repetitions, note? }] }
// where `ratio` says how many times better than its peer the figure is (above 1: better), the
// ranges are the lowest and highest single repetition, and `peerOrigin` says whether the peer is
// this project's own code ('ours'), a published package ('outside') or absent ('none').
// Filters keep the benchmarks whose path contains any of them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFigure, formatNumber, formatPeer } from './formatNumber.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsPath = join(root, 'bench', 'results.json');
const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const filters = args.filter((arg) => !arg.startsWith('--'));

/** Benchmark sources under bench/, relative to the project root, sorted. */
function findBenchmarks(directory = join(root, 'bench')) {
  const found = [];
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) found.push(...findBenchmarks(path));
    else if (name.endsWith('.bench.ts') || name.endsWith('.bench.mjs')) found.push(relative(root, path));
  }
  return found.sort();
}

/** The file Node runs for a benchmark source. */
function runnableOf(source) {
  return source.endsWith('.ts') ? join(root, 'out', source.replace(/\.ts$/, '.js')) : join(root, source);
}

function buildEverything() {
  const addon = join(root, 'dist', 'native', `${process.platform}-${process.arch}`, 'midi_scope.node');
  if (!existsSync(addon)) {
    console.log('[bench] building the native addon');
    execFileSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  console.log('[bench] building the engine and the benchmarks');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tests'], {
    cwd: root,
    stdio: 'inherit',
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
  };
}

/** Runs one benchmark in a child process; resolves with its report or an Error saying why not. */
function runBenchmark(source, outputPath) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [runnableOf(source)], {
      cwd: root,
      env: { ...process.env, MIDI_SCOPE_BENCH_OUT: outputPath },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => resolve(error));
    child.on('exit', (code, signal) => {
      if (code !== 0) return resolve(new Error(`${source} exited with ${signal ?? `code ${code}`}`));
      try {
        const report = JSON.parse(readFileSync(outputPath, 'utf8'));
        if (typeof report.benchmark !== 'string' || !Array.isArray(report.rows)) {
          return resolve(new Error(`${source} wrote a report without "benchmark" and "rows"`));
        }
        resolve({ ...report, source, seconds: Number(((performance.now() - started) / 1_000).toFixed(1)) });
      } catch (error) {
        resolve(new Error(`${source} wrote no readable report: ${error.message}`));
      }
    });
  });
}

function printTable(report) {
  const header = ['work', 'figure', 'peer', 'peer figure', 'ratio', 'target', 'reached'];
  const lines = report.rows.map((row) => [
    row.work,
    formatFigure(row.figure, row.unit, row.figureRange),
    formatPeer(row.peer, row.peerOrigin),
    formatFigure(row.peerFigure, row.unit, row.peerRange),
    row.ratio === null ? '–' : `${formatNumber(row.ratio)}×`,
    row.target ?? '–',
    row.reachedTarget === undefined ? '–' : row.reachedTarget ? 'yes' : 'no',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ');
  console.log(`\n## ${report.benchmark}  (${report.source}, ${report.seconds} s)`);
  console.log(report.description);
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
  for (const row of report.rows.filter((candidate) => candidate.note))
    console.log(`  note (${row.work}): ${row.note}`);
  for (const note of report.notes ?? []) console.log(`  ${note}`);
}

function readPreviousResults() {
  if (!existsSync(resultsPath)) return { benchmarks: {} };
  try {
    const previous = JSON.parse(readFileSync(resultsPath, 'utf8'));
    return previous && typeof previous.benchmarks === 'object' ? previous : { benchmarks: {} };
  } catch {
    console.warn(`[bench] ${relative(root, resultsPath)} was unreadable; starting it afresh`);
    return { benchmarks: {} };
  }
}

if (build) buildEverything();
const sources = findBenchmarks().filter(
  (source) => filters.length === 0 || filters.some((f) => source.includes(f)),
);
if (sources.length === 0) {
  console.error(`[bench] no benchmark matches ${filters.join(', ') || '(any)'} under bench/`);
  process.exit(1);
}
const missing = sources.filter((source) => !existsSync(runnableOf(source)));
if (missing.length > 0) {
  console.error(`[bench] not built: ${missing.join(', ')}; run without --no-build`);
  process.exit(1);
}

const results = readPreviousResults();
const scratch = mkdtempSync(join(os.tmpdir(), 'midi-scope-bench-'));
const failures = [];
try {
  for (const [index, source] of sources.entries()) {
    console.log(`\n[bench] ${index + 1}/${sources.length} ${source}`);
    const environment = machine();
    const outcome = await runBenchmark(source, join(scratch, `${index}.json`));
    if (outcome instanceof Error) {
      failures.push(outcome.message);
      console.error(`[bench] ${outcome.message}`);
      continue;
    }
    results.benchmarks[outcome.benchmark] = {
      ...outcome,
      ranAt: new Date().toISOString(),
      machine: environment,
    };
    printTable(outcome);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

results.updatedAt = new Date().toISOString();
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n[bench] results in ${relative(root, resultsPath)}`);
if (failures.length > 0) {
  console.error(`[bench] ${failures.length} benchmark(s) did not run:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
