// Group and channel of a message from its first word alone: the one place that knows which
// message types carry them. The decoder, the engine's event args and listeners, the monitor's
// filters (which run over every captured row, so nothing here decodes more than one word) and
// the text reassembler all read them here. From UMP 1.1 (M2-104-UM): Utility (0x0), UMP Stream
// (0xF) and the reserved types carry no group; MIDI 1.0 and 2.0 channel voice (0x2, 0x4) always
// carry a channel; Flex Data (0xD) carries one only when its Address field (bits 21–20) is 0,
// "Channel": with 1, "Group", the message is for the whole group and its channel field is
// ignored; 2 and 3 are reserved.
import { MessageType, hasGroup } from './messageType';

/** Flex Data's Address field: to one channel of the group, or to the whole group. */
export const FlexDataAddress = {
  channel: 0,
  group: 1,
} as const;

/** The Address field (0–3) of a Flex Data message's first word. */
export function flexDataAddressOf(word0: number): number {
  return (word0 >>> 20) & 0x3;
}

/** Group 0–15 of the message whose first word is `word0`, or undefined for a groupless type. */
export function groupOf(word0: number): number | undefined {
  return hasGroup(word0 >>> 28) ? (word0 >>> 24) & 0xf : undefined;
}

/**
 * Channel 0–15 of the message whose first word is `word0`, or undefined when it is not addressed
 * to one channel: every type but channel voice and Flex Data, and Flex Data addressed to the
 * group (or to a reserved address).
 */
export function channelOf(word0: number): number | undefined {
  const messageType: MessageType = word0 >>> 28;
  switch (messageType) {
    case MessageType.Midi1ChannelVoice:
    case MessageType.Midi2ChannelVoice:
      return (word0 >>> 16) & 0xf;
    case MessageType.FlexData:
      return flexDataAddressOf(word0) === FlexDataAddress.channel ? (word0 >>> 16) & 0xf : undefined;
    default:
      return undefined;
  }
}
