// Helpers of the addon tests: the built addon, and waiting for conditions with a deadline.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Path of the addon that scripts/build-native.mjs places for this platform. */
export const addonPath =
  process.env.MIDI_SCOPE_ADDON ??
  join(root, 'dist/native', `${process.platform}-${process.arch}`, 'midi_scope.node');

/** Loads the addon (one instance per thread/environment). */
export function loadAddon() {
  return createRequire(import.meta.url)(addonPath);
}

/** Resolves once `condition()` is true; rejects after `timeoutMs`, saying what it waited for. */
export async function waitFor(condition, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

export const flags = {
  failed: 0x8000_0000,
  bufferFull: 0x0001_0000,
  closed: 0x0004_0000,
  invalidMessageTypeForWordCount: 0x0010_0000,
  dataIndexOutOfRange: 0x0040_0000,
  timestampOutOfRange: 0x0080_0000,
  partiallyProcessed: 0x0100_0000,
};

/** A failed result with the given flags, as the unsigned number the addon returns. */
export function failure(...bits) {
  return bits.reduce((result, bit) => result | bit, flags.failed) >>> 0;
}

/** Opens a connection whose onWake drains into `received` (words and timestamps). */
export function openDraining(addon, endpointId, ringWords = 4096) {
  const connection = { handle: 0, wakes: 0, words: [], timestamps: [] };
  const words = new Uint32Array(1024);
  const timestamps = new Float64Array(1024);
  connection.handle = addon.openConnection(endpointId, ringWords, () => {
    connection.wakes++;
    for (;;) {
      const drained = addon.drain(connection.handle, words, timestamps);
      connection.words.push(...words.subarray(0, drained.wordCount));
      connection.timestamps.push(...timestamps.subarray(0, drained.messageCount));
      if (!drained.more) break;
    }
  });
  return connection;
}
