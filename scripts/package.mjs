// @ts-check
// Packages MIDI Scope as a VSIX for this platform only (vsce package --target <platform>-<arch>):
// the esbuild bundles, the webview assets and this platform's native engine, nothing else.
//   node scripts/package.mjs           dist/midi-scope-<version>-<target>.vsix
//   node scripts/package.mjs --check   the same, then verifies the file list and prints it with the size
// It builds nothing: run `npm run build` and `npm run build:native` first.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { zipEntries } from './harness/zipEntries.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** vsce's target names for Node's process.platform-process.arch (they differ only for 32-bit ARM). */
const vsceTargets = new Map([
  ['linux-x64', 'linux-x64'],
  ['linux-arm64', 'linux-arm64'],
  ['linux-arm', 'linux-armhf'],
  ['darwin-x64', 'darwin-x64'],
  ['darwin-arm64', 'darwin-arm64'],
  ['win32-x64', 'win32-x64'],
  ['win32-arm64', 'win32-arm64'],
]);

/** The directory name the engine loader looks in: dist/native/<platform>-<arch>/. */
export function platformArch(platform = process.platform, arch = process.arch) {
  return `${platform}-${arch}`;
}

/** @param {string} nodePlatformArch */
export function vsceTarget(nodePlatformArch) {
  const target = vsceTargets.get(nodePlatformArch);
  if (target === undefined) {
    throw new Error(`VS Code has no platform-specific package target for ${nodePlatformArch}`);
  }
  return target;
}

/** @param {string} root */
function readManifest(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** The path of the VSIX for this version and platform. */
export function vsixPath(root = projectRoot, nodePlatformArch = platformArch()) {
  const { name, version } = readManifest(root);
  return join(root, 'dist', `${name}-${version}-${vsceTarget(nodePlatformArch)}.vsix`);
}

/**
 * Files the package is made of, with what makes each one when it is missing.
 * @param {string} root
 * @param {string} nodePlatformArch
 */
function requiredInputs(root, nodePlatformArch) {
  const inputs = [
    ['dist/extension.js', 'npm run build'],
    ['dist/engine.js', 'npm run build'],
    [`dist/native/${nodePlatformArch}/midi_scope.node`, 'npm run build:native'],
    ['README.md', 'the project README'],
    ['CHANGELOG.md', 'the project changelog'],
    ['LICENSE', 'the project license'],
  ];
  if (existsSync(join(root, 'webview/monitor/main.ts')))
    inputs.push(['dist/webview/monitor.js', 'npm run build']);
  return inputs;
}

/**
 * Runs vsce and returns the VSIX it wrote.
 * @returns {Promise<{ file: string, target: string, bytes: number }>}
 */
export async function packageVsix(root = projectRoot, nodePlatformArch = platformArch()) {
  const missing = requiredInputs(root, nodePlatformArch).filter(([path]) => !existsSync(join(root, path)));
  if (missing.length > 0) {
    throw new Error(
      'cannot package, missing:\n' + missing.map(([path, maker]) => `  ${path}  (from: ${maker})`).join('\n'),
    );
  }
  const target = vsceTarget(nodePlatformArch);
  const file = vsixPath(root, nodePlatformArch);
  const manifest = readManifest(root);
  // The static allow-list plus this platform's binary (other platforms' stay out) and the icon.
  const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-package-'));
  const ignoreFile = join(scratch, 'vscodeignore');
  const allowed = [
    readFileSync(join(root, '.vscodeignore'), 'utf8'),
    `!dist/native/${nodePlatformArch}/midi_scope.node`,
  ];
  if (manifest.icon) allowed.push(`!${manifest.icon.replace(/^\.\//, '')}`);
  writeFileSync(ignoreFile, `${allowed.join('\n')}\n`);
  // Written beside and renamed into place, so a run installing the previous package never reads
  // half of this one.
  const partial = join(scratch, basename(file));
  const args = [
    join(root, 'node_modules/@vscode/vsce/vsce'),
    'package',
    '--target',
    target,
    '--no-dependencies',
    '--ignoreFile',
    ignoreFile,
    '--out',
    partial,
  ];
  // Without a repository vsce cannot make the README's relative links absolute; it keeps them.
  if (manifest.repository === undefined)
    args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  try {
    await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    copyFileSync(partial, `${file}.${process.pid}`);
    renameSync(`${file}.${process.pid}`, file);
  } catch (error) {
    const failure = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (error);
    const output = [failure.stdout, failure.stderr].filter(Boolean).join('\n').trim();
    throw new Error(`vsce package failed:\n${output || failure.message}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { file, target, bytes: statSync(file).size };
}

/**
 * Compares the VSIX's entries with what may ship. Returns the problems found (none: it is right).
 * @param {{ name: string }[]} entries
 * @param {string} nodePlatformArch
 * @param {{ icon?: string }} manifest
 */
export function vsixProblems(entries, nodePlatformArch, manifest) {
  const escape = /** @param {string} text */ (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const native = `extension/dist/native/${nodePlatformArch}/midi_scope.node`;
  const allowed = [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/package\.json$/,
    /^extension\/readme\.md$/,
    /^extension\/changelog\.md$/,
    /^extension\/LICENSE(\.txt)?$/,
    /^extension\/dist\/(extension|engine)\.js$/,
    /^extension\/dist\/webview\/[\w/.-]+\.(js|css|ttf)$/,
    /^extension\/(syntaxes|snippets)\/[\w.-]+\.json$/,
    /^extension\/media\/walkthrough\/[\w.-]+\.md$/,
    new RegExp(`^${escape(native)}$`),
  ];
  if (manifest.icon) allowed.push(new RegExp(`^extension/${escape(manifest.icon.replace(/^\.\//, ''))}$`));
  const required = [
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/engine.js',
    'extension/syntaxes/ump.tmLanguage.json',
    'extension/snippets/ump.json',
    'extension/media/walkthrough/createPair.md',
    native,
  ];
  const names = new Set(entries.map((entry) => entry.name));
  return [
    ...required.filter((name) => !names.has(name)).map((name) => `missing: ${name}`),
    ...[...names]
      .filter((name) => !allowed.some((pattern) => pattern.test(name)))
      .map((name) => `unexpected: ${name}`),
  ];
}

/** @param {number} bytes */
function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main() {
  const check = process.argv.includes('--check');
  const nodePlatformArch = platformArch();
  const { file, target, bytes } = await packageVsix(projectRoot, nodePlatformArch);
  console.log(`[package] ${file} (${target}, ${kib(bytes)})`);
  if (!check) return;
  const entries = zipEntries(file);
  for (const entry of entries) console.log(`  ${entry.name.padEnd(60)} ${kib(entry.size).padStart(12)}`);
  const problems = vsixProblems(entries, nodePlatformArch, readManifest(projectRoot));
  if (problems.length > 0) {
    console.error(`[package] ${file} is not what should ship:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`[package] check passed: ${entries.length} files, VSIX ${kib(bytes)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
