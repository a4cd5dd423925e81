// Public types of the engine facade (names follow Windows MIDI Services, camelCase).
// src/extension, src/views and tests code against these; src/engine implements them.
import type { MidiSendMessageResult } from './sendResults';

/** One received message, delivered to onMessageReceived listeners. */
export interface MidiMessageReceivedEventArgs {
  /**
   * MidiClock ticks when the engine put the message into this connection's receive ring: the
   * send for immediate messages, the moment the scheduler sent it for scheduled ones.
   */
  timestamp: number;
  /** 1 to 4 words, first word first. */
  words: Uint32Array;
  /** Upper nibble of the first word (0x0 to 0xF). */
  messageType: number;
  wordCount: number;
  /** Group (0 to 15) of messages that have one (not Utility, UMP Stream or reserved types), else undefined. */
  group: number | undefined;
  /** Channel (0 to 15) of channel voice messages and of Flex Data addressed to a channel, else undefined. */
  channel: number | undefined;
  connectionId: string;
  endpointDeviceId: string;
}

/**
 * A batch of received messages, the fast path (onMessagesReceived).
 * Messages lie back to back in `words`; each one's size follows from its first word's
 * message type (see ump.wordCountForMessageType). `timestamps[i]` is the i-th message's.
 * The arrays are only valid during the listener call: copy what you keep.
 */
export interface MidiMessageBatch {
  words: Uint32Array;
  timestamps: Float64Array;
  messageCount: number;
  connectionId: string;
  endpointDeviceId: string;
}

export interface MidiEndpointConnectionSettings {
  /**
   * Capacity of the receive ring in 32-bit words, 4 to 2^26 (default 2^20). What does not fit
   * between two drains is dropped and counted in `statistics.dropped`.
   */
  receiveBufferWords?: number;
  /**
   * Delivers received messages to the listeners at most once per this many ms, 0 to 1000
   * (default 0: as soon as they arrive). For readers that only show what they get, such as a
   * monitor redrawing 30 times a second: the JS thread wakes once per interval instead of once
   * per message. Messages wait in the receive ring meanwhile (size it for the interval). Not
   * part of Windows MIDI Services.
   */
  receiveBatchIntervalMs?: number;
}

export interface MidiUniversalPacket {
  timestamp: number;
  words: Uint32Array | readonly number[];
}

export interface MidiMultipleSendResult {
  result: MidiSendMessageResult;
  messagesSent: number;
  wordsSent: number;
}

export interface MidiConnectionStatistics {
  received: number;
  dropped: number;
  pendingScheduled: number;
  /** Scheduled messages that went out at their due time. */
  sentScheduled: number;
  /** Scheduled messages not sent: failed at their due time, or their endpoint went away. */
  failedScheduled: number;
  /** The {@link MidiSendMessageResult} flags of the last such failure; 0 while there was none. */
  lastScheduledFailure: MidiSendMessageResult;
}

export interface MidiLoopbackEndpointDefinition {
  name: string;
  description?: string;
  uniqueId: string;
  /**
   * What the side declares of itself as a UMP endpoint from the start (a virtual device's side);
   * both or neither. See {@link MidiUmpEndpointDeclaration}.
   */
  umpEndpoint?: MidiUmpEndpointDetails;
  functionBlocks?: MidiFunctionBlockDetails[];
}

/**
 * What a loopback side declares of itself as a UMP endpoint (a virtual device): its endpoint
 * info and function blocks, shown in its MidiEndpointDeviceInformation and to the OS where the
 * engine publishes it (ALSA: the client's UMP endpoint info and blocks). The engine checks it:
 * `umpEndpoint.functionBlockCount` is the number of blocks, block i has `number` i, each block's
 * groups end by group 16, at least one protocol; a TypeError names the field otherwise.
 */
export interface MidiUmpEndpointDeclaration {
  umpEndpoint: MidiUmpEndpointDetails;
  functionBlocks: MidiFunctionBlockDetails[];
}

export interface MidiLoopbackDeclarationResult {
  success: boolean;
  /** Why not: no such endpoint, or not a loopback pair's side. */
  errorInformation: string;
}

export interface MidiLoopbackEndpointCreationConfig {
  associationId: string;
  endpointA: MidiLoopbackEndpointDefinition;
  endpointB: MidiLoopbackEndpointDefinition;
}

export interface MidiLoopbackEndpointCreationResult {
  success: boolean;
  endpointDeviceIdA: string;
  endpointDeviceIdB: string;
  errorInformation: string;
}

/**
 * The transport an endpoint lives on: 'diagnostics' (the two built-in loopbacks), 'loopback'
 * (user pairs), 'alsa' (Linux's MIDI stack) or the id a JS transport registered ('network').
 */
