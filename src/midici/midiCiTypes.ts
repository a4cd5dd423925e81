// MIDI-CI (M2-101-UM v1.2) messages as plain values. A MIDI-CI message is a Universal SysEx
// (0x7E) with sub-ID#1 0x0D; after the sub-ID#2 (which message) come the message version/format,
// the source MUID and the destination MUID (28 bits each, 7-bit bytes LSB first).

export enum MidiCiMessageType {
  ProfileInquiry = 0x20,
  ProfileInquiryReply = 0x21,
  SetProfileOn = 0x22,
  SetProfileOff = 0x23,
  ProfileEnabledReport = 0x24,
  ProfileDisabledReport = 0x25,
  ProfileAddedReport = 0x26,
  ProfileRemovedReport = 0x27,
  ProfileDetailsInquiry = 0x28,
  ProfileDetailsReply = 0x29,
  ProfileSpecificData = 0x2f,
  PropertyExchangeCapabilities = 0x30,
  PropertyExchangeCapabilitiesReply = 0x31,
  PropertyGet = 0x34,
  PropertyGetReply = 0x35,
  PropertySet = 0x36,
  PropertySetReply = 0x37,
  PropertySubscribe = 0x38,
  PropertySubscribeReply = 0x39,
  PropertyNotify = 0x3f,
  ProcessInquiryCapabilities = 0x40,
  ProcessInquiryCapabilitiesReply = 0x41,
  MidiMessageReport = 0x42,
  MidiMessageReportReply = 0x43,
  MidiMessageReportEnd = 0x44,
  Discovery = 0x70,
  DiscoveryReply = 0x71,
  EndpointInformation = 0x72,
  EndpointInformationReply = 0x73,
  Ack = 0x7d,
  InvalidateMuid = 0x7e,
  Nak = 0x7f,
}

export const midiCiMessageNames: Readonly<Record<number, string>> = {
  0x20: 'Profile Inquiry',
  0x21: 'Reply to Profile Inquiry',
  0x22: 'Set Profile On',
  0x23: 'Set Profile Off',
  0x24: 'Profile Enabled Report',
  0x25: 'Profile Disabled Report',
  0x26: 'Profile Added Report',
  0x27: 'Profile Removed Report',
  0x28: 'Profile Details Inquiry',
  0x29: 'Reply to Profile Details Inquiry',
  0x2f: 'Profile Specific Data',
  0x30: 'Inquiry: Property Exchange Capabilities',
  0x31: 'Reply to Property Exchange Capabilities',
  0x34: 'Inquiry: Get Property Data',
  0x35: 'Reply to Get Property Data',
  0x36: 'Inquiry: Set Property Data',
  0x37: 'Reply to Set Property Data',
  0x38: 'Subscription',
  0x39: 'Reply to Subscription',
  0x3f: 'Notify',
  0x40: 'Inquiry: Process Inquiry Capabilities',
  0x41: 'Reply to Process Inquiry Capabilities',
  0x42: 'Inquiry: MIDI Message Report',
  0x43: 'Reply to MIDI Message Report',
  0x44: 'End of MIDI Message Report',
  0x70: 'Discovery',
  0x71: 'Reply to Discovery',
  0x72: 'Inquiry: Endpoint Information',
  0x73: 'Reply to Endpoint Information',
  0x7d: 'MIDI-CI ACK',
  0x7e: 'Invalidate MUID',
  0x7f: 'MIDI-CI NAK',
};

/** The MUID every responder listens to. */
export const BROADCAST_MUID = 0x0fffffff;
/** MIDI-CI message version/format of v1.2. */
export const MIDI_CI_VERSION_1_2 = 0x02;
/** Device ID byte: 0x00–0x0F a channel, 0x7E the whole group, 0x7F the function block. */
export const DEVICE_ID_GROUP = 0x7e;
export const DEVICE_ID_FUNCTION_BLOCK = 0x7f;

