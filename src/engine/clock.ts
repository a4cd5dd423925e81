// MidiClock: the engine's monotonic clock in ticks of 100 ns (10 MHz, as Windows MIDI Services).
// A double counts ticks exactly up to 2^53, about 28.5 years of uptime.
import { requireNumber } from './argumentChecks';
import { engineBinding } from './engineLifecycle';

const ticksPerSecond = 10_000_000;
const ticksPerMillisecond = ticksPerSecond / 1_000;
const ticksPerMicrosecond = ticksPerSecond / 1_000_000;

export class MidiClock {
  /** Ticks per second of every timestamp. */
  static readonly timestampFrequency = ticksPerSecond;
  /** A timestamp meaning "now": the message bypasses the scheduler. */
  static readonly timestampConstantSendImmediately = 0;

  private constructor() {}

  /** Ticks since an arbitrary fixed point (the machine's monotonic clock), never decreasing. */
  static now(): number {
    return engineBinding().clockNow();
  }

  static offsetTimestampByTicks(timestamp: number, ticks: number): number {
    requireNumber(timestamp, 'timestamp');
    requireNumber(ticks, 'ticks');
    return timestamp + ticks;
  }

  static offsetTimestampByMicroseconds(timestamp: number, microseconds: number): number {
    requireNumber(timestamp, 'timestamp');
    requireNumber(microseconds, 'microseconds');
    return timestamp + microseconds * ticksPerMicrosecond;
  }

  static offsetTimestampByMilliseconds(timestamp: number, milliseconds: number): number {
    requireNumber(timestamp, 'timestamp');
    requireNumber(milliseconds, 'milliseconds');
    return timestamp + milliseconds * ticksPerMillisecond;
  }

  static offsetTimestampBySeconds(timestamp: number, seconds: number): number {
    requireNumber(timestamp, 'timestamp');
    requireNumber(seconds, 'seconds');
    return timestamp + seconds * ticksPerSecond;
  }

  static convertTimestampTicksToMicroseconds(ticks: number): number {
    requireNumber(ticks, 'ticks');
    return ticks / ticksPerMicrosecond;
  }

  static convertTimestampTicksToMilliseconds(ticks: number): number {
    requireNumber(ticks, 'ticks');
    return ticks / ticksPerMillisecond;
  }

  static convertTimestampTicksToSeconds(ticks: number): number {
    requireNumber(ticks, 'ticks');
    return ticks / ticksPerSecond;
  }

  static convertMicrosecondsToTimestampTicks(microseconds: number): number {
    requireNumber(microseconds, 'microseconds');
    return microseconds * ticksPerMicrosecond;
  }

  static convertMillisecondsToTimestampTicks(milliseconds: number): number {
    requireNumber(milliseconds, 'milliseconds');
    return milliseconds * ticksPerMillisecond;
  }

  static convertSecondsToTimestampTicks(seconds: number): number {
    requireNumber(seconds, 'seconds');
    return seconds * ticksPerSecond;
  }
}
