// UMP message types (the top nibble of every message's first word) and the size each implies
// (M2-104-UM v1.1, table "Message Type (MT) Allocation"). Reserved types keep their sizes so a
// stream that carries them can still be split into messages.

export enum MessageType {
  Utility = 0x0,
  SystemCommon = 0x1,
  Midi1ChannelVoice = 0x2,
  Data64 = 0x3,
  Midi2ChannelVoice = 0x4,
  Data128 = 0x5,
  Reserved32Bit6 = 0x6,
  Reserved32Bit7 = 0x7,
  Reserved64Bit8 = 0x8,
  Reserved64Bit9 = 0x9,
  Reserved64BitA = 0xa,
  Reserved96BitB = 0xb,
  Reserved96BitC = 0xc,
  FlexData = 0xd,
  Reserved128BitE = 0xe,
  UmpStream = 0xf,
}

/** Words per message, indexed by message type. */
export const UMP_WORD_COUNTS: readonly number[] = Object.freeze([
  1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4,
]);

const messageTypeNames: readonly string[] = [
  'Utility',
  'System Common / Real Time',
  'MIDI 1.0 Channel Voice',
  'Data 64 (SysEx7)',
  'MIDI 2.0 Channel Voice',
  'Data 128 (SysEx8 / Mixed Data Set)',
  'Reserved (32-bit, type 0x6)',
  'Reserved (32-bit, type 0x7)',
  'Reserved (64-bit, type 0x8)',
  'Reserved (64-bit, type 0x9)',
  'Reserved (64-bit, type 0xA)',
  'Reserved (96-bit, type 0xB)',
  'Reserved (96-bit, type 0xC)',
  'Flex Data',
  'Reserved (128-bit, type 0xE)',
  'UMP Stream',
];

/** The message type of a message whose first word is `word0`. */
export function messageTypeOf(word0: number): number {
  return (word0 >>> 28) & 0xf;
}

/** 1–4; only the low nibble of `messageType` counts, so any number gives a size. */
export function wordCountForMessageType(messageType: number): number {
  return UMP_WORD_COUNTS[messageType & 0xf];
}

/** The words of the message whose first word is `word0`. */
export function wordCountOf(word0: number): number {
  return UMP_WORD_COUNTS[(word0 >>> 28) & 0xf];
}

export function messageTypeName(messageType: number): string {
  return messageTypeNames[messageType & 0xf];
}

export function isReservedMessageType(messageType: number): boolean {
  const type = messageType & 0xf;
  return (type >= 0x6 && type <= 0xc) || type === 0xe;
}

/** The group nibble, for the message types that carry one (not Utility, UMP Stream or reserved). */
export function hasGroup(messageType: number): boolean {
  const type = messageType & 0xf;
  return (type >= 0x1 && type <= 0x5) || type === 0xd;
}

/**
 * The four ways a message spreads over packets, shared by SysEx7 and SysEx8 (status), Flex Data
 * and UMP Stream (format).
 */
export enum PacketForm {
  Complete = 0,
  Start = 1,
  Continue = 2,
  End = 3,
}

export const packetFormNames: readonly string[] = ['Complete', 'Start', 'Continue', 'End'];
