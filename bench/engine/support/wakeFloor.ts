// Builds and runs support/wakeFloor.c: the CPU share of a thread that only wakes once per
// message at a steady rate, the least any scheduler thread can cost at that rate on this machine.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './engine';

let binary: string | undefined;

function build(): string {
  if (binary !== undefined) return binary;
  const root = projectRoot('bench');
  const output = join(root, 'out', 'bench', 'wakeFloor');
  mkdirSync(dirname(output), { recursive: true });
  // The same C compiler the native addon's build finds (node-gyp uses cc/c++ from PATH).
  execFileSync('cc', [
    '-std=c11',
    '-O2',
    '-o',
    output,
    join(root, 'bench', 'engine', 'support', 'wakeFloor.c'),
  ]);
  binary = output;
  return binary;
}

/** The floor thread's CPU time over `count` wake-ups at `rate` a second, in % of one core. */
export function wakeFloorPercent(rate: number, count: number): number {
  const printed = execFileSync(build(), [String(rate), String(count)], { encoding: 'utf8' });
  const { cpuUs, wallUs } = JSON.parse(printed) as { cpuUs: number; wallUs: number };
  return (cpuUs / wallUs) * 100;
}

/** As wakeFloorPercent, without blocking this process's event loop while the floor runs. */
export function wakeFloorPercentAsync(rate: number, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(build(), [String(rate), String(count)], { encoding: 'utf8' }, (error, printed) => {
      if (error) return reject(new Error(`wakeFloor failed: ${error.message}`));
      const { cpuUs, wallUs } = JSON.parse(printed) as { cpuUs: number; wallUs: number };
      resolve((cpuUs / wallUs) * 100);
    });
  });
}
