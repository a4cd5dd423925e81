// Every MIDI-CI message built and parsed. The expected bytes are written out by hand from the
// field tables of M2-101-UM v1.2 (header: 7E, device id, 0D, sub-ID#2, version, source and
// destination MUID as 7-bit bytes LSB first), not produced by the builders under test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
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
  midiCiFields,
  parseMidiCi,
  summarizeMidiCi,
  type PropertyExchangeType,
} from '../../../src/midici';

const hex = (text: string) => Uint8Array.from(text.trim().split(/\s+/), (b) => parseInt(b, 16));
/** Source MUID 0x1234567 (67 0A 0D 09) to broadcast (7F 7F 7F 7F), to the function block, v1.2. */
const address = { deviceId: 0x7f, sourceMuid: 0x1234567, destinationMuid: 0x0fffffff };
const header = (type: string) => `7E 7F 0D ${type} 02 67 0A 0D 09 7F 7F 7F 7F`;

function roundTrip(built: Uint8Array, expected: string, fields: Record<string, unknown>): void {
  assert.deepEqual(Array.from(built), Array.from(hex(expected)));
  const parsed = parseMidiCi(built);
  assert.deepEqual(parsed.problems, []);
  assert.ok(parsed.message);
  assert.equal(parsed.message.sourceMuid, 0x1234567);
  assert.equal(parsed.message.destinationMuid, 0x0fffffff);
  for (const [key, value] of Object.entries(fields)) {
    const actual: unknown = (parsed.message as unknown as Record<string, unknown>)[key];
    assert.deepEqual(actual instanceof Uint8Array ? Array.from(actual) : actual, value, key);
  }
  assert.ok(summarizeMidiCi(parsed.message).startsWith('0x1234567 → broadcast'));
  assert.ok(midiCiFields(parsed.message, 'oneBased').length >= 5);
}

const identity = {
  manufacturer: [0x7d, 0, 0],
  family: 0x0123,
  model: 0x0456,
  softwareRevision: [1, 2, 3, 4],
};

void describe('MIDI-CI management messages', () => {
  void it('Discovery (v1.2, with output path id)', () => {
    roundTrip(
      buildDiscovery(address, { ...identity, categories: 0x0c, maxSysExSize: 512, outputPathId: 3 }),
      `${header('70')} 7D 00 00 23 02 56 08 01 02 03 04 0C 00 04 00 00 03`,
      {
        kind: 'discovery',
        family: 0x0123,
        model: 0x0456,
        categories: 0x0c,
        maxSysExSize: 512,
        outputPathId: 3,
      },
    );
  });

  void it('Reply to Discovery (v1.2, with output path id and function block)', () => {
    roundTrip(
      buildDiscoveryReply(address, {
        ...identity,
        categories: 0x08,
        maxSysExSize: 4096,
        outputPathId: 0,
        functionBlock: 2,
      }),
      `${header('71')} 7D 00 00 23 02 56 08 01 02 03 04 08 00 20 00 00 00 02`,
      {
        kind: 'discoveryReply',
        manufacturer: [0x7d, 0, 0],
        softwareRevision: [1, 2, 3, 4],
        maxSysExSize: 4096,
        functionBlock: 2,
      },
    );
  });

  void it('a v1.1 Reply to Discovery without the v1.2 fields still parses', () => {
    const v11 = hex(`7E 7F 0D 71 01 67 0A 0D 09 7F 7F 7F 7F 7D 00 00 23 02 56 08 01 02 03 04 08 00 04 00 00`);
    const parsed = parseMidiCi(v11);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.message?.kind, 'discoveryReply');
    assert.equal(parsed.message && 'functionBlock' in parsed.message, false);
  });

  void it('Endpoint Information inquiry and reply', () => {
    roundTrip(buildEndpointInformation(address, 0), `${header('72')} 00`, {
      kind: 'endpointInformation',
      status: 0,
    });
    roundTrip(buildEndpointInformationReply(address, 0, [0x41, 0x42]), `${header('73')} 00 02 00 41 42`, {
      kind: 'endpointInformationReply',
      data: [0x41, 0x42],
    });
  });

  void it('ACK and NAK with status, details and text', () => {
    const fields = {
      originalMessageType: 0x34,
      statusCode: 0x20,
      statusData: 1,
      details: [1, 2, 3, 4, 5],
      text: 'Hi',
    };
    roundTrip(buildAck(address, fields), `${header('7D')} 34 20 01 01 02 03 04 05 02 00 48 69`, {
      kind: 'ack',
      ...fields,
    });
    roundTrip(buildNak(address, fields), `${header('7F')} 34 20 01 01 02 03 04 05 02 00 48 69`, {
      kind: 'nak',
      ...fields,
    });
  });

  void it('a v1.1 NAK has no payload', () => {
    const parsed = parseMidiCi(hex('7E 7F 0D 7F 01 67 0A 0D 09 7F 7F 7F 7F'));
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.message?.kind, 'nak');
  });

  void it('Invalidate MUID', () => {
    roundTrip(buildInvalidateMuid(address, 0x1234567), `${header('7E')} 67 0A 0D 09`, {
      kind: 'invalidateMuid',
      targetMuid: 0x1234567,
    });
  });
});

