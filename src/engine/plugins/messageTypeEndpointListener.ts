// Matches messages of the included UMP message types (0x0 to 0xF).
import type { MidiMessageReceivedEventArgs } from '../types';
import {
  MidiFilteringEndpointListener,
  nibbleSet,
  type MidiFilteringEndpointListenerOptions,
} from './filteringEndpointListener';

export interface MidiMessageTypeEndpointListenerOptions extends MidiFilteringEndpointListenerOptions {
  includedMessageTypes: readonly number[];
}

export class MidiMessageTypeEndpointListener extends MidiFilteringEndpointListener {
  readonly includedMessageTypes: ReadonlySet<number>;

  constructor(options: MidiMessageTypeEndpointListenerOptions) {
    super(options, 'Message type filter');
    this.includedMessageTypes = nibbleSet(options.includedMessageTypes, 'includedMessageTypes');
  }

  protected matches(args: MidiMessageReceivedEventArgs): boolean {
    return this.includedMessageTypes.has(args.messageType);
  }
}
