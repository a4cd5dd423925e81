// Reads a SysEx body (from the 0x7E, F0/F7 stripped) as a MIDI-CI message. Never throws: a
// message that is short, has a byte above 0x7F, a version this reader does not know or a length
// that runs past its end comes back with problems saying where, and with what could be read.
import { from7BitLe } from './midiCiBytes';
import {
  midiCiMessageNames,
  MidiCiMessageType as T,
  type MidiCiBody,
  type MidiCiHeader,
  type MidiCiProblem,
  type ParsedMidiCi,
  type ProfileId,
} from './midiCiTypes';

const HEADER_BYTES = 13;

/** True when the body is a Universal Non-Real Time SysEx with sub-ID#1 0x0D (MIDI-CI). */
export function isMidiCi(bytes: ArrayLike<number>): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7e && bytes[2] === 0x0d;
}

class ShortMessage extends Error {}

/** Reads fields in order; running past the end stops the reading with one 'short' problem. */
class Reader {
  at = HEADER_BYTES;
  constructor(private readonly bytes: ArrayLike<number>) {}

  need(count: number): void {
    if (this.at + count > this.bytes.length) throw new ShortMessage();
  }
  byte(): number {
    this.need(1);
    return this.bytes[this.at++];
  }
  number(count: number): number {
    this.need(count);
    const value = from7BitLe(this.bytes, this.at, count);
    this.at += count;
    return value;
  }
  run(count: number): number[] {
    this.need(count);
    const run = Array.from({ length: count }, (_, i) => this.bytes[this.at + i]);
    this.at += count;
    return run;
  }
  get remaining(): number {
    return this.bytes.length - this.at;
  }
}

export function parseMidiCi(bytes: ArrayLike<number>): ParsedMidiCi {
  const problems: MidiCiProblem[] = [];
  if (!isMidiCi(bytes)) {
    return {
      problems: [{ code: 'short', message: 'not a MIDI-CI message (expected 7E xx 0D …)', offset: 0 }],
    };
  }
  const type = bytes[3];
  const name = midiCiMessageNames[type] ?? `MIDI-CI message 0x${type.toString(16).padStart(2, '0')}`;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] > 0x7f) {
      problems.push({
        code: 'not7Bit',
        message: `${name}: byte 0x${bytes[i].toString(16)} at offset ${i} is not 7-bit`,
        offset: i,
      });
      break;
    }
  }
  if (bytes.length < HEADER_BYTES) {
    problems.push({
      code: 'short',
      message: `${name}: ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte MIDI-CI header`,
      offset: bytes.length,
    });
    return { problems };
  }
  const header: MidiCiHeader = {
    deviceId: bytes[1],
    messageType: type,
    version: bytes[4],
    sourceMuid: from7BitLe(bytes, 5, 4),
    destinationMuid: from7BitLe(bytes, 9, 4),
  };
  if (header.version < 0x01 || header.version > 0x02) {
    problems.push({
      code: 'version',
      message: `${name}: message version 0x${header.version.toString(16).padStart(2, '0')}; this reader knows 0x01 (v1.1) and 0x02 (v1.2)`,
      offset: 4,
    });
  }
  const reader = new Reader(bytes);
  let body: MidiCiBody;
  try {
    body = readBody(type, header.version, reader, bytes, problems, name);
  } catch (error) {
    if (!(error instanceof ShortMessage)) throw error;
    problems.push({
      code: 'short',
      message: `${name}: ${bytes.length} bytes end inside a field at offset ${reader.at}`,
      offset: bytes.length,
    });
    return {
      message: { ...header, kind: 'unknown', data: Uint8Array.from(Array.from(bytes).slice(HEADER_BYTES)) },
      problems,
    };
  }
  return { message: { ...header, ...body }, problems };
}

