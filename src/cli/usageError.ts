// A mistake in how the command was called (a bad endpoint, unreadable hex): exit code 2.
export class UsageError extends Error {}

export const exitCodes = {
  ok: 0,
  /** A test failed, a file did not parse, or a send was refused. */
  failed: 1,
  /** Bad arguments or options. */
  usage: 2,
} as const;
