// MidiEndpointConnection: one endpoint opened for sending and receiving. Created (not open) by
// MidiSession.createEndpointConnection so that handlers and plugins attach before open().
// Sends validate argument types here (TypeError) and leave everything else to the addon, which
// answers with MidiSendMessageResults flags. Receiving is ReceivedMessageDispatcher's job.
import { randomUUID } from 'node:crypto';
import { requireMethod, requireNumber, requireObject, requireString, requireWord } from './argumentChecks';
import { closeOnEngineShutdown, engineBinding } from './engineLifecycle';
import { trackReceiver } from './endpointReceivers';
import type { NativeDrainResult } from './nativeBinding';
import { reportListenerError } from './listenerList';
import { ReceivePacer } from './receivePacer';
import { ReceivedMessageDispatcher } from './receivedMessageDispatcher';
import {
  failedWith,
  MidiSendMessageResults,
  sendMessageFailed,
  sendMessageSucceeded,
  type MidiAnySendResult,
  type MidiSendMessageResult,
} from './sendResults';
import type {
  MidiConnectionStatistics,
  MidiDisposable,
  MidiEndpointConnectionSettings,
  MidiEndpointMessageProcessingPlugin,
  MidiMessageBatch,
  MidiMessageReceivedEventArgs,
  MidiMultipleSendResult,
  MidiUniversalPacket,
} from './types';
import {
  byteRangeInBounds,
  packPackets,
  readWordsMsbFirst,
  ScratchTimestamps,
  ScratchWords,
  toByteView,
  toWordArray,
  type MidiByteInput,
  type MidiWordInput,
} from './wordInputs';

const closedResult = failedWith(MidiSendMessageResults.endpointConnectionClosedOrInvalid);
const outOfRangeResult = failedWith(MidiSendMessageResults.dataIndexOutOfRange);
/** Bytes that do not fill whole words cannot be a message of any type. */
const partialWordResult = failedWith(MidiSendMessageResults.invalidMessageTypeForWordCount);
const noStatistics: MidiConnectionStatistics = Object.freeze({
  received: 0,
  dropped: 0,
  pendingScheduled: 0,
  sentScheduled: 0,
  failedScheduled: 0,
  lastScheduledFailure: 0,
});

// Sends are synchronous (the addon copies what it needs), so every connection shares these.
const singleMessageWords = new Uint32Array(4);
const scratchWords = new ScratchWords();
const scratchTimestamps = new ScratchTimestamps();

type ConnectionState = 'created' | 'open' | 'closed';

export class MidiEndpointConnection {
  /** A GUID naming this connection in its session's `connections`. */
  readonly connectionId: string = randomUUID();
  /** Anything the application wants to keep with the connection. */
  tag: unknown;
  readonly settings: Readonly<Required<MidiEndpointConnectionSettings>>;

  private state: ConnectionState = 'created';
  private handle: number | undefined;
  private statisticsAtClose: MidiConnectionStatistics = noStatistics;
  private plugins: readonly MidiEndpointMessageProcessingPlugin[] = [];
  private readonly dispatcher: ReceivedMessageDispatcher;
  private readonly pacer: ReceivePacer;
  private forgetAtShutdown: (() => void) | undefined;
  private forgetAsReceiver: (() => void) | undefined;

  /** Use MidiSession.createEndpointConnection, which checks the endpoint and the settings. */
  constructor(
    readonly connectedEndpointDeviceId: string,
    settings: Required<MidiEndpointConnectionSettings>,
  ) {
    this.settings = Object.freeze({ ...settings });
    this.dispatcher = new ReceivedMessageDispatcher(
      this.connectionId,
      connectedEndpointDeviceId,
      settings.receiveBufferWords,
    );
    this.pacer = new ReceivePacer(settings.receiveBatchIntervalMs, this.deliverReceived);
  }

  /**
   * Whether a send went out: pass what any send method returned, the flags of a single send or
   * the `{ result, messagesSent, wordsSent }` of a multiple send (keep that object for its
   * counts). Anything else throws a TypeError. A bufferFull flag alone still counts as sent.
   */
  static sendMessageSucceeded(sent: MidiAnySendResult): boolean {
    return sendMessageSucceeded(sent);
  }

