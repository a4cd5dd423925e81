// CPU time of this process (every thread: the JS thread, the engine's, V8's) and of one named
// thread, for the share of a core a piece of work takes.
import { readFileSync, readdirSync } from 'node:fs';

/** CPU time of the whole process so far, in µs (user + system). */
export function processCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU time so far of the threads of this process named `name` (Linux), in µs; 0 elsewhere. */
export function threadCpuUs(name: string): number {
  let total = 0;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const task of tasks) {
    try {
      if (readFileSync(`/proc/self/task/${task}/comm`, 'utf8').trim() !== name) continue;
      // schedstat: nanoseconds on a CPU, nanoseconds waiting to run, timeslices.
      total += Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1_000;
    } catch {
      // the thread ended meanwhile
    }
  }
  return total;
}

export const cpuNote =
  'Process CPU includes the JS thread waking for each batch and running the handler, V8 and libuv threads; ' +
  "the scheduler thread's figure is its own (Linux schedstat).";
