// Matches messages of the included groups (messages without a group never match).
import type { MidiMessageReceivedEventArgs } from '../types';
import {
  MidiFilteringEndpointListener,
  nibbleSet,
  type MidiFilteringEndpointListenerOptions,
} from './filteringEndpointListener';

export interface MidiGroupEndpointListenerOptions extends MidiFilteringEndpointListenerOptions {
  /** Groups 0 to 15 (group 1 in user terms is 0 here). */
  includedGroups: readonly number[];
}

export class MidiGroupEndpointListener extends MidiFilteringEndpointListener {
  readonly includedGroups: ReadonlySet<number>;

  constructor(options: MidiGroupEndpointListenerOptions) {
    super(options, 'Group filter');
    this.includedGroups = nibbleSet(options.includedGroups, 'includedGroups');
  }

  protected matches(args: MidiMessageReceivedEventArgs): boolean {
    return args.group !== undefined && this.includedGroups.has(args.group);
  }
}
