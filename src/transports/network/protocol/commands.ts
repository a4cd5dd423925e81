// Typed command packets, decoded from a RawCommand with every field checked. A command that does
// not fit its code's layout comes back as 'malformed' with a reason; what the spec does not ask
// for but some implementations send comes back decoded, with a note in `tolerated`.
import { CommandCode, LEGACY_NAK_CODE } from './commandCodes';
import type { RawCommand } from './datagramReader';
import { decodePadded } from './paddedStrings';
import { countWholeMessages } from './umpWords';

export const NONCE_BYTES = 16;
export const DIGEST_BYTES = 32;

export interface EndpointIdentity {
  readonly endpointName: string;
  readonly productInstanceId: string;
}

export type Command =
  | ({ kind: 'invitation'; capabilities: number } & EndpointIdentity)
  | { kind: 'invitationWithAuthentication'; digest: Uint8Array }
  | { kind: 'invitationWithUserAuthentication'; digest: Uint8Array; userName: string }
  | ({ kind: 'accepted' } & EndpointIdentity)
  | ({ kind: 'pending' } & EndpointIdentity)
  | ({ kind: 'authenticationRequired'; user: boolean; state: number; nonce: Uint8Array } & EndpointIdentity)
  | { kind: 'ping'; id: number }
  | { kind: 'pingReply'; id: number }
  | { kind: 'retransmitRequest'; sequence: number; count: number }
  | { kind: 'retransmitError'; reason: number; sequence: number }
  | { kind: 'sessionReset' }
  | { kind: 'sessionResetReply' }
  | { kind: 'nak'; reason: number; originalHeader: number; text: string }
  | { kind: 'bye'; reason: number; text: string }
  | { kind: 'byeReply' }
  | { kind: 'umpData'; sequence: number; byteOffset: number; wordCount: number; messageCount: number };

export type DecodedCommand =
  { ok: true; command: Command; tolerated: string[] } | { ok: false; unknown: boolean; reason: string };

function malformed(raw: RawCommand, reason: string): DecodedCommand {
  return {
    ok: false,
    unknown: false,
    reason: `${reason} (header 0x${(raw.header >>> 0).toString(16).padStart(8, '0')})`,
  };
}

/** Names in invitations and their replies: data1 words of endpoint name, the rest product instance id. */
function identityAt(
  bytes: Uint8Array,
  raw: RawCommand,
  start: number,
  tolerated: string[],
): EndpointIdentity | string {
  const end = raw.payloadOffset + raw.length * 4;
  const nameEnd = start + raw.data1 * 4;
  if (nameEnd > end)
    return `the endpoint name is said to take ${raw.data1} words, the payload has ${(end - start) / 4}`;
  const name = decodePadded(bytes, start, nameEnd);
  const id = decodePadded(bytes, nameEnd, end);
  if (name.tolerated) tolerated.push(`endpoint name: ${name.tolerated}`);
  if (id.tolerated) tolerated.push(`product instance id: ${id.tolerated}`);
  return { endpointName: name.text, productInstanceId: id.text };
}

function textOf(bytes: Uint8Array, start: number, end: number, tolerated: string[]): string {
  const text = decodePadded(bytes, start, end);
  if (text.tolerated) tolerated.push(`text: ${text.tolerated}`);
  return text.text;
}

