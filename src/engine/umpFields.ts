// The fields the facade reads from received messages to fill event args and run filters;
// sizes and types come from the UMP codec.
import { hasGroup, messageTypeOf } from '../ump';

/** The group (0 to 15) of message types that carry one, else undefined. */
export function groupOf(firstWord: number): number | undefined {
  return hasGroup(messageTypeOf(firstWord)) ? (firstWord >>> 24) & 0xf : undefined;
}

/** The channel of MIDI 1.0 (0x2) and MIDI 2.0 (0x4) channel voice messages, else undefined. */
export function channelOf(firstWord: number): number | undefined {
  const messageType = messageTypeOf(firstWord);
  return messageType === 0x2 || messageType === 0x4 ? (firstWord >>> 16) & 0xf : undefined;
}
