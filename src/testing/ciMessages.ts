// MIDI-CI messages as SysEx7 bodies (without F0/F7, as the SysEx reassembler hands them out):
// 7E <device id> 0D <sub-id#2> <version> <source MUID> <destination MUID> <data…>, MUIDs as four
// 7-bit bytes, least significant first. Property Exchange requests carry a request id as their
// first data byte; a reply is matched to its request by both MUIDs and that id.

export const broadcastMuid = 0x0fffffff;
export const ciVersion = 0x02;

const kinds: Record<string, number> = {
  'profile-inquiry': 0x20,
  'profile-inquiry-reply': 0x21,
  'pe-capabilities': 0x30,
  'pe-capabilities-reply': 0x31,
  'get-property': 0x34,
  'get-property-reply': 0x35,
  'set-property': 0x36,
  'set-property-reply': 0x37,
  subscription: 0x38,
  'subscription-reply': 0x39,
  notify: 0x3f,
  'process-inquiry': 0x40,
  'process-inquiry-reply': 0x41,
  discovery: 0x70,
  'discovery-reply': 0x71,
  'endpoint-info': 0x72,
  'endpoint-info-reply': 0x73,
  ack: 0x7d,
  'invalidate-muid': 0x7e,
  nak: 0x7f,
};

/** Requests whose reply is their sub-id#2 plus one. */
const requestsWithReplies = new Set([0x20, 0x30, 0x34, 0x36, 0x38, 0x40, 0x70, 0x72]);

export function ciKind(name: string): number | undefined {
  return kinds[name];
}

export function ciKindNames(): string[] {
  return Object.keys(kinds);
}

export function ciKindName(subId2: number): string {
  return Object.keys(kinds).find((name) => kinds[name] === subId2) ?? `0x${subId2.toString(16)}`;
}

export function ciReplyKind(subId2: number): number | undefined {
  return requestsWithReplies.has(subId2) ? subId2 + 1 : undefined;
}

/** Property Exchange messages after the capabilities inquiry carry a request id. */
export function ciHasRequestId(subId2: number): boolean {
  return subId2 >= 0x34 && subId2 <= 0x3f;
}

export interface CiMessage {
  deviceId: number;
  subId2: number;
  version: number;
  source: number;
  destination: number;
  /** Property Exchange only. */
  requestId?: number;
  /** After the MUIDs (the request id included). */
  data: Uint8Array;
}

function muidBytes(muid: number): number[] {
  return [muid & 0x7f, (muid >>> 7) & 0x7f, (muid >>> 14) & 0x7f, (muid >>> 21) & 0x7f];
}

function readMuid(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 7) | (bytes[at + 2] << 14) | (bytes[at + 3] << 21);
}

export function buildCiBody(message: Omit<CiMessage, 'requestId'>): Uint8Array {
  return Uint8Array.from([
    0x7e,
    message.deviceId,
    0x0d,
    message.subId2,
    message.version,
    ...muidBytes(message.source),
    ...muidBytes(message.destination),
    ...message.data,
  ]);
}

/** The MIDI-CI message in a SysEx body, or undefined when it is not one. */
export function parseCiBody(bytes: Uint8Array): CiMessage | undefined {
  if (bytes.length < 13 || bytes[0] !== 0x7e || bytes[2] !== 0x0d) return undefined;
  const subId2 = bytes[3];
  const data = bytes.subarray(13);
  return {
    deviceId: bytes[1],
    subId2,
    version: bytes[4],
    source: readMuid(bytes, 5),
    destination: readMuid(bytes, 9),
    requestId: ciHasRequestId(subId2) && data.length > 0 ? data[0] : undefined,
    data,
  };
}
