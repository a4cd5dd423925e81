// The engine under test is the built library, dist/engine.js, loaded from plain Node exactly as
// a script would load it; its types come from the sources it was built from.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as EngineModule from '../../../../src/engine';

export type Engine = typeof EngineModule;

/** dist/engine.js of the checkout this test bundle was built in (bundles live under out/). */
export function engineModulePath(): string {
  for (let directory = __dirname; dirname(directory) !== directory; directory = dirname(directory)) {
    const candidate = join(directory, 'dist', 'engine.js');
    if (existsSync(join(directory, 'package.json')) && existsSync(candidate)) return candidate;
  }
  throw new Error(`dist/engine.js not found above ${__dirname}: run \`node scripts/build.mjs\` first`);
}

export function loadEngine(): Engine {
  // A run-time require of the built file: the bundler must not inline the sources instead.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(engineModulePath()) as Engine;
}

/** The compiled child script `name` (test/unit/engine/children/<name>.ts) beside this bundle. */
export function childScriptPath(name: string): string {
  for (const candidate of [
    join(__dirname, 'children', `${name}.js`),
    join(__dirname, '..', 'children', `${name}.js`),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `child script ${name}.js not found near ${__dirname}: run \`node scripts/build.mjs --tests\``,
  );
}
