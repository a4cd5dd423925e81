// The shared shape of the built-in message processing plugins, after Windows MIDI Services'
// client plugins (MidiGroupEndpointListener and friends): each has its own onMessageReceived
// for the messages it matches and can keep those messages from the connection's handlers.
import { randomUUID } from 'node:crypto';
import { checkIsObject, describeValue } from '../argumentChecks';
import { ListenerList } from '../listenerList';
import type {
  MidiDisposable,
  MidiEndpointMessageProcessingPlugin,
  MidiMessageReceivedEventArgs,
} from '../types';

export interface MidiFilteringEndpointListenerOptions {
  /** Defaults to a random GUID. */
  id?: string;
  name?: string;
  /**
   * When true, messages this listener matches reach only its own onMessageReceived, not the
   * connection's handlers nor plugins added after it: the way to partition traffic.
   */
  preventFiringMainMessageReceivedEvent?: boolean;
}

export abstract class MidiFilteringEndpointListener implements MidiEndpointMessageProcessingPlugin {
  readonly id: string;
  readonly name: string;
  isEnabled = true;
  preventFiringMainMessageReceivedEvent: boolean;
  private readonly listeners = new ListenerList<MidiMessageReceivedEventArgs>();

  protected constructor(options: MidiFilteringEndpointListenerOptions, defaultName: string) {
    checkIsObject(options, 'options');
    this.id = options.id ?? randomUUID();
    this.name = options.name ?? defaultName;
    this.preventFiringMainMessageReceivedEvent = options.preventFiringMainMessageReceivedEvent ?? false;
  }

  /** Messages this listener matches, before the connection's handlers see them. */
  onMessageReceived(listener: (args: MidiMessageReceivedEventArgs) => void): MidiDisposable {
    return this.listeners.add(listener, 'onMessageReceived listener');
  }

  processIncomingMessage(args: MidiMessageReceivedEventArgs): boolean {
    if (!this.matches(args)) return true;
    this.listeners.fire(args);
    return !this.preventFiringMainMessageReceivedEvent;
  }

  protected abstract matches(args: MidiMessageReceivedEventArgs): boolean;
}

/** A 4-bit number (group, channel, message type) from a caller, checked. */
export function nibble(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < 0 || value > 15) {
    throw new RangeError(`${what} must be a whole number from 0 to 15, got ${value}`);
  }
  return value;
}

/** A set of 4-bit numbers from a caller's array, checked. */
export function nibbleSet(values: unknown, what: string): ReadonlySet<number> {
  if (!Array.isArray(values))
    throw new TypeError(`${what} must be an array of numbers, got ${describeValue(values)}`);
  return new Set(values.map((value: unknown, index) => nibble(value, `${what}[${index}]`)));
}