function readBody(
  type: T,
  version: number,
  r: Reader,
  bytes: ArrayLike<number>,
  problems: MidiCiProblem[],
  name: string,
): MidiCiBody {
  const profile = (): ProfileId => r.run(5);
  const lengthChecked = (length: number): number => {
    if (length > r.remaining) {
      problems.push({
        code: 'length',
        message: `${name}: declares ${length} bytes of data at offset ${r.at}, only ${r.remaining} are there`,
        offset: r.at,
      });
      return r.remaining;
    }
    return length;
  };
  switch (type) {
    case T.Discovery:
    case T.DiscoveryReply: {
      const identity = {
        manufacturer: r.run(3),
        family: r.number(2),
        model: r.number(2),
        softwareRevision: r.run(4),
        categories: r.byte(),
        maxSysExSize: r.number(4),
      };
      // v1.2 adds the output path id (and, in the reply, the function block).
      const outputPathId = r.remaining > 0 ? r.byte() : undefined;
      if (type === T.Discovery) {
        return { kind: 'discovery', ...identity, ...(outputPathId === undefined ? {} : { outputPathId }) };
      }
      const functionBlock = r.remaining > 0 ? r.byte() : undefined;
      if (version >= 2 && functionBlock === undefined) {
        problems.push({
          code: 'short',
          message: `${name}: v1.2 reply without output path id and function block`,
          offset: bytes.length,
        });
      }
      return {
        kind: 'discoveryReply',
        ...identity,
        ...(outputPathId === undefined ? {} : { outputPathId }),
        ...(functionBlock === undefined ? {} : { functionBlock }),
      };
    }
    case T.EndpointInformation:
      return { kind: 'endpointInformation', status: r.byte() };
    case T.EndpointInformationReply: {
      const status = r.byte();
      const length = lengthChecked(r.number(2));
      return { kind: 'endpointInformationReply', status, data: Uint8Array.from(r.run(length)) };
    }
    case T.Ack:
    case T.Nak: {
      const kind = type === T.Ack ? 'ack' : 'nak';
      // A v1.1 NAK has no payload.
      if (kind === 'nak' && r.remaining === 0) return { kind };
      const originalMessageType = r.byte();
      const statusCode = r.byte();
      const statusData = r.byte();
      const details = r.run(5);
      const length = lengthChecked(r.number(2));
      const text = String.fromCharCode(...r.run(length));
      return { kind, originalMessageType, statusCode, statusData, details, text };
    }
    case T.InvalidateMuid:
      return { kind: 'invalidateMuid', targetMuid: r.number(4) };
    case T.ProfileInquiry:
      return { kind: 'profileInquiry' };
    case T.ProfileInquiryReply: {
      const list = (): ProfileId[] => {
        const count = r.number(2);
        return Array.from({ length: count }, profile);
      };
      const enabled = list();
      return { kind: 'profileInquiryReply', enabled, disabled: list() };
    }
    case T.SetProfileOn:
    case T.SetProfileOff:
    case T.ProfileEnabledReport:
    case T.ProfileDisabledReport: {
      const kinds = {
        [T.SetProfileOn]: 'setProfileOn',
        [T.SetProfileOff]: 'setProfileOff',
        [T.ProfileEnabledReport]: 'profileEnabledReport',
        [T.ProfileDisabledReport]: 'profileDisabledReport',
      } as const;
      const id = profile();
      const channelCount = r.remaining >= 2 ? r.number(2) : undefined;
      return { kind: kinds[type], profile: id, ...(channelCount === undefined ? {} : { channelCount }) };
    }
    case T.ProfileAddedReport:
    case T.ProfileRemovedReport:
      return {
        kind: type === T.ProfileAddedReport ? 'profileAddedReport' : 'profileRemovedReport',
        profile: profile(),
      };
    case T.ProfileDetailsInquiry:
      return { kind: 'profileDetailsInquiry', profile: profile(), target: r.byte() };
    case T.ProfileDetailsReply: {
      const id = profile();
      const target = r.byte();
      const length = lengthChecked(r.number(2));
      return { kind: 'profileDetailsReply', profile: id, target, data: Uint8Array.from(r.run(length)) };
    }
    case T.ProfileSpecificData: {
      const id = profile();
      const length = lengthChecked(r.number(4));
      return { kind: 'profileSpecificData', profile: id, data: Uint8Array.from(r.run(length)) };
    }
    case T.PropertyExchangeCapabilities:
    case T.PropertyExchangeCapabilitiesReply: {
      const kind =
        type === T.PropertyExchangeCapabilities
          ? 'propertyExchangeCapabilities'
          : 'propertyExchangeCapabilitiesReply';
      const simultaneousRequests = r.byte();
      if (r.remaining < 2) return { kind, simultaneousRequests };
      return { kind, simultaneousRequests, majorVersion: r.byte(), minorVersion: r.byte() };
    }
    case T.PropertyGet:
    case T.PropertyGetReply:
    case T.PropertySet:
    case T.PropertySetReply:
    case T.PropertySubscribe:
    case T.PropertySubscribeReply:
    case T.PropertyNotify: {
      const requestId = r.byte();
      const header = Uint8Array.from(r.run(r.number(2)));
      const chunkCount = r.number(2);
      const chunkNumber = r.number(2);
      const data = Uint8Array.from(r.run(lengthChecked(r.number(2))));
      if (chunkNumber === 0 || (chunkCount !== 0 && chunkNumber > chunkCount)) {
        problems.push({
          code: 'chunk',
          message: `${name}: chunk ${chunkNumber} of ${chunkCount} (chunks count from 1)`,
          offset: HEADER_BYTES + 3 + header.length,
        });
      }
      return { kind: 'propertyExchange', requestId, header, chunkCount, chunkNumber, data };
    }
    case T.ProcessInquiryCapabilities:
      return { kind: 'processInquiryCapabilities' };
    case T.ProcessInquiryCapabilitiesReply:
      return { kind: 'processInquiryCapabilitiesReply', features: r.byte() };
    case T.MidiMessageReport: {
      const dataControl = r.byte();
      const systemMessages = r.byte();
      r.byte();
      return {
        kind: 'midiMessageReport',
        dataControl,
        systemMessages,
        channelControllers: r.byte(),
        noteData: r.byte(),
      };
    }
    case T.MidiMessageReportReply: {
      const systemMessages = r.byte();
      r.byte();
      return {
        kind: 'midiMessageReportReply',
        systemMessages,
        channelControllers: r.byte(),
        noteData: r.byte(),
      };
    }
    case T.MidiMessageReportEnd:
      return { kind: 'midiMessageReportEnd' };
    default:
      problems.push({
        code: 'unknownMessage',
        message: `${name}: a sub-ID#2 this reader does not know`,
        offset: 3,
      });
      return { kind: 'unknown', data: Uint8Array.from(r.run(r.remaining)) };
  }
}
