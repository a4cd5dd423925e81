// @ts-check
// Waiting on conditions with a deadline. The harness never sleeps for a fixed time: it polls
// what it is waiting for and fails with a message that says what never happened.

/**
 * Calls `probe` until it returns something truthy and resolves with that value. A probe that
 * throws ends the wait at once with its error (for example "code-server exited").
 * @template T
 * @param {string} what what is awaited, as it should read in "timed out waiting for …"
 * @param {() => T | undefined | null | false | Promise<T | undefined | null | false>} probe
 * @param {{ timeoutMs: number, intervalMs?: number, detail?: () => string }} options
 *   detail: extra text for the timeout error (log tails and the like)
 * @returns {Promise<T>}
 */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 100, detail }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      const extra = detail ? `\n${detail()}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${extra}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * A timeout in milliseconds from an environment variable (given in seconds), or the default.
 * @param {string} name
 * @param {number} defaultSeconds
 */
export function timeoutFromEnvironment(name, defaultSeconds) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return defaultSeconds * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`${name}=${raw}: expected a positive number of seconds`);
  }
  return seconds * 1000;
}
