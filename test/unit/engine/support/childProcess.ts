// Runs Node in a child process and waits for it to exit, with a deadline.
import { spawn } from 'node:child_process';

export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` and resolves when it exits; rejects (killing it) after `timeoutMs`. */
export function runNode(
  args: string[],
  timeoutMs = 20_000,
  env = process.env,
  cwd?: string,
): Promise<ChildOutcome> {
  const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `node ${args.join(' ')} did not exit within ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** The last line of stdout, parsed as JSON (child scripts report their findings that way). */
export function lastJsonLine<T>(outcome: ChildOutcome): T {
  const lines = outcome.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
