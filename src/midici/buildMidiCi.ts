// Builds MIDI-CI messages as SysEx bodies (from the 0x7E, without F0/F7), ready for
// buildSysEx7Packets. Arguments out of range throw a RangeError naming them.
import {
  MIDI_CI_VERSION_1_2,
  MidiCiMessageType as T,
  type DeviceIdentityBytes,
  type ProfileId,
} from './midiCiTypes';
import { asciiBytes, to7BitLe } from './midiCiBytes';

export interface MidiCiAddress {
  /** Default 0x7F (function block). */
  deviceId?: number;
  sourceMuid: number;
  destinationMuid: number;
  /** Default 0x02 (v1.2). */
  version?: number;
}

function check(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}; got ${String(value)}`);
  }
  return value;
}

function check7(name: string, bytes: readonly number[], count: number): number[] {
  if (bytes.length !== count) throw new RangeError(`${name} must have ${count} bytes; got ${bytes.length}`);
  return bytes.map((b, i) => check(`${name}[${i}]`, b, 0x7f));
}

export function midiCiMessage(type: number, address: MidiCiAddress, payload: readonly number[]): Uint8Array {
  return Uint8Array.from([
    0x7e,
    check('deviceId', address.deviceId ?? 0x7f, 0x7f),
    0x0d,
    type,
    check('version', address.version ?? MIDI_CI_VERSION_1_2, 0x7f),
    ...to7BitLe(check('sourceMuid', address.sourceMuid, 0x0fffffff), 4),
    ...to7BitLe(check('destinationMuid', address.destinationMuid, 0x0fffffff), 4),
    ...payload,
  ]);
}

function identity(id: DeviceIdentityBytes): number[] {
  return [
    ...check7('manufacturer', id.manufacturer, 3),
    ...to7BitLe(check('family', id.family, 0x3fff), 2),
    ...to7BitLe(check('model', id.model, 0x3fff), 2),
    ...check7('softwareRevision', id.softwareRevision, 4),
  ];
}

export interface DiscoveryFields extends DeviceIdentityBytes {
  categories: number;
  maxSysExSize: number;
  outputPathId?: number;
}

export function buildDiscovery(address: MidiCiAddress, fields: DiscoveryFields): Uint8Array {
  return midiCiMessage(T.Discovery, address, [
    ...identity(fields),
    check('categories', fields.categories, 0x7f),
    ...to7BitLe(check('maxSysExSize', fields.maxSysExSize, 0x0fffffff), 4),
    check('outputPathId', fields.outputPathId ?? 0, 0x7f),
  ]);
}

export function buildDiscoveryReply(
  address: MidiCiAddress,
  fields: DiscoveryFields & { functionBlock?: number },
): Uint8Array {
  return midiCiMessage(T.DiscoveryReply, address, [
    ...identity(fields),
    check('categories', fields.categories, 0x7f),
    ...to7BitLe(check('maxSysExSize', fields.maxSysExSize, 0x0fffffff), 4),
    check('outputPathId', fields.outputPathId ?? 0, 0x7f),
    check('functionBlock', fields.functionBlock ?? 0x7f, 0x7f),
  ]);
}

export function buildEndpointInformation(address: MidiCiAddress, status = 0): Uint8Array {
  return midiCiMessage(T.EndpointInformation, address, [check('status', status, 0x7f)]);
}

export function buildEndpointInformationReply(
  address: MidiCiAddress,
  status: number,
  data: readonly number[],
): Uint8Array {
  return midiCiMessage(T.EndpointInformationReply, address, [
    check('status', status, 0x7f),
    ...to7BitLe(check('data length', data.length, 0x3fff), 2),
    ...check7('data', data, data.length),
  ]);
}

export interface AckFields {
  originalMessageType: number;
  statusCode: number;
  statusData?: number;
  details?: number[];
  text?: string;
}

function ackPayload(fields: AckFields): number[] {
  const text = Array.from(asciiBytes(fields.text ?? ''));
  return [
    check('originalMessageType', fields.originalMessageType, 0x7f),
    check('statusCode', fields.statusCode, 0x7f),
    check('statusData', fields.statusData ?? 0, 0x7f),
    ...check7('details', fields.details ?? [0, 0, 0, 0, 0], 5),
    ...to7BitLe(check('text length', text.length, 0x3fff), 2),
    ...text,
  ];
}

export function buildAck(address: MidiCiAddress, fields: AckFields): Uint8Array {
  return midiCiMessage(T.Ack, address, ackPayload(fields));
}

export function buildNak(address: MidiCiAddress, fields: AckFields): Uint8Array {
  return midiCiMessage(T.Nak, address, ackPayload(fields));
}

export function buildInvalidateMuid(address: MidiCiAddress, targetMuid: number): Uint8Array {
  return midiCiMessage(T.InvalidateMuid, address, to7BitLe(check('targetMuid', targetMuid, 0x0fffffff), 4));
}

export function buildProfileInquiry(address: MidiCiAddress): Uint8Array {
  return midiCiMessage(T.ProfileInquiry, address, []);
}

export function buildProfileInquiryReply(
  address: MidiCiAddress,
  enabled: readonly ProfileId[],
  disabled: readonly ProfileId[],
): Uint8Array {
  const list = (name: string, profiles: readonly ProfileId[]) => [
    ...to7BitLe(check(`${name} count`, profiles.length, 0x3fff), 2),
    ...profiles.flatMap((p, i) => check7(`${name}[${i}]`, p, 5)),
  ];
  return midiCiMessage(T.ProfileInquiryReply, address, [
    ...list('enabled', enabled),
    ...list('disabled', disabled),
  ]);
}

/** Set Profile On/Off and the Enabled/Disabled reports: profile id and a 14-bit channel count. */
export function buildProfileState(
  type: T.SetProfileOn | T.SetProfileOff | T.ProfileEnabledReport | T.ProfileDisabledReport,
  address: MidiCiAddress,
  profile: ProfileId,
  channelCount = 0,
): Uint8Array {
  return midiCiMessage(type, address, [
    ...check7('profile', profile, 5),
    ...to7BitLe(check('channelCount', channelCount, 0x3fff), 2),
  ]);
}

export function buildProfileListChange(
  type: T.ProfileAddedReport | T.ProfileRemovedReport,
  address: MidiCiAddress,
  profile: ProfileId,
): Uint8Array {
  return midiCiMessage(type, address, check7('profile', profile, 5));
}

export function buildProfileDetailsInquiry(
  address: MidiCiAddress,
  profile: ProfileId,
  target: number,
): Uint8Array {
  return midiCiMessage(T.ProfileDetailsInquiry, address, [
    ...check7('profile', profile, 5),
    check('target', target, 0x7f),
  ]);
}

export function buildProfileDetailsReply(
  address: MidiCiAddress,
  profile: ProfileId,
  target: number,
  data: readonly number[],
): Uint8Array {
  return midiCiMessage(T.ProfileDetailsReply, address, [
    ...check7('profile', profile, 5),
    check('target', target, 0x7f),
    ...to7BitLe(check('data length', data.length, 0x3fff), 2),
    ...check7('data', data, data.length),
  ]);
}

/** Profile Specific Data: the length is 4 bytes (28 bits). */
export function buildProfileSpecificData(
  address: MidiCiAddress,
  profile: ProfileId,
  data: readonly number[],
): Uint8Array {
  return midiCiMessage(T.ProfileSpecificData, address, [
    ...check7('profile', profile, 5),
    ...to7BitLe(check('data length', data.length, 0x0fffffff), 4),
    ...check7('data', data, data.length),
  ]);
}

export function buildPropertyExchangeCapabilities(
  type: T.PropertyExchangeCapabilities | T.PropertyExchangeCapabilitiesReply,
  address: MidiCiAddress,
  simultaneousRequests: number,
  majorVersion = 0,
  minorVersion = 0,
): Uint8Array {
  return midiCiMessage(type, address, [
    check('simultaneousRequests', simultaneousRequests, 0x7f),
    check('majorVersion', majorVersion, 0x7f),
    check('minorVersion', minorVersion, 0x7f),
  ]);
}

export type PropertyExchangeType =
  | T.PropertyGet
  | T.PropertyGetReply
  | T.PropertySet
  | T.PropertySetReply
  | T.PropertySubscribe
  | T.PropertySubscribeReply
  | T.PropertyNotify;

/** One Property Exchange message: a chunk of a transaction. */
export function buildPropertyExchangeChunk(
  type: PropertyExchangeType,
  address: MidiCiAddress,
  chunk: {
    requestId: number;
    header: ArrayLike<number>;
    chunkCount: number;
    chunkNumber: number;
    data: ArrayLike<number>;
  },
): Uint8Array {
  const header = check7('header', Array.from(chunk.header), chunk.header.length);
  const data = check7('data', Array.from(chunk.data), chunk.data.length);
  return midiCiMessage(type, address, [
    check('requestId', chunk.requestId, 0x7f),
    ...to7BitLe(check('header length', header.length, 0x3fff), 2),
    ...header,
    ...to7BitLe(check('chunkCount', chunk.chunkCount, 0x3fff), 2),
    ...to7BitLe(check('chunkNumber', chunk.chunkNumber, 0x3fff), 2),
    ...to7BitLe(check('data length', data.length, 0x3fff), 2),
    ...data,
  ]);
}

/** Fixed bytes of a PE message besides header and data, F0 and F7 included. */
const PE_OVERHEAD_BYTES = 2 + 13 + 1 + 2 + 6;

/**
 * A whole Property Exchange transaction (header JSON text and body bytes) as messages no larger
 * than `maxSysExSize` (F0/F7 included): the header in the first chunk only, the body split.
 */
export function buildPropertyExchangeMessages(
  type: PropertyExchangeType,
  address: MidiCiAddress,
  requestId: number,
  headerJson: string,
  body: ArrayLike<number> = [],
  maxSysExSize = 0x0fffffff,
): Uint8Array[] {
  const header = asciiBytes(headerJson);
  const firstRoom = maxSysExSize - PE_OVERHEAD_BYTES - header.length;
  const laterRoom = Math.min(maxSysExSize - PE_OVERHEAD_BYTES, 0x3fff);
  if (firstRoom < 1 || laterRoom < 1) {
    throw new RangeError(
      `maxSysExSize ${maxSysExSize} leaves no room for data after a ${header.length}-byte header`,
    );
  }
  const pieces: number[][] = [];
  const bytes = Array.from(body);
  let at = Math.min(firstRoom, 0x3fff);
  pieces.push(bytes.slice(0, at));
  while (at < bytes.length) {
    pieces.push(bytes.slice(at, at + laterRoom));
    at += laterRoom;
  }
  return pieces.map((data, i) =>
    buildPropertyExchangeChunk(type, address, {
      requestId,
      header: i === 0 ? header : [],
      chunkCount: pieces.length,
      chunkNumber: i + 1,
      data,
    }),
  );
}

export function buildProcessInquiryCapabilities(address: MidiCiAddress): Uint8Array {
  return midiCiMessage(T.ProcessInquiryCapabilities, address, []);
}

export function buildProcessInquiryCapabilitiesReply(address: MidiCiAddress, features: number): Uint8Array {
  return midiCiMessage(T.ProcessInquiryCapabilitiesReply, address, [check('features', features, 0x7f)]);
}

export interface MidiMessageReportFields {
  systemMessages: number;
  channelControllers: number;
  noteData: number;
}

export function buildMidiMessageReport(
  address: MidiCiAddress,
  dataControl: number,
  fields: MidiMessageReportFields,
): Uint8Array {
  return midiCiMessage(T.MidiMessageReport, address, [
    check('dataControl', dataControl, 0x7f),
    check('systemMessages', fields.systemMessages, 0x7f),
    0,
    check('channelControllers', fields.channelControllers, 0x7f),
    check('noteData', fields.noteData, 0x7f),
  ]);
}

export function buildMidiMessageReportReply(
  address: MidiCiAddress,
  fields: MidiMessageReportFields,
): Uint8Array {
  return midiCiMessage(T.MidiMessageReportReply, address, [
    check('systemMessages', fields.systemMessages, 0x7f),
    0,
    check('channelControllers', fields.channelControllers, 0x7f),
    check('noteData', fields.noteData, 0x7f),
  ]);
}

export function buildMidiMessageReportEnd(address: MidiCiAddress): Uint8Array {
  return midiCiMessage(T.MidiMessageReportEnd, address, []);
}