  /** The opposite of sendMessageSucceeded, with the same arguments and the same TypeError. */
  static sendMessageFailed(sent: MidiAnySendResult): boolean {
    return sendMessageFailed(sent);
  }

  /** False before open(), after close, and once the endpoint went away (its pair was removed). */
  get isOpen(): boolean {
    return this.handle !== undefined && engineBinding().isConnectionOpen(this.handle);
  }

  /**
   * Opens the connection; true when it is open. False when the endpoint no longer exists or the
   * connection was closed before (a closed connection stays closed: create a new one).
   */
  open(): boolean {
    if (this.state !== 'created') return this.state === 'open';
    try {
      this.handle = engineBinding().openConnection(
        this.connectedEndpointDeviceId,
        this.settings.receiveBufferWords,
        this.onWake,
      );
    } catch {
      return false;
    }
    this.state = 'open';
    this.forgetAtShutdown = closeOnEngineShutdown(this);
    this.forgetAsReceiver = trackReceiver(this.connectedEndpointDeviceId, this);
    return true;
  }

  /**
   * Closes the connection: pending scheduled messages are discarded, received ones not yet
   * delivered are dropped, plugins are cleaned up. Idempotent. Sessions call this on disconnect.
   */
  close(): void {
    if (this.state !== 'closed') this.finish();
  }

  /** One message at a time, after the plugins. Allocates per message: prefer onMessagesReceived for volume. */
  onMessageReceived(listener: (args: MidiMessageReceivedEventArgs) => void): MidiDisposable {
    return this.dispatcher.messageListeners.add(listener, 'onMessageReceived listener');
  }

  /**
   * Batches of messages: the fast path. The batch's arrays are views of reused buffers and are
   * valid only during the call; copy what you keep.
   */
  onMessagesReceived(listener: (batch: MidiMessageBatch) => void): MidiDisposable {
    return this.dispatcher.batchListeners.add(listener, 'onMessagesReceived listener');
  }

  /** Received, dropped (ring full) and still-scheduled message counts; frozen at close. */
  get statistics(): MidiConnectionStatistics {
    return this.handle === undefined ? this.statisticsAtClose : engineBinding().stats(this.handle);
  }

  /** Drops every message this connection scheduled and has not sent; returns how many. */
  cancelScheduled(): number {
    return this.handle === undefined ? 0 : engineBinding().cancelScheduled(this.handle);
  }

  // ------------------------------------------------------------------------------ sends

  /** One message of 1 to 4 words given as numbers. */
  sendSingleMessageWords(timestamp: number, word0: number, word1?: number, word2?: number, word3?: number) {
    requireNumber(timestamp, 'timestamp');
    const wordCount = word3 !== undefined ? 4 : word2 !== undefined ? 3 : word1 !== undefined ? 2 : 1;
    requireWord(word0, 'word0');
    singleMessageWords[0] = word0;
    if (wordCount > 1) {
      requireWord(word1, 'word1');
      singleMessageWords[1] = word1;
    }
    if (wordCount > 2) {
      requireWord(word2, 'word2');
      singleMessageWords[2] = word2;
    }
    if (wordCount > 3) {
      requireWord(word3, 'word3');
      singleMessageWords[3] = word3;
    }
    return this.sendOne(timestamp, singleMessageWords, 0, wordCount);
  }

  /** One message: `wordCount` words of `words` from `startIndex`. */
  sendSingleMessageWordArray(
    timestamp: number,
    startIndex: number,
    wordCount: number,
    words: MidiWordInput,
  ): MidiSendMessageResult {
    requireNumber(timestamp, 'timestamp');
    requireNumber(startIndex, 'startIndex');
    requireNumber(wordCount, 'wordCount');
    return this.sendOne(timestamp, toWordArray(words, 'words'), startIndex, wordCount);
  }

