// The MIDI-CI messages checked against AM_MIDI2.0Lib (scripts/interop/am-midi2-ci/ci_peer.cpp
// builds the same ones with the same arguments): how MIDI Scope builds each, and the fields its
// parser must read from the peer's bytes. Run as a script, it prints "name hex…" per case, which
// the interop script feeds to the peer's decoder.
import {
  BROADCAST_MUID,
  MidiCiMessageType as T,
  buildAck,
  buildDiscovery,
  buildDiscoveryReply,
  buildEndpointInformation,
  buildEndpointInformationReply,
  buildInvalidateMuid,
  buildMidiMessageReport,
  buildMidiMessageReportEnd,
  buildMidiMessageReportReply,
  buildNak,
  buildProcessInquiryCapabilities,
  buildProcessInquiryCapabilitiesReply,
  buildProfileDetailsInquiry,
  buildProfileDetailsReply,
  buildProfileInquiry,
  buildProfileInquiryReply,
  buildProfileListChange,
  buildProfileSpecificData,
  buildProfileState,
  buildPropertyExchangeCapabilities,
  buildPropertyExchangeChunk,
  type MidiCiAddress,
} from '../../../../src/midici';

export const source = 0x0123456;
export const destination = 0x0654321;
const identity = {
  manufacturer: [0x7d, 0, 0],
  family: 0x85, // bytes 05 01, LSB first
  model: 9,
  softwareRevision: [1, 2, 3, 4],
};
const profile = [0x7e, 0x21, 0x00, 0x01, 0x02];
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const deviceInfoHeader = ascii('{"resource":"DeviceInfo"}');
const status200 = ascii('{"status":200}');
const body = ascii('{"manufacturer":"Acme"}');

const out: MidiCiAddress = { sourceMuid: source, destinationMuid: destination };
const back: MidiCiAddress = { sourceMuid: destination, destinationMuid: source };
const toChannel = (address: MidiCiAddress): MidiCiAddress => ({ ...address, deviceId: 0 });

export interface AmMidi2Case {
  name: string;
  build(): Uint8Array;
  /** Fields the parsed message must have (a subset of MidiCiMessage). */
  fields: Record<string, unknown>;
}

