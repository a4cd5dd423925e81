// Fields every Flex Data builder shares. The first word of a Flex Data message (message type 0xD)
// holds the group, the form (bits 23–22), the address (21–20: 0 one channel, 1 the whole group),
// the channel, the status bank (15–8) and the status (7–0).
import { MessageType, PacketForm } from '../messageType';
import { checkRange } from './checkRange';

/** Sent to `channel`, or to the whole group when it is undefined. */
export function flexDataWord0(
  group: number,
  channel: number | undefined,
  bank: number,
  status: number,
  form = PacketForm.Complete,
): number {
  checkRange('group', group, 0, 15);
  if (channel !== undefined) checkRange('channel', channel, 0, 15);
  const address = channel === undefined ? 1 << 20 : channel << 16;
  return ((MessageType.FlexData << 28) | (group << 24) | (form << 22) | address | (bank << 8) | status) >>> 0;
}

/** A signed accidental count as the 4-bit two's complement nibble the messages carry. */
export function accidentalNibble(name: string, sharpsFlats: number, min: number, max: number): number {
  return checkRange(name, sharpsFlats, min, max) & 0xf;
}