  /** One message from `byteCount` bytes of `buffer` at `byteOffset`, each word's MSB first. */
  sendSingleMessageBuffer(
    timestamp: number,
    byteOffset: number,
    byteCount: number,
    buffer: MidiByteInput,
  ): MidiSendMessageResult {
    requireNumber(timestamp, 'timestamp');
    const bytes = toByteView(buffer, 'buffer');
    const inBounds = byteRangeInBounds(bytes, byteOffset, byteCount);
    if (this.handle === undefined) return closedResult;
    if (!inBounds) return outOfRangeResult;
    if (byteCount % 4 !== 0) return partialWordResult;
    const wordCount = byteCount / 4;
    const words = scratchWords.take(wordCount);
    readWordsMsbFirst(bytes, byteOffset, wordCount, words);
    return this.sendOne(timestamp, words, 0, wordCount);
  }

  /** One message with its own timestamp. */
  sendSingleMessagePacket(packet: MidiUniversalPacket): MidiSendMessageResult {
    requireObject(packet, 'packet');
    requireNumber(packet.timestamp, 'packet.timestamp');
    const words = toWordArray(packet.words, 'packet.words');
    return this.sendOne(packet.timestamp, words, 0, words.length);
  }

  /** Back-to-back messages sharing one timestamp; stops at the first bad message. */
  sendMultipleMessagesWordList(timestamp: number, words: MidiWordInput): MidiMultipleSendResult {
    requireNumber(timestamp, 'timestamp');
    const array = toWordArray(words, 'words');
    return this.sendMany(timestamp, array, 0, array.length);
  }

  /** Back-to-back messages in `wordCount` words of `words` from `startIndex`, sharing one timestamp. */
  sendMultipleMessagesWordArray(
    timestamp: number,
    startIndex: number,
    wordCount: number,
    words: MidiWordInput,
  ): MidiMultipleSendResult {
    requireNumber(timestamp, 'timestamp');
    requireNumber(startIndex, 'startIndex');
    requireNumber(wordCount, 'wordCount');
    return this.sendMany(timestamp, toWordArray(words, 'words'), startIndex, wordCount);
  }

  /** Back-to-back messages in bytes (each word's MSB first), sharing one timestamp. */
  sendMultipleMessagesBuffer(
    timestamp: number,
    byteOffset: number,
    byteCount: number,
    buffer: MidiByteInput,
  ): MidiMultipleSendResult {
    requireNumber(timestamp, 'timestamp');
    const bytes = toByteView(buffer, 'buffer');
    const inBounds = byteRangeInBounds(bytes, byteOffset, byteCount);
    if (this.handle === undefined) return notSent(closedResult);
    if (!inBounds) return notSent(outOfRangeResult);
    const wordCount = Math.floor(byteCount / 4);
    const words = scratchWords.take(wordCount);
    readWordsMsbFirst(bytes, byteOffset, wordCount, words);
    const sent = this.sendMany(timestamp, words, 0, wordCount);
    // Trailing bytes that do not make a word are a message cut short, after everything else.
    return byteCount % 4 === 0 || sendMessageFailed(sent.result)
      ? sent
      : stoppedAfter(partialWordResult, sent);
  }

  /** Messages each with its own timestamp, in list order; stops at the first bad one. */
  sendMultipleMessagesPacketList(packets: readonly MidiUniversalPacket[]): MidiMultipleSendResult {
    const packed = packPackets(packets, scratchWords, scratchTimestamps);
    if (this.handle === undefined) return notSent(closedResult);
    const sent = engineBinding().sendTimestampedMessages(
      this.handle,
      packed.timestamps,
      packed.words,
      0,
      packed.wordCount,
    );
    return packed.failure === 0 || sendMessageFailed(sent.result) ? sent : stoppedAfter(packed.failure, sent);
  }

  // ------------------------------------------------------------------------------ plugins

  /** Adds a plugin that sees every received message before the handlers (see its type). */
  addMessageProcessingPlugin(plugin: MidiEndpointMessageProcessingPlugin): void {
    requireObject(plugin, 'plugin');
    requireString(plugin.id, 'plugin.id');
    requireMethod(plugin, 'processIncomingMessage', 'plugin.processIncomingMessage');
    if (this.plugins.some((existing) => existing.id === plugin.id)) {
      throw new Error(
        `A message processing plugin with id "${plugin.id}" is already on connection ${this.connectionId}`,
      );
    }
    plugin.initialize?.(this.connectionId);
    this.plugins = [...this.plugins, plugin];
    this.dispatcher.setPlugins(this.plugins);
  }

