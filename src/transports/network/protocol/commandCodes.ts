// Numbers of the Network MIDI 2.0 (UDP) Transport Specification (M2-124-UM v1.0): command codes,
// invitation capabilities, authentication states and the reasons a NAK, a Bye or a Retransmit
// Error carries.

/** Every datagram starts with the ASCII bytes 'MIDI'. */
export const SIGNATURE = 0x4d494449;

export const CommandCode = {
  Invitation: 0x01,
  InvitationWithAuthentication: 0x02,
  InvitationWithUserAuthentication: 0x03,
  InvitationReplyAccepted: 0x10,
  InvitationReplyPending: 0x11,
  InvitationReplyAuthenticationRequired: 0x12,
  InvitationReplyUserAuthenticationRequired: 0x13,
  Ping: 0x20,
  PingReply: 0x21,
  RetransmitRequest: 0x80,
  RetransmitError: 0x81,
  SessionReset: 0x82,
  SessionResetReply: 0x83,
  Nak: 0x8f,
  Bye: 0xf0,
  ByeReply: 0xf1,
  UmpData: 0xff,
} as const;
export type CommandCode = (typeof CommandCode)[keyof typeof CommandCode];

/**
 * The NAK code some implementations send (0x7F instead of the spec's 0x8F). It is accepted as a
 * NAK and logged; MIDI Scope always sends 0x8F.
 */
export const LEGACY_NAK_CODE = 0x7f;

/** Client capability bits in an Invitation. */
export const CAPABILITY_AUTHENTICATION = 0x01;
export const CAPABILITY_USER_AUTHENTICATION = 0x02;

export const AuthenticationState = {
  FirstRequest: 0x00,
  IncorrectDigest: 0x01,
  UserNotFound: 0x02,
} as const;
export type AuthenticationState = (typeof AuthenticationState)[keyof typeof AuthenticationState];

export const NakReason = {
  Other: 0x00,
  CommandNotSupported: 0x01,
  CommandNotExpected: 0x02,
  CommandMalformed: 0x03,
  BadPingReply: 0x20,
} as const;
export type NakReason = (typeof NakReason)[keyof typeof NakReason];

export const ByeReason = {
  Unknown: 0x00,
  UserTerminated: 0x01,
  PowerDown: 0x02,
  TooManyMissingPackets: 0x03,
  Timeout: 0x04,
  SessionNotEstablished: 0x05,
  NoPendingSession: 0x06,
  ProtocolError: 0x07,
  TooManyOpenSessions: 0x40,
  InvitationWithAuthenticationRejected: 0x41,
  InvitationRejectedByUser: 0x42,
  AuthenticationFailed: 0x43,
  UserNameNotFound: 0x44,
  NoMatchingAuthenticationMethod: 0x45,
  InvitationCanceled: 0x80,
} as const;
export type ByeReason = (typeof ByeReason)[keyof typeof ByeReason];

export const RetransmitErrorReason = {
  Unknown: 0x00,
  BufferDoesNotContainSequence: 0x01,
} as const;
export type RetransmitErrorReason = (typeof RetransmitErrorReason)[keyof typeof RetransmitErrorReason];

const byeReasonTexts: Record<number, string> = {
  [ByeReason.Unknown]: 'unknown',
  [ByeReason.UserTerminated]: 'terminated by the user',
  [ByeReason.PowerDown]: 'power down',
  [ByeReason.TooManyMissingPackets]: 'too many missing UMP packets',
  [ByeReason.Timeout]: 'timeout: too many missing pings',
  [ByeReason.SessionNotEstablished]: 'session not established',
  [ByeReason.NoPendingSession]: 'no pending session',
  [ByeReason.ProtocolError]: 'protocol error',
  [ByeReason.TooManyOpenSessions]: 'too many open sessions',
  [ByeReason.InvitationWithAuthenticationRejected]: 'invitation with authentication rejected',
  [ByeReason.InvitationRejectedByUser]: 'invitation rejected: the user did not accept the session',
  [ByeReason.AuthenticationFailed]: 'invitation rejected: authentication failed',
  [ByeReason.UserNameNotFound]: 'invitation rejected: user name not found',
  [ByeReason.NoMatchingAuthenticationMethod]: 'no matching authentication method',
  [ByeReason.InvitationCanceled]: 'invitation canceled',
};

/** A Bye reason for people: 'timeout: too many missing pings (0x04)'. */
export function describeByeReason(reason: number): string {
  const text = byeReasonTexts[reason] ?? 'reserved reason';
  return `${text} (0x${reason.toString(16).padStart(2, '0').toUpperCase()})`;
}

const nakReasonTexts: Record<number, string> = {
  [NakReason.Other]: 'other',
  [NakReason.CommandNotSupported]: 'command not supported',
  [NakReason.CommandNotExpected]: 'command not expected',
  [NakReason.CommandMalformed]: 'command malformed',
  [NakReason.BadPingReply]: 'bad ping reply',
};

export function describeNakReason(reason: number): string {
  const text = nakReasonTexts[reason] ?? 'reserved reason';
  return `${text} (0x${reason.toString(16).padStart(2, '0').toUpperCase()})`;
}

const commandNames = new Map<number, string>(Object.entries(CommandCode).map(([name, code]) => [code, name]));

/** 'UMP Data (0xFF)'; unknown codes by number. */
export function describeCommandCode(code: number): string {
  const name = code === LEGACY_NAK_CODE ? 'NAK (legacy 0x7F)' : (commandNames.get(code) ?? 'unknown command');
  return `${name} (0x${code.toString(16).padStart(2, '0').toUpperCase()})`;
}
