// Which packets belong together in one logical message: SysEx7 (type 0x3), SysEx8 (0x5),
// Mixed Data Set chunks (0x5), multi-packet Flex Data text (0xD) and multi-packet UMP Stream names
// (0xF). Each such packet says whether it is complete, starts, continues or ends a message, and
// packets continue each other only when they share a key (group, stream id, status, …), per the
// UMP 1.1 layouts. A Mixed Data Set header has no end packet: it says how many payloads follow.
import { MessageType, PacketForm } from '../../ump';
import { MIXED_DATA_SET_BYTES_PER_PAYLOAD } from '../../ump/decode/data128';

export interface PacketContinuation {
  position: PacketForm;
  /** Packets with equal keys (on one endpoint) form one message; below 2^30. */
  key: number;
  /**
   * Set on a start whose message ends after this many more packets with its key (a Mixed Data
   * Set header); such a message has no end packet, and with 0 the start is the whole message.
   */
  packetsToFollow?: number;
}

/** UMP Stream status of Function Block Name Notification: its key includes the block number. */
const functionBlockNameStatus = 0x12;

/** Data 128 statuses of a Mixed Data Set chunk's header and payloads. */
const mixedDataSetHeaderStatus = 0x8;
const mixedDataSetPayloadStatus = 0x9;
/** Sets Mixed Data Set keys apart from SysEx8 keys (group and stream id, bits 0–11). */
const mixedDataSetKeyBit = 1 << 12;

/**
 * The position and key of a packet that can be part of a multi-packet message, or undefined
 * for every other packet (it is a message on its own). Only the first word is read.
 */
export function packetContinuation(word0: number): PacketContinuation | undefined {
  const messageType: MessageType = word0 >>> 28;
  const group = (word0 >>> 24) & 0xf;
  switch (messageType) {
    case MessageType.Data64: {
      // status nibble: 0 complete, 1 start, 2 continue, 3 end; the rest are reserved
      const status = (word0 >>> 20) & 0xf;
      return status > 3
        ? undefined
        : { position: status as PacketForm, key: (MessageType.Data64 << 26) | group };
    }
    case MessageType.Data128: {
      const status = (word0 >>> 20) & 0xf;
      if (status === mixedDataSetHeaderStatus || status === mixedDataSetPayloadStatus) {
        return mixedDataSetContinuation(word0, status, group);
      }
      // 0-3 are SysEx8; reserved statuses stand alone.
      if (status > 3) return undefined;
      const streamId = (word0 >>> 8) & 0xff;
      return { position: status as PacketForm, key: (MessageType.Data128 << 26) | (group << 8) | streamId };
    }
    case MessageType.FlexData: {
      // format (2 bits), address and channel (6 bits), status bank, status
      const position = (word0 >>> 22) & 0x3;
      const addressAndChannel = (word0 >>> 16) & 0x3f;
      const statusBankAndStatus = word0 & 0xffff;
      return {
        position: position as PacketForm,
        key: (MessageType.FlexData << 26) | (group << 22) | (addressAndChannel << 16) | statusBankAndStatus,
      };
    }
    case MessageType.UmpStream: {
      const position = (word0 >>> 26) & 0x3;
      const status = (word0 >>> 16) & 0x3ff;
      const blockNumber = status === functionBlockNameStatus ? (word0 >>> 8) & 0xff : 0;
      return {
        position: position as PacketForm,
        key: (MessageType.UmpStream << 26) | (status << 8) | blockNumber,
      };
    }
    default:
      return undefined;
  }
}

/**
 * A Mixed Data Set header starts a chunk of as many payloads as its byte count needs (14 bytes
 * each; the count is in the first word); payloads continue it. Keyed by group and MDS id.
 */
function mixedDataSetContinuation(word0: number, status: number, group: number): PacketContinuation {
  const mdsId = (word0 >>> 16) & 0xf;
  const key = (MessageType.Data128 << 26) | mixedDataSetKeyBit | (group << 4) | mdsId;
  if (status === mixedDataSetPayloadStatus) return { position: PacketForm.Continue, key };
  const byteCount = word0 & 0xffff;
  return {
    position: PacketForm.Start,
    key,
    packetsToFollow: Math.ceil(byteCount / MIXED_DATA_SET_BYTES_PER_PAYLOAD),
  };
}