  /** Removes the plugin with that id (cleaning it up); false when there is none. */
  removeMessageProcessingPlugin(id: string): boolean {
    requireString(id, 'id');
    const plugin = this.plugins.find((candidate) => candidate.id === id);
    if (plugin === undefined) return false;
    this.plugins = this.plugins.filter((candidate) => candidate !== plugin);
    this.dispatcher.setPlugins(this.plugins);
    plugin.cleanup?.();
    return true;
  }

  get messageProcessingPlugins(): readonly MidiEndpointMessageProcessingPlugin[] {
    return this.plugins;
  }

  // ------------------------------------------------------------------------------ internals

  private sendOne(
    timestamp: number,
    words: Uint32Array,
    start: number,
    count: number,
  ): MidiSendMessageResult {
    if (this.handle === undefined) return closedResult;
    return engineBinding().sendMessage(this.handle, timestamp, words, start, count);
  }

  private sendMany(
    timestamp: number,
    words: Uint32Array,
    start: number,
    count: number,
  ): MidiMultipleSendResult {
    if (this.handle === undefined) return notSent(closedResult);
    return engineBinding().sendMessages(this.handle, timestamp, words, start, count);
  }

  /** The addon's wake-up: the ring became readable, or the endpoint went away underneath. */
  private readonly onWake = (): void => {
    if (this.handle !== undefined) this.pacer.wake();
  };

  /** Delivers what the ring holds; returns how many messages that was. */
  private readonly deliverReceived = (stayDisarmed: boolean): number => {
    if (this.handle === undefined) return 0;
    const drain = stayDisarmed ? this.drainStayingDisarmed : this.drain;
    const delivered = this.dispatcher.drainAndDispatch(drain);
    if (this.handle !== undefined && !engineBinding().isConnectionOpen(this.handle)) {
      // Closed underneath (its pair was removed): everything that arrived was delivered above.
      this.finish();
    }
    return delivered;
  };

  private readonly drain = (words: Uint32Array, timestamps: Float64Array): NativeDrainResult | undefined =>
    this.handle === undefined ? undefined : engineBinding().drain(this.handle, words, timestamps);

  private readonly drainStayingDisarmed = (
    words: Uint32Array,
    timestamps: Float64Array,
  ): NativeDrainResult | undefined =>
    this.handle === undefined ? undefined : engineBinding().drain(this.handle, words, timestamps, true);

  private finish(): void {
    this.state = 'closed';
    this.pacer.cancel();
    const handle = this.handle;
    if (handle !== undefined) {
      const binding = engineBinding();
      // Closing discards what was scheduled, so nothing is pending afterwards.
      this.statisticsAtClose = Object.freeze({ ...binding.stats(handle), pendingScheduled: 0 });
      this.handle = undefined;
      binding.closeConnection(handle);
    }
    this.forgetAtShutdown?.();
    this.forgetAtShutdown = undefined;
    this.forgetAsReceiver?.();
    this.forgetAsReceiver = undefined;
    for (const plugin of this.plugins) {
      try {
        plugin.cleanup?.();
      } catch (error) {
        reportListenerError(error);
      }
    }
  }
}

function notSent(result: MidiSendMessageResult): MidiMultipleSendResult {
  return { result, messagesSent: 0, wordsSent: 0 };
}

/** `failure` hit after `sent` went out: the list was partially processed if anything went out. */
function stoppedAfter(failure: MidiSendMessageResult, sent: MidiMultipleSendResult): MidiMultipleSendResult {
  const partial = sent.messagesSent > 0 ? MidiSendMessageResults.messageListPartiallyProcessed : 0;
  return { result: (failure | partial) >>> 0, messagesSent: sent.messagesSent, wordsSent: sent.wordsSent };
}
