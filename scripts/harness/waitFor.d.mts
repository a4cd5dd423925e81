// Types of waitFor.mjs for the TypeScript end-to-end helpers.
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: { timeoutMs: number; intervalMs?: number; detail?: () => string },
): Promise<T>;
export function timeoutFromEnvironment(name: string, defaultSeconds: number): number;
