// Benchmarks measure the built library, dist/engine.js, as a script would load it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as EngineModule from '../../../src/engine';

export type Engine = typeof EngineModule;

/** The nearest folder above the running benchmark that has a package.json and `marker` in it. */
export function projectRoot(marker: string): string {
  for (let directory = __dirname; dirname(directory) !== directory; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, marker))) return directory;
  }
  throw new Error(`${marker} not found above ${__dirname}: run \`node scripts/build.mjs\` first`);
}

export function loadEngine(): Engine {
  // A run-time require of the built file: the bundler must not inline the sources instead.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(projectRoot(join('dist', 'engine.js')), 'dist', 'engine.js')) as Engine;
}

/** Resolves on the next turn of the event loop, after pending I/O callbacks (native wake-ups) ran. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `condition()` holds, checking every turn of the event loop; rejects after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`benchmark timed out waiting for ${what}`);
    await nextTurn();
  }
}

/**
 * Resolves when `promise` does, with the event loop idle meanwhile (unlike `until`, which polls
 * every turn, allocating as it goes: its garbage brings a scavenge every few tens of ms, and
 * the pauses land in whatever the main thread measures). Rejects after `timeoutMs`.
 */
export async function settled<T>(promise: Promise<T>, what: string, timeoutMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`benchmark timed out waiting for ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
