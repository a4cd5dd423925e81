// Group and channel of a packet from its first word alone, for the filters that run over every
// captured row (decoding a whole message there would cost too much at a million rows).
// Layouts from UMP 1.1: groupless types are Utility (0x0) and UMP Stream (0xF); channel voice
// (0x2, 0x4) always carry a channel; Flex Data (0xD) only when addressed to a channel.
import { MessageType, hasGroup } from '../../ump';

const flexAddressChannel = 0;

/** Group 0-15, or -1 for groupless and reserved types. */
export function groupOf(word0: number): number {
  return hasGroup(word0 >>> 28) ? (word0 >>> 24) & 0xf : -1;
}

/** Channel 0-15, or -1 when the message is not addressed to one channel. */
export function channelOf(word0: number): number {
  const messageType: MessageType = word0 >>> 28;
  if (messageType === MessageType.Midi1ChannelVoice || messageType === MessageType.Midi2ChannelVoice)
    return (word0 >>> 16) & 0xf;
  if (messageType === MessageType.FlexData && ((word0 >>> 20) & 0x3) === flexAddressChannel)
    return (word0 >>> 16) & 0xf;
  return -1;
}
