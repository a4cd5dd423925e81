// Network MIDI 2.0 (UDP) transport, plain Node: the codec, both roles and their sessions.
export * from './protocol/commandCodes';
export type { Command, EndpointIdentity } from './protocol/commands';
export { sharedSecretDigest, userDigest } from './protocol/authentication';
export { dispatchDatagram, type DispatchTarget } from './protocol/datagramDispatcher';
export { NetworkHost, type NetworkHostOptions, type Refusal } from './networkHost';
export {
  NetworkClient,
  InvitationError,
  type NetworkClientOptions,
  type ClientState,
  type CredentialRequest,
  type Credentials,
} from './networkClient';
export type { HostAuthentication, AuthenticationMode } from './hostAuthentication';
export {
  NetworkSession,
  type SessionState,
  type SessionEnd,
  type RemoteAddress,
  type SessionListener,
} from './session/networkSession';
export type { SessionCounters } from './session/sessionCounters';
export { DEFAULT_SESSION_OPTIONS, sessionOptions, type SessionOptions } from './session/sessionOptions';
export type { NetworkLog } from './session/networkLog';
export type { BoundAddress } from './udpSocket';
export {
  advertiseHost,
  discoverHosts,
  SERVICE_TYPE,
  type DiscoveredHost,
  type Advertisement,
} from './mdnsDiscovery';
