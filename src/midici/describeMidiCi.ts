// One line and a list of named fields for a MIDI-CI message, for monitor rows and detail views.
import { numberLabel, type GroupChannelNumbering } from '../ump';
import { bytesToAscii, formatMuid } from './midiCiBytes';
import { midiCiCategoryBits, midiCiMessageNames, type MidiCiMessage, type ProfileId } from './midiCiTypes';

export interface MidiCiField {
  name: string;
  value: string;
}

export function midiCiName(message: { messageType: number }): string {
  return (
    midiCiMessageNames[message.messageType] ??
    `MIDI-CI 0x${message.messageType.toString(16).padStart(2, '0')}`
  );
}

/** What a Device ID addresses: "channel 4" (0x03 under oneBased), "group", "function block". */
export function deviceIdText(deviceId: number, numbering: GroupChannelNumbering): string {
  if (deviceId <= 0x0f) return `channel ${numberLabel(deviceId, numbering)}`;
  if (deviceId === 0x7e) return 'group';
  if (deviceId === 0x7f) return 'function block';
  return `reserved 0x${deviceId.toString(16)}`;
}

export function categoriesText(categories: number): string {
  const names = midiCiCategoryBits.filter(([bit]) => (categories & bit) !== 0).map(([, name]) => name);
  return names.length === 0 ? 'none' : names.join(', ');
}

const hex2 = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
export const profileText = (profile: ProfileId): string => profile.map(hex2).join(' ');

/** "Reply to Discovery 0x1234567 → 0x0ABCDEF: manufacturer 7D 00 00, PE + profiles, max 512". */
export function summarizeMidiCi(message: MidiCiMessage): string {
  const route = `${formatMuid(message.sourceMuid)} → ${message.destinationMuid === 0x0fffffff ? 'broadcast' : formatMuid(message.destinationMuid)}`;
  const detail = detailText(message);
  return `${route}${detail === '' ? '' : `: ${detail}`}`;
}

function detailText(m: MidiCiMessage): string {
  switch (m.kind) {
    case 'discovery':
    case 'discoveryReply':
      return `manufacturer ${m.manufacturer.map(hex2).join(' ')}, ${categoriesText(m.categories)}, max SysEx ${m.maxSysExSize}`;
    case 'endpointInformation':
      return `status ${m.status}`;
    case 'endpointInformationReply':
      return `status ${m.status}: ${JSON.stringify(bytesToAscii(m.data))}`;
    case 'ack':
    case 'nak':
      return m.statusCode === undefined
        ? ''
        : `to 0x${hex2(m.originalMessageType ?? 0)} status 0x${hex2(m.statusCode)}${m.text ? ` ${JSON.stringify(m.text)}` : ''}`;
    case 'invalidateMuid':
      return `invalidate ${formatMuid(m.targetMuid)}`;
    case 'profileInquiryReply':
      return `${m.enabled.length} enabled, ${m.disabled.length} disabled`;
    case 'setProfileOn':
    case 'setProfileOff':
    case 'profileEnabledReport':
    case 'profileDisabledReport':
      return `profile ${profileText(m.profile)}${m.channelCount ? `, ${m.channelCount} channels` : ''}`;
    case 'profileAddedReport':
    case 'profileRemovedReport':
    case 'profileDetailsInquiry':
    case 'profileDetailsReply':
    case 'profileSpecificData':
      return `profile ${profileText(m.profile)}`;
    case 'propertyExchangeCapabilities':
    case 'propertyExchangeCapabilitiesReply':
      return `${m.simultaneousRequests} simultaneous requests${m.majorVersion === undefined ? '' : `, PE ${m.majorVersion}.${m.minorVersion}`}`;
    case 'propertyExchange': {
      const header = bytesToAscii(m.header);
      return `request ${m.requestId}, chunk ${m.chunkNumber}/${m.chunkCount}${header === '' ? '' : ` ${header}`}`;
    }
    case 'processInquiryCapabilitiesReply':
      return `features 0x${hex2(m.features)}`;
    case 'midiMessageReport':
      return `data control 0x${hex2(m.dataControl)}`;
    default:
      return '';
  }
}

/** Every field, named as the spec names it, value as a person reads it (channels under `numbering`). */
export function midiCiFields(m: MidiCiMessage, numbering: GroupChannelNumbering): MidiCiField[] {
  const fields: MidiCiField[] = [
    { name: 'Message', value: `${midiCiName(m)} (0x${hex2(m.messageType)})` },
    { name: 'Device ID', value: `0x${hex2(m.deviceId)} (${deviceIdText(m.deviceId, numbering)})` },
    { name: 'Message Version', value: `0x${hex2(m.version)}` },
    { name: 'Source MUID', value: formatMuid(m.sourceMuid) },
    {
      name: 'Destination MUID',
      value: m.destinationMuid === 0x0fffffff ? '0xFFFFFFF (broadcast)' : formatMuid(m.destinationMuid),
    },
  ];
  const {
    kind: _kind,
    deviceId: _d,
    messageType: _t,
    version: _v,
    sourceMuid: _s,
    destinationMuid: _m,
    ...rest
  } = m;
  for (const [key, value] of Object.entries(rest)) fields.push({ name: key, value: fieldText(key, value) });
  return fields;
}

function fieldText(key: string, value: unknown): string {
  if (value instanceof Uint8Array) {
    return key === 'header' || key === 'data'
      ? JSON.stringify(bytesToAscii(value))
      : Array.from(value, hex2).join(' ');
  }
  if (key === 'categories' && typeof value === 'number') return `0x${hex2(value)} (${categoriesText(value)})`;
  if (key === 'targetMuid' && typeof value === 'number') return formatMuid(value);
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === 'number')
      ? value.map((v: number) => hex2(v)).join(' ')
      : value.map((v) => (Array.isArray(v) ? profileText(v as number[]) : String(v))).join(', ');
  }
  return String(value);
}