void describe('MIDI-CI profile configuration', () => {
  const profile = [0x7e, 0x01, 0x02, 0x03, 0x04];
  void it('Profile Inquiry and its reply', () => {
    roundTrip(buildProfileInquiry(address), header('20'), { kind: 'profileInquiry' });
    roundTrip(
      buildProfileInquiryReply(address, [profile], []),
      `${header('21')} 01 00 7E 01 02 03 04 00 00`,
      {
        kind: 'profileInquiryReply',
        enabled: [profile],
        disabled: [],
      },
    );
  });

  void it('Set Profile On/Off and the Enabled/Disabled reports carry a channel count', () => {
    roundTrip(
      buildProfileState(T.SetProfileOn, address, profile, 1),
      `${header('22')} 7E 01 02 03 04 01 00`,
      { kind: 'setProfileOn', channelCount: 1 },
    );
    roundTrip(buildProfileState(T.SetProfileOff, address, profile), `${header('23')} 7E 01 02 03 04 00 00`, {
      kind: 'setProfileOff',
    });
    roundTrip(
      buildProfileState(T.ProfileEnabledReport, address, profile, 16),
      `${header('24')} 7E 01 02 03 04 10 00`,
      { kind: 'profileEnabledReport', channelCount: 16 },
    );
    roundTrip(
      buildProfileState(T.ProfileDisabledReport, address, profile, 0),
      `${header('25')} 7E 01 02 03 04 00 00`,
      { kind: 'profileDisabledReport' },
    );
  });

  void it('Profile Added/Removed, Details and Specific Data', () => {
    roundTrip(
      buildProfileListChange(T.ProfileAddedReport, address, profile),
      `${header('26')} 7E 01 02 03 04`,
      { kind: 'profileAddedReport', profile },
    );
    roundTrip(
      buildProfileListChange(T.ProfileRemovedReport, address, profile),
      `${header('27')} 7E 01 02 03 04`,
      { kind: 'profileRemovedReport' },
    );
    roundTrip(buildProfileDetailsInquiry(address, profile, 0), `${header('28')} 7E 01 02 03 04 00`, {
      kind: 'profileDetailsInquiry',
      target: 0,
    });
    roundTrip(
      buildProfileDetailsReply(address, profile, 0, [9]),
      `${header('29')} 7E 01 02 03 04 00 01 00 09`,
      { kind: 'profileDetailsReply', data: [9] },
    );
    roundTrip(
      buildProfileSpecificData(address, profile, [5, 6]),
      `${header('2F')} 7E 01 02 03 04 02 00 00 00 05 06`,
      { kind: 'profileSpecificData', data: [5, 6] },
    );
  });
});

void describe('MIDI-CI property exchange', () => {
  void it('capabilities inquiry and reply with the PE version', () => {
    roundTrip(
      buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilities, address, 4, 0, 0),
      `${header('30')} 04 00 00`,
      {
        kind: 'propertyExchangeCapabilities',
        simultaneousRequests: 4,
      },
    );
    roundTrip(
      buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilitiesReply, address, 1, 0, 0),
      `${header('31')} 01 00 00`,
      {
        kind: 'propertyExchangeCapabilitiesReply',
        majorVersion: 0,
      },
    );
  });

  void it('Get with the header {"resource":"DeviceInfo"} (the spec\'s example resource)', () => {
    const json = '{"resource":"DeviceInfo"}';
    const jsonHex = Array.from(json, (c) => c.charCodeAt(0).toString(16)).join(' ');
    roundTrip(
      buildPropertyExchangeChunk(T.PropertyGet, address, {
        requestId: 1,
        header: Array.from(json, (c) => c.charCodeAt(0)),
        chunkCount: 1,
        chunkNumber: 1,
        data: [],
      }),
      `${header('34')} 01 19 00 ${jsonHex} 01 00 01 00 00 00`,
      { kind: 'propertyExchange', requestId: 1, chunkCount: 1, chunkNumber: 1 },
    );
  });

  void it('every PE message type parses as a chunk', () => {
    const types: PropertyExchangeType[] = [
      T.PropertyGetReply,
      T.PropertySet,
      T.PropertySetReply,
      T.PropertySubscribe,
      T.PropertySubscribeReply,
      T.PropertyNotify,
    ];
    for (const type of types) {
      const built = buildPropertyExchangeChunk(type, address, {
        requestId: 7,
        header: [0x7b, 0x7d],
        chunkCount: 2,
        chunkNumber: 2,
        data: [0x31],
      });
      const parsed = parseMidiCi(built);
      assert.deepEqual(parsed.problems, []);
      assert.equal(parsed.message?.messageType, type);
      assert.equal(parsed.message?.kind, 'propertyExchange');
    }
  });
});

void describe('MIDI-CI process inquiry', () => {
  void it('capabilities, MIDI Message Report, its reply and its end', () => {
    roundTrip(buildProcessInquiryCapabilities(address), header('40'), { kind: 'processInquiryCapabilities' });
    roundTrip(buildProcessInquiryCapabilitiesReply(address, 1), `${header('41')} 01`, {
      kind: 'processInquiryCapabilitiesReply',
      features: 1,
    });
    const report = { systemMessages: 0x07, channelControllers: 0x3f, noteData: 0x1f };
    roundTrip(buildMidiMessageReport(address, 0x7f, report), `${header('42')} 7F 07 00 3F 1F`, {
      kind: 'midiMessageReport',
      dataControl: 0x7f,
      ...report,
    });
    roundTrip(buildMidiMessageReportReply(address, report), `${header('43')} 07 00 3F 1F`, {
      kind: 'midiMessageReportReply',
      ...report,
    });
    roundTrip(buildMidiMessageReportEnd(address), header('44'), { kind: 'midiMessageReportEnd' });
  });
});
