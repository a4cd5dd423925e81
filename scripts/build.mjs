// One esbuild config for every bundle. Type checking is separate (`npm run typecheck`).
//   node scripts/build.mjs            extension, engine library, webview
//   node scripts/build.mjs --tests    also the unit, integration and e2e suites into out/
//   node scripts/build.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

/** Every file under `dir` whose name ends with `suffix`, relative to the project root. */
function filesEndingWith(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const found = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) found.push(...filesEndingWith(join(dir, name), suffix));
    else if (name.endsWith(suffix)) found.push(relative(root, path));
  }
  return found;
}

function packageVersion() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // The addon is loaded at run time from dist/native/<platform>-<arch>/ (see src/engine/nativeBinding.ts).
  external: ['vscode', '*.node'],
};

const builds = [
  {
    ...node,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    // The first statement of the bundle: activate() logs how long evaluating the bundle took.
    banner: { js: 'globalThis.__midiScopeBundleStart = performance.now();' },
  },
  { ...node, entryPoints: { engine: 'src/engine/index.ts' }, outdir: 'dist' },
  // The `midi-scope` command line (package.json "bin"): the same engine, without VS Code.
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    external: [...node.external, './engine.js'],
    define: { MIDI_SCOPE_VERSION: JSON.stringify(packageVersion()) },
  },
];

if (existsSync(join(root, 'webview/monitor/main.ts'))) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: true,
    minify: production,
    logLevel: 'warning',
    entryPoints: { monitor: 'webview/monitor/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'css' },
  });
}

if (args.has('--tests')) {
  const suites = [
    ...filesEndingWith('test/unit', '.ts'),
    ...filesEndingWith('test/alsa', '.ts'),
    ...filesEndingWith('test/integration', '.ts'),
    ...filesEndingWith('test/e2e', '.ts'),
    ...filesEndingWith('test/guest', '.ts'),
    ...filesEndingWith('bench', '.ts'),
  ];
  // Each test file becomes its own bundle, keeping its path under out/ so relative
  // lookups (dist/, fixtures) stay predictable: test/unit/x.test.ts -> out/test/unit/x.test.js.
  if (suites.length > 0) {
    builds.push({
      ...node,
      entryPoints: suites,
      outbase: '.',
      outdir: 'out',
      external: ['vscode', '*.node', 'playwright-core', 'mocha', 'jzz', '@vscode/test-electron'],
    });
  }
}

function copyStatic() {
  const codicons = join(root, 'node_modules/@vscode/codicons/dist');
  if (existsSync(codicons)) {
    mkdirSync(join(root, 'dist/webview/codicons'), { recursive: true });
    for (const f of ['codicon.css', 'codicon.ttf'])
      cpSync(join(codicons, f), join(root, 'dist/webview/codicons', f));
  }
}

process.chdir(root);
if (args.has('--watch')) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  copyStatic();
  console.log('[build] watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyStatic();
}