/** Capability Inquiry Category Supported bits (v1.2: bit 1 is reserved, was protocol negotiation). */
export const midiCiCategoryBits: readonly (readonly [number, string])[] = [
  [0x04, 'Profile Configuration'],
  [0x08, 'Property Exchange'],
  [0x10, 'Process Inquiry'],
];

export interface MidiCiHeader {
  /** 0x00–0x0F channel, 0x7E group, 0x7F function block. */
  deviceId: number;
  messageType: number;
  version: number;
  sourceMuid: number;
  destinationMuid: number;
}

export interface DeviceIdentityBytes {
  /** Three 7-bit bytes; a one-byte id is [id, 0, 0]. */
  manufacturer: number[];
  family: number;
  model: number;
  softwareRevision: number[];
}

/** Five bytes: 0x7E bank number … for a standard profile, a manufacturer id for others. */
export type ProfileId = number[];

export interface PropertyExchangeChunk {
  requestId: number;
  /** The header bytes (JSON in ASCII); only the first chunk has them. */
  header: Uint8Array;
  /** 0 means the sender does not know yet. */
  chunkCount: number;
  chunkNumber: number;
  data: Uint8Array;
}

export type MidiCiBody =
  | ({ kind: 'discovery' } & DeviceIdentityBytes & {
        categories: number;
        maxSysExSize: number;
        outputPathId?: number;
      })
  | ({ kind: 'discoveryReply' } & DeviceIdentityBytes & {
        categories: number;
        maxSysExSize: number;
        outputPathId?: number;
        functionBlock?: number;
      })
  | { kind: 'endpointInformation'; status: number }
  | { kind: 'endpointInformationReply'; status: number; data: Uint8Array }
  | {
      kind: 'ack' | 'nak';
      originalMessageType?: number;
      statusCode?: number;
      statusData?: number;
      details?: number[];
      text?: string;
    }
  | { kind: 'invalidateMuid'; targetMuid: number }
  | { kind: 'profileInquiry' }
  | { kind: 'profileInquiryReply'; enabled: ProfileId[]; disabled: ProfileId[] }
  | {
      kind: 'setProfileOn' | 'setProfileOff' | 'profileEnabledReport' | 'profileDisabledReport';
      profile: ProfileId;
      channelCount?: number;
    }
  | { kind: 'profileAddedReport' | 'profileRemovedReport'; profile: ProfileId }
  | { kind: 'profileDetailsInquiry'; profile: ProfileId; target: number }
  | { kind: 'profileDetailsReply'; profile: ProfileId; target: number; data: Uint8Array }
  | { kind: 'profileSpecificData'; profile: ProfileId; data: Uint8Array }
  | {
      kind: 'propertyExchangeCapabilities' | 'propertyExchangeCapabilitiesReply';
      simultaneousRequests: number;
      majorVersion?: number;
      minorVersion?: number;
    }
  | ({ kind: 'propertyExchange' } & PropertyExchangeChunk)
  | { kind: 'processInquiryCapabilities' }
  | { kind: 'processInquiryCapabilitiesReply'; features: number }
  | {
      kind: 'midiMessageReport';
      dataControl: number;
      systemMessages: number;
      channelControllers: number;
      noteData: number;
    }
  | { kind: 'midiMessageReportReply'; systemMessages: number; channelControllers: number; noteData: number }
  | { kind: 'midiMessageReportEnd' }
  | { kind: 'unknown'; data: Uint8Array };

export type MidiCiMessage = MidiCiHeader & MidiCiBody;

export type MidiCiProblemCode =
  'short' | 'version' | 'not7Bit' | 'length' | 'chunk' | 'json' | 'tooLarge' | 'unknownMessage';

export interface MidiCiProblem {
  code: MidiCiProblemCode;
  /** Says what is wrong and where: "Reply to Discovery: 14 bytes, needs 29 (byte offset 14)". */
  message: string;
  /** Offset in the SysEx body (0 = the 0x7E) where it went wrong, when one place does. */
  offset?: number;
}

export interface ParsedMidiCi {
  /** Absent when too little of the message is there to say even which message it is. */
  message?: MidiCiMessage;
  problems: MidiCiProblem[];
}
