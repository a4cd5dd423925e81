// How hard the native scheduler works to send timestamped messages on time, traded against the
// CPU time it takes from the process (in VS Code, the extension host every extension shares).
// Not part of Windows MIDI Services, whose scheduler has no such setting; bench/engine/
// schedulerCpu.bench.ts measures each choice.
import { describeValue } from './argumentChecks';
import { engineBinding } from './engineLifecycle';

/**
 * - `balanced` (default): sleeps until the timestamp with precise timers and never spins: late by
 *   the OS's wake-up latency, one wake-up of the scheduler thread per message.
 * - `precise`: wakes early enough for 98 % of its wake-ups (up to 500 µs) and spins until the
 *   timestamp: the least lateness on a quiet machine, and CPU time that grows with the rate.
 * - `lowPower`: sends at most once a millisecond (messages up to 1 ms late) and lets the OS
 *   coalesce its timer (Linux: 50 µs of timer slack): the least CPU at high rates.
 */
export type MidiSchedulerPrecision = 'balanced' | 'precise' | 'lowPower';

/** Every precision, the default first. */
export const midiSchedulerPrecisions: readonly MidiSchedulerPrecision[] = ['balanced', 'precise', 'lowPower'];

export class MidiScheduler {
  private constructor() {}

  /** The precision of every scheduler in this process (the engine has one per Node environment). */
  static get precision(): MidiSchedulerPrecision {
    return engineBinding().schedulerPrecision() as MidiSchedulerPrecision;
  }

  /** Applies from each scheduler thread's next wake-up on. Throws a TypeError for anything else. */
  static set precision(value: MidiSchedulerPrecision) {
    if (!midiSchedulerPrecisions.includes(value)) {
      throw new TypeError(
        `MidiScheduler.precision must be one of ${midiSchedulerPrecisions.map((name) => `'${name}'`).join(', ')}, got ${describeValue(value)}`,
      );
    }
    engineBinding().setSchedulerPrecision(value);
  }
}
