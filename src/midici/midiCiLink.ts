// Which MIDI-CI message answers which: a reply is linked to its request by the message kinds, both
// MUIDs and (Property Exchange) the request id. A request to the broadcast MUID is answered from
// any MUID; an ACK or NAK answers the request whose kind it names (the nearest one, in the monitor).
import { BROADCAST_MUID, MidiCiMessageType as T, type MidiCiMessage } from './midiCiTypes';

/** Request kind → its reply kind. */
const replyKinds: ReadonlyMap<number, number> = new Map([
  [T.Discovery, T.DiscoveryReply],
  [T.EndpointInformation, T.EndpointInformationReply],
  [T.ProfileInquiry, T.ProfileInquiryReply],
  [T.ProfileDetailsInquiry, T.ProfileDetailsReply],
  [T.PropertyExchangeCapabilities, T.PropertyExchangeCapabilitiesReply],
  [T.PropertyGet, T.PropertyGetReply],
  [T.PropertySet, T.PropertySetReply],
  [T.PropertySubscribe, T.PropertySubscribeReply],
  [T.ProcessInquiryCapabilities, T.ProcessInquiryCapabilitiesReply],
  [T.MidiMessageReport, T.MidiMessageReportReply],
]);
const requestKinds: ReadonlyMap<number, number> = new Map(
  [...replyKinds].map(([request, reply]) => [reply, request]),
);

export type MidiCiRole = 'request' | 'reply';

/** Whether the message expects a reply (a request) or answers one (a reply, ACK or NAK). */
export function midiCiRole(message: MidiCiMessage): MidiCiRole | undefined {
  if (replyKinds.has(message.messageType)) return 'request';
  if (requestKinds.has(message.messageType)) return 'reply';
  if (message.kind === 'ack' || message.kind === 'nak') {
    return message.originalMessageType === undefined ? undefined : 'reply';
  }
  return undefined;
}

function requestIdOf(message: MidiCiMessage): number | undefined {
  return message.kind === 'propertyExchange' ? message.requestId : undefined;
}

/** `reply` answers `request`: its kind, addressed back to the requester, from whom was asked, same request id. */
export function isMidiCiReplyTo(reply: MidiCiMessage, request: MidiCiMessage): boolean {
  const ackOrNak = reply.kind === 'ack' || reply.kind === 'nak';
  const kindMatches =
    replyKinds.get(request.messageType) === reply.messageType ||
    (ackOrNak && reply.originalMessageType === request.messageType);
  return (
    kindMatches &&
    reply.destinationMuid === request.sourceMuid &&
    (request.destinationMuid === BROADCAST_MUID || reply.sourceMuid === request.destinationMuid) &&
    // An ACK or NAK carries no request id of its own: it answers the latest request of its kind.
    (ackOrNak || requestIdOf(reply) === requestIdOf(request))
  );
}

/** "reply to Discovery from MUID 0x0123456" style text for a link's label. */
export function midiCiLinkLabel(message: MidiCiMessage, role: MidiCiRole): string {
  const requestId = requestIdOf(message);
  const id = requestId === undefined ? '' : `, request id ${requestId}`;
  const muid = (value: number) => `0x${value.toString(16).toUpperCase().padStart(7, '0')}`;
  return role === 'request'
    ? `Go to its reply (to MUID ${muid(message.sourceMuid)}${id})`
    : `Go to its request (from MUID ${muid(message.destinationMuid)}${id})`;
}
