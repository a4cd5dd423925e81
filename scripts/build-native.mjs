// Builds the Node-API addon with node-gyp from the registries only (no header download) and
// places it where the engine loader looks: dist/native/<platform>-<arch>/midi_scope.node.
// One Node-API binary serves Node 20, Node 24 (code-server) and Electron.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const debug = process.argv.includes('--debug');

/** Node's headers: the distro's (/usr/include/node) or the running Node's own tree. */
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = join(dirname(process.execPath), '..');
  for (const dir of [prefix, '/usr', '/usr/local']) {
    if (existsSync(join(dir, 'include/node/node_api.h'))) return dir;
  }
  throw new Error(
    'Node headers (include/node/node_api.h) not found next to the running node or in /usr; ' +
      "install your distribution's nodejs headers or set npm_config_nodedir.",
  );
}

const gyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js');
const jobs = String(Math.max(1, (await import('node:os')).availableParallelism()));
execFileSync(
  process.execPath,
  [gyp, 'rebuild', `--nodedir=${nodeDir()}`, `--jobs=${jobs}`, ...(debug ? ['--debug'] : [])],
  { cwd: root, stdio: 'inherit' },
);
const built = join(root, 'build', debug ? 'Debug' : 'Release', 'midi_scope.node');
const target = join(root, 'dist/native', `${process.platform}-${process.arch}`);
mkdirSync(target, { recursive: true });
copyFileSync(built, join(target, 'midi_scope.node'));
console.log(`[build-native] ${join(target, 'midi_scope.node')}`);