export const amMidi2Cases: AmMidi2Case[] = [
  {
    name: 'discovery',
    build: () =>
      buildDiscovery(
        { sourceMuid: source, destinationMuid: BROADCAST_MUID },
        { ...identity, categories: 0x1c, maxSysExSize: 512, outputPathId: 0 },
      ),
    fields: { kind: 'discovery', ...identity, categories: 0x1c, maxSysExSize: 512, outputPathId: 0 },
  },
  {
    name: 'discoveryReply',
    build: () =>
      buildDiscoveryReply(back, {
        ...identity,
        categories: 0x0c,
        maxSysExSize: 4096,
        outputPathId: 0,
        functionBlock: 3,
      }),
    fields: { kind: 'discoveryReply', categories: 0x0c, maxSysExSize: 4096, functionBlock: 3 },
  },
  {
    name: 'endpointInformation',
    build: () => buildEndpointInformation(out, 0),
    fields: { kind: 'endpointInformation', status: 0 },
  },
  {
    name: 'endpointInformationReply',
    build: () => buildEndpointInformationReply(back, 0, [0x41, 0x42, 0x43]),
    fields: { kind: 'endpointInformationReply', status: 0, data: Uint8Array.of(0x41, 0x42, 0x43) },
  },
  {
    name: 'ack',
    build: () =>
      buildAck(back, {
        originalMessageType: 0x34,
        statusCode: 0x10,
        statusData: 2,
        details: [1, 2, 3, 4, 5],
        text: 'busy',
      }),
    fields: {
      kind: 'ack',
      originalMessageType: 0x34,
      statusCode: 0x10,
      statusData: 2,
      details: [1, 2, 3, 4, 5],
      text: 'busy',
    },
  },
  {
    name: 'nak',
    build: () =>
      buildNak(back, { originalMessageType: 0x34, statusCode: 0x20, details: [1, 2, 3, 4, 5], text: 'busy' }),
    fields: { kind: 'nak', originalMessageType: 0x34, statusCode: 0x20, statusData: 0, text: 'busy' },
  },
  {
    name: 'invalidateMuid',
    build: () => buildInvalidateMuid({ sourceMuid: source, destinationMuid: BROADCAST_MUID }, destination),
    fields: { kind: 'invalidateMuid', targetMuid: destination },
  },
  { name: 'profileInquiry', build: () => buildProfileInquiry(out), fields: { kind: 'profileInquiry' } },
  {
    name: 'profileInquiryReply',
    build: () =>
      buildProfileInquiryReply(
        back,
        [profile],
        [
          [0x7e, 0x22, 0, 1, 2],
          [0x7e, 0x23, 0, 1, 2],
        ],
      ),
    fields: {
      kind: 'profileInquiryReply',
      enabled: [profile],
      disabled: [
        [0x7e, 0x22, 0, 1, 2],
        [0x7e, 0x23, 0, 1, 2],
      ],
    },
  },
  {
    name: 'profileAddedReport',
    build: () => buildProfileListChange(T.ProfileAddedReport, back, profile),
    fields: { kind: 'profileAddedReport', profile },
  },
  {
    name: 'profileRemovedReport',
    build: () => buildProfileListChange(T.ProfileRemovedReport, back, profile),
    fields: { kind: 'profileRemovedReport', profile },
  },
  {
    name: 'setProfileOn',
    build: () => buildProfileState(T.SetProfileOn, toChannel(out), profile, 1),
    fields: { kind: 'setProfileOn', deviceId: 0, profile, channelCount: 1 },
  },
  {
    name: 'setProfileOff',
    build: () => buildProfileState(T.SetProfileOff, toChannel(out), profile, 0),
    fields: { kind: 'setProfileOff', deviceId: 0, profile },
  },
  {
    name: 'profileEnabledReport',
    build: () => buildProfileState(T.ProfileEnabledReport, toChannel(back), profile, 1),
    fields: { kind: 'profileEnabledReport', profile, channelCount: 1 },
  },
  {
    name: 'profileDisabledReport',
    build: () => buildProfileState(T.ProfileDisabledReport, toChannel(back), profile, 1),
    fields: { kind: 'profileDisabledReport', profile, channelCount: 1 },
  },
  {
    name: 'profileDetailsInquiry',
    build: () => buildProfileDetailsInquiry(out, profile, 1),
    fields: { kind: 'profileDetailsInquiry', profile, target: 1 },
  },
  {
    name: 'profileDetailsReply',
    build: () => buildProfileDetailsReply(back, profile, 1, [0x10, 0x20, 0x30]),
    fields: { kind: 'profileDetailsReply', profile, target: 1, data: Uint8Array.of(0x10, 0x20, 0x30) },
  },
  {
    name: 'profileSpecificData',
    build: () => buildProfileSpecificData(toChannel(out), profile, [0x10, 0x20, 0x30]),
    fields: { kind: 'profileSpecificData', profile, data: Uint8Array.of(0x10, 0x20, 0x30) },
  },
  {
    name: 'propertyExchangeCapabilities',
    build: () => buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilities, out, 4),
    fields: {
      kind: 'propertyExchangeCapabilities',
      simultaneousRequests: 4,
      majorVersion: 0,
      minorVersion: 0,
    },
  },
  {
    name: 'propertyExchangeCapabilitiesReply',
    build: () => buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilitiesReply, back, 2),
    fields: { kind: 'propertyExchangeCapabilitiesReply', simultaneousRequests: 2 },
  },
  ...(
    [
      ['propertyGet', T.PropertyGet, out, 5, deviceInfoHeader, 1, []],
      ['propertyGetReply', T.PropertyGetReply, back, 5, status200, 1, body],
      ['propertySet', T.PropertySet, out, 6, deviceInfoHeader, 2, body],
      ['propertySetReply', T.PropertySetReply, back, 6, status200, 1, []],
      ['propertySubscribe', T.PropertySubscribe, out, 7, deviceInfoHeader, 1, []],
      ['propertySubscribeReply', T.PropertySubscribeReply, back, 7, status200, 1, []],
      ['propertyNotify', T.PropertyNotify, back, 8, deviceInfoHeader, 1, []],
    ] as const
  ).map(([name, type, address, requestId, header, chunkCount, data]) => ({
    name,
    build: () =>
      buildPropertyExchangeChunk(type, address, { requestId, header, chunkCount, chunkNumber: 1, data }),
    fields: {
      kind: 'propertyExchange',
      messageType: type,
      requestId,
      header: Uint8Array.from(header),
      chunkCount,
      chunkNumber: 1,
      data: Uint8Array.from(data),
    },
  })),
  {
    name: 'processInquiryCapabilities',
    build: () => buildProcessInquiryCapabilities(out),
    fields: { kind: 'processInquiryCapabilities' },
  },
  {
    name: 'processInquiryCapabilitiesReply',
    build: () => buildProcessInquiryCapabilitiesReply(back, 1),
    fields: { kind: 'processInquiryCapabilitiesReply', features: 1 },
  },
  {
    name: 'midiMessageReport',
    build: () => buildMidiMessageReport(out, 1, { systemMessages: 7, channelControllers: 0x3f, noteData: 3 }),
    fields: {
      kind: 'midiMessageReport',
      dataControl: 1,
      systemMessages: 7,
      channelControllers: 0x3f,
      noteData: 3,
    },
  },
  {
    name: 'midiMessageReportReply',
    build: () =>
      buildMidiMessageReportReply(back, { systemMessages: 7, channelControllers: 0x3f, noteData: 3 }),
    fields: { kind: 'midiMessageReportReply', systemMessages: 7, channelControllers: 0x3f, noteData: 3 },
  },
  {
    name: 'midiMessageReportEnd',
    build: () => buildMidiMessageReportEnd(back),
    fields: { kind: 'midiMessageReportEnd' },
  },
];

export function hexOf(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

// As a script: one line per case for the peer's decoder.
if (require.main === module) {
  for (const c of amMidi2Cases) process.stdout.write(`${c.name} ${hexOf(c.build())}\n`);
}