export function decodeCommand(view: DataView, bytes: Uint8Array, raw: RawCommand): DecodedCommand {
  const tolerated: string[] = [];
  const p = raw.payloadOffset;
  const end = p + raw.length * 4;
  const ok = (command: Command): DecodedCommand => ({ ok: true, command, tolerated });
  switch (raw.code) {
    case CommandCode.Invitation:
    case CommandCode.InvitationReplyAccepted:
    case CommandCode.InvitationReplyPending: {
      const identity = identityAt(bytes, raw, p, tolerated);
      if (typeof identity === 'string') return malformed(raw, identity);
      if (raw.code === CommandCode.Invitation)
        return ok({ kind: 'invitation', capabilities: raw.data2, ...identity });
      if (raw.data2 !== 0)
        tolerated.push(`reserved byte 0x${raw.data2.toString(16)} in an invitation reply ignored`);
      return ok({
        kind: raw.code === CommandCode.InvitationReplyAccepted ? 'accepted' : 'pending',
        ...identity,
      });
    }
    case CommandCode.InvitationWithAuthentication:
      if (raw.length < DIGEST_BYTES / 4) return malformed(raw, `a digest needs 8 words, got ${raw.length}`);
      if (raw.length > 8) tolerated.push(`${raw.length - 8} words after the digest ignored`);
      return ok({
        kind: 'invitationWithAuthentication',
        digest: new Uint8Array(bytes.subarray(p, p + DIGEST_BYTES)),
      });
    case CommandCode.InvitationWithUserAuthentication:
      if (raw.length < DIGEST_BYTES / 4) return malformed(raw, `a digest needs 8 words, got ${raw.length}`);
      return ok({
        kind: 'invitationWithUserAuthentication',
        digest: new Uint8Array(bytes.subarray(p, p + DIGEST_BYTES)),
        userName: textOf(bytes, p + DIGEST_BYTES, end, tolerated),
      });
    case CommandCode.InvitationReplyAuthenticationRequired:
    case CommandCode.InvitationReplyUserAuthenticationRequired: {
      if (raw.length < NONCE_BYTES / 4) return malformed(raw, `a nonce needs 4 words, got ${raw.length}`);
      const identity = identityAt(bytes, raw, p + NONCE_BYTES, tolerated);
      if (typeof identity === 'string') return malformed(raw, identity);
      return ok({
        kind: 'authenticationRequired',
        user: raw.code === CommandCode.InvitationReplyUserAuthenticationRequired,
        state: raw.data2,
        nonce: new Uint8Array(bytes.subarray(p, p + NONCE_BYTES)),
        ...identity,
      });
    }
    case CommandCode.Ping:
    case CommandCode.PingReply: {
      if (raw.length < 1) return malformed(raw, 'a ping needs its 1-word id');
      if (raw.length > 1) tolerated.push(`${raw.length - 1} words after the ping id ignored`);
      const id = view.getUint32(p);
      return ok(raw.code === CommandCode.Ping ? { kind: 'ping', id } : { kind: 'pingReply', id });
    }
    case CommandCode.RetransmitRequest: {
      const sequence = (raw.data1 << 8) | raw.data2;
      if (raw.length < 1) {
        tolerated.push(
          'retransmit request without its count word: taken as count 0 (all from the sequence on)',
        );
        return ok({ kind: 'retransmitRequest', sequence, count: 0 });
      }
      return ok({ kind: 'retransmitRequest', sequence, count: view.getUint16(p) });
    }
    case CommandCode.RetransmitError:
      if (raw.length < 1) return malformed(raw, 'a retransmit error needs its sequence word');
      return ok({ kind: 'retransmitError', reason: raw.data1, sequence: view.getUint16(p) });
    case CommandCode.SessionReset:
    case CommandCode.SessionResetReply:
      if (raw.length > 0) tolerated.push(`${raw.length} payload words of a session reset ignored`);
      return ok({ kind: raw.code === CommandCode.SessionReset ? 'sessionReset' : 'sessionResetReply' });
    case CommandCode.Nak:
    case LEGACY_NAK_CODE: {
      if (raw.code === LEGACY_NAK_CODE) tolerated.push('NAK sent with code 0x7F instead of 0x8F');
      if (raw.length < 1) {
        tolerated.push('NAK without the header it refers to');
        return ok({ kind: 'nak', reason: raw.data1, originalHeader: 0, text: '' });
      }
      return ok({
        kind: 'nak',
        reason: raw.data1,
        originalHeader: view.getUint32(p),
        text: textOf(bytes, p + 4, end, tolerated),
      });
    }
    case CommandCode.Bye:
      return ok({ kind: 'bye', reason: raw.data1, text: textOf(bytes, p, end, tolerated) });
    case CommandCode.ByeReply:
      return ok({ kind: 'byeReply' });
    case CommandCode.UmpData: {
      const messageCount = countWholeMessages(view, p, raw.length);
      if (messageCount < 0)
        return malformed(raw, `UMP Data of ${raw.length} words does not end on a whole UMP message`);
      return ok({
        kind: 'umpData',
        sequence: (raw.data1 << 8) | raw.data2,
        byteOffset: p,
        wordCount: raw.length,
        messageCount,
      });
    }
    default:
      return {
        ok: false,
        unknown: true,
        reason: `unknown command code 0x${raw.code.toString(16).padStart(2, '0')}`,
      };
  }
}
