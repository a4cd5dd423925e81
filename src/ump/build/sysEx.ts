// System Exclusive in UMPs: SysEx7 (Data 64, message type 0x3, 6 bytes of 7-bit data a packet)
// and SysEx8 (Data 128, type 0x5, a stream id and 13 bytes a packet). The bytes are the SysEx
// body: no F0 or F7 travels in a UMP.
import { SYSEX7_BYTES_PER_PACKET } from '../decode/data64';
import { SYSEX8_BYTES_PER_PACKET } from '../decode/data128';
import { MessageType } from '../messageType';
import { checkBytes, checkRange } from './checkRange';
import { packetWithBytes, piecesWithForms } from './packetBytes';

/** As many packets as the body needs; an empty body is one Complete packet with no bytes. */
export function buildSysEx7Packets(group: number, bytes: ArrayLike<number>): Uint32Array[] {
  checkRange('group', group, 0, 15);
  const body = checkBytes('bytes', bytes, 0x7f);
  return piecesWithForms(body, SYSEX7_BYTES_PER_PACKET).map((piece) =>
    packetWithBytes(
      2,
      (MessageType.Data64 << 28) | (group << 24) | (piece.form << 20) | (piece.bytes.length << 16),
      2,
      piece.bytes,
    ),
  );
}

/** Like SysEx7 with 8-bit bytes; `streamId` tells apart SysEx8 messages sent at once on a group. */
export function buildSysEx8Packets(group: number, streamId: number, bytes: ArrayLike<number>): Uint32Array[] {
  checkRange('group', group, 0, 15);
  checkRange('streamId', streamId, 0, 0xff);
  const body = checkBytes('bytes', bytes, 0xff);
  return piecesWithForms(body, SYSEX8_BYTES_PER_PACKET).map((piece) => {
    // The byte count includes the stream id.
    const count = piece.bytes.length + 1;
    const w0 =
      (MessageType.Data128 << 28) | (group << 24) | (piece.form << 20) | (count << 16) | (streamId << 8);
    return packetWithBytes(4, w0, 3, piece.bytes);
  });
}
