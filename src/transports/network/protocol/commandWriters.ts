// One function per command MIDI Scope sends, each laying out the header and payload as M2-124-UM
// defines them. Strings arrive already encoded and checked (see paddedStrings.encodeLimited).
import { CommandCode } from './commandCodes';
import type { DatagramWriter } from './datagramWriter';
import { paddedWordCount } from './paddedStrings';

export interface EncodedIdentity {
  readonly endpointName: Uint8Array;
  readonly productInstanceId: Uint8Array;
}

function identityWords(identity: EncodedIdentity): number {
  return paddedWordCount(identity.endpointName.length) + paddedWordCount(identity.productInstanceId.length);
}

function writeIdentity(w: DatagramWriter, identity: EncodedIdentity): void {
  w.padded(identity.endpointName);
  w.padded(identity.productInstanceId);
}

export function writeInvitation(w: DatagramWriter, capabilities: number, identity: EncodedIdentity): void {
  w.header(
    CommandCode.Invitation,
    identityWords(identity),
    paddedWordCount(identity.endpointName.length),
    capabilities,
  );
  writeIdentity(w, identity);
}

export function writeInvitationReply(
  w: DatagramWriter,
  code: typeof CommandCode.InvitationReplyAccepted | typeof CommandCode.InvitationReplyPending,
  identity: EncodedIdentity,
): void {
  w.header(code, identityWords(identity), paddedWordCount(identity.endpointName.length), 0);
  writeIdentity(w, identity);
}

export function writeAuthenticationRequired(
  w: DatagramWriter,
  user: boolean,
  state: number,
  nonce: Uint8Array,
  identity: EncodedIdentity,
): void {
  const code = user
    ? CommandCode.InvitationReplyUserAuthenticationRequired
    : CommandCode.InvitationReplyAuthenticationRequired;
  w.header(code, 4 + identityWords(identity), paddedWordCount(identity.endpointName.length), state);
  w.raw(nonce);
  writeIdentity(w, identity);
}

export function writeInvitationWithAuthentication(w: DatagramWriter, digest: Uint8Array): void {
  w.header(CommandCode.InvitationWithAuthentication, 8, 0, 0);
  w.raw(digest);
}

export function writeInvitationWithUserAuthentication(
  w: DatagramWriter,
  digest: Uint8Array,
  userName: Uint8Array,
): void {
  w.header(CommandCode.InvitationWithUserAuthentication, 8 + paddedWordCount(userName.length), 0, 0);
  w.raw(digest);
  w.padded(userName);
}

export function writePing(w: DatagramWriter, reply: boolean, id: number): void {
  w.header(reply ? CommandCode.PingReply : CommandCode.Ping, 1, 0, 0);
  w.word(id);
}

export function writeRetransmitRequest(w: DatagramWriter, sequence: number, count: number): void {
  w.header(CommandCode.RetransmitRequest, 1, (sequence >>> 8) & 0xff, sequence & 0xff);
  w.word((count & 0xffff) << 16);
}

export function writeRetransmitError(w: DatagramWriter, reason: number, sequence: number): void {
  w.header(CommandCode.RetransmitError, 1, reason, 0);
  w.word((sequence & 0xffff) << 16);
}

export function writeSessionReset(w: DatagramWriter, reply: boolean): void {
  w.header(reply ? CommandCode.SessionResetReply : CommandCode.SessionReset, 0, 0, 0);
}

export function writeNak(w: DatagramWriter, reason: number, originalHeader: number, text: Uint8Array): void {
  w.header(CommandCode.Nak, 1 + paddedWordCount(text.length), reason, 0);
  w.word(originalHeader);
  w.padded(text);
}

export function writeBye(w: DatagramWriter, reason: number, text: Uint8Array): void {
  w.header(CommandCode.Bye, paddedWordCount(text.length), reason, 0);
  w.padded(text);
}

export function writeByeReply(w: DatagramWriter): void {
  w.header(CommandCode.ByeReply, 0, 0, 0);
}

export function writeUmpData(
  w: DatagramWriter,
  sequence: number,
  words: Uint32Array,
  start: number,
  count: number,
): void {
  w.header(CommandCode.UmpData, count, (sequence >>> 8) & 0xff, sequence & 0xff);
  w.words(words, start, count);
}
