// Matches messages of one group addressed to one of the included channels: channel voice
// (MIDI 1.0 and 2.0) and Flex Data addressed to a channel (ump's channelOf decides).
import type { MidiMessageReceivedEventArgs } from '../types';
import {
  MidiFilteringEndpointListener,
  nibble,
  nibbleSet,
  type MidiFilteringEndpointListenerOptions,
} from './filteringEndpointListener';

export interface MidiChannelEndpointListenerOptions extends MidiFilteringEndpointListenerOptions {
  /** Group 0 to 15. */
  includedGroup: number;
  /** Channels 0 to 15. */
  includedChannels: readonly number[];
}

export class MidiChannelEndpointListener extends MidiFilteringEndpointListener {
  readonly includedGroup: number;
  readonly includedChannels: ReadonlySet<number>;

  constructor(options: MidiChannelEndpointListenerOptions) {
    super(options, 'Channel filter');
    this.includedGroup = nibble(options.includedGroup, 'includedGroup');
    this.includedChannels = nibbleSet(options.includedChannels, 'includedChannels');
  }

  protected matches(args: MidiMessageReceivedEventArgs): boolean {
    return (
      args.group === this.includedGroup &&
      args.channel !== undefined &&
      this.includedChannels.has(args.channel)
    );
  }
}