export type MidiEndpointTransport = 'diagnostics' | 'loopback' | 'alsa' | (string & {});

/** The protocol an endpoint speaks natively (a MIDI 1.0 port is converted to and from UMP). */
export type MidiEndpointProtocol = 'midi1' | 'midi2' | 'unknown';

/** UMP Endpoint Info and Device Identity, as a device (or the OS on its behalf) declares them. */
export interface MidiUmpEndpointDetails {
  umpVersionMajor: number;
  umpVersionMinor: number;
  functionBlockCount: number;
  staticFunctionBlocks: boolean;
  supportsMidi1: boolean;
  supportsMidi2: boolean;
  receivesJr: boolean;
  transmitsJr: boolean;
  productInstanceId: string;
  /** SysEx manufacturer id (1 or 3 bytes). */
  manufacturerId: number;
  family: number;
  model: number;
  softwareRevision: number;
}

/** A UMP Function Block as the endpoint declares it. */
export interface MidiFunctionBlockDetails {
  number: number;
  name: string;
  active: boolean;
  /** 1 input (to the device), 2 output, 3 both. */
  direction: number;
  /** 0-based first group and how many groups the block spans. */
  firstGroup: number;
  groupCount: number;
  /** 0 unknown, 1 receiver, 2 sender, 3 both. */
  uiHint: number;
  /** 0 not MIDI 1.0, 1 MIDI 1.0, 2 MIDI 1.0 restricted to 31.25 kb/s. */
  midi1: number;
  /** 0 when the block has no MIDI-CI. */
  midiCiVersion: number;
  maxSysEx8Streams: number;
}

/** Loopback pairs (the diagnostics pair included): which side, and the other side. */
export interface MidiLoopbackEndpointSide {
  side: 'A' | 'B';
  /** associationId of the pair ('' for the diagnostics pair). */
  associationId: string;
  peerEndpointDeviceId: string;
}

/**
 * What a publishing transport could not show other applications of one of MIDI Scope's own
 * endpoints (loopback sides, virtual devices' sides, the diagnostics pair). ALSA says
 * `not published: snd_seq_open: Cannot allocate memory` (no sequencer client: the endpoint is
 * invisible to other applications), `published without its UMP endpoint info: <reason>`, or, as
 * a note, that a MIDI 1.0 client cannot show a virtual device's declared endpoint info.
 */
export interface MidiPublicationProblem {
  /** The publishing transport ('alsa'). */
  transport: MidiEndpointTransport;
  /** The full text: what was not done, the call that failed and why. */
  problem: string;
  /** True for a note (published as well as the OS allows), false for a failure. */
  note: boolean;
}

export interface MidiEndpointDeviceInformation {
  endpointDeviceId: string;
  transport: MidiEndpointTransport;
  name: string;
  description: string;
  uniqueId: string;
  protocol: MidiEndpointProtocol;
  /** Transport-specific facts in display order, such as ['client', '20'], ['port', '0'] for ALSA. */
  details: [string, string][];
  /** When the transport knows it (UMP endpoints). */
  umpEndpoint?: MidiUmpEndpointDetails;
  functionBlocks: MidiFunctionBlockDetails[];
  /** Only on the 'loopback' and 'diagnostics' transports. */
  loopback?: MidiLoopbackEndpointSide;
  /**
   * MIDI Scope's own endpoints only, and only while a publishing transport could not show it to
   * other applications as it is (absent when all is well). A change comes as an 'updated' event.
   */
  publicationProblems?: MidiPublicationProblem[];
}

export interface MidiEndpointDeviceWatcherEvent {
  change: 'added' | 'removed' | 'updated';
  endpoint: MidiEndpointDeviceInformation;
}

/** A listener registration; dispose() unsubscribes (VS Code's Disposable shape). */
export interface MidiDisposable {
  dispose(): void;
}

/**
 * A message processing plugin: sees every received message before the connection's own
 * handlers, in the order plugins were added. Returning `false` from processIncomingMessage
 * keeps a message from later plugins and from the handlers (the partitioning the built-in
 * MidiGroupEndpointListener, MidiChannelEndpointListener and MidiMessageTypeEndpointListener offer).
 */
export interface MidiEndpointMessageProcessingPlugin {
  readonly id: string;
  readonly name: string;
  isEnabled: boolean;
  /** Called once when added to an open or not-yet-open connection. */
  initialize?(connectionId: string): void;
  /**
   * Sees one message; return true to let it reach the connection's handlers
   * (and later plugins), false to keep it from them.
   */
  processIncomingMessage(args: MidiMessageReceivedEventArgs): boolean;
  cleanup?(): void;
}
