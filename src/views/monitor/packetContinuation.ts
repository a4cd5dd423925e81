// Which packets belong together in one logical message: SysEx7 (type 0x3), SysEx8 (0x5),
// multi-packet Flex Data text (0xD) and multi-packet UMP Stream names (0xF). Each such packet
// says whether it is complete, starts, continues or ends a message, and packets continue each
// other only when they share a key (group, stream id, status, …), per the UMP 1.1 layouts.
import { MessageType, type PacketForm } from '../../ump';

export interface PacketContinuation {
  position: PacketForm;
  /** Packets with equal keys (on one endpoint) form one message; below 2^30. */
  key: number;
}

/** UMP Stream status of Function Block Name Notification: its key includes the block number. */
const functionBlockNameStatus = 0x12;

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
      // 0-3 are SysEx8; Mixed Data Set (8, 9) and reserved statuses stand alone.
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
