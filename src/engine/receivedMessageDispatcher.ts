// Delivers what a connection's receive ring holds. On each native wake-up the facade drains the
// ring into two preallocated arrays (growing them when a drain could not empty the ring) until it
// is empty, and hands each drained batch out:
//   1. only when plugins or per-message listeners exist, message by message: plugins first (in
//      the order added; one returning false keeps the message from everything after it), then
//      onMessageReceived listeners; messages kept from handlers are squeezed out of the batch;
//   2. onMessagesReceived listeners get the batch as subarray views of the reused arrays.
// Without plugins and per-message listeners nothing is allocated per message.
import { ListenerList, reportListenerError } from './listenerList';
import type { NativeDrainResult } from './nativeBinding';
import type {
  MidiEndpointMessageProcessingPlugin,
  MidiMessageBatch,
  MidiMessageReceivedEventArgs,
} from './types';
import { channelOf, groupOf, messageTypeOf, wordCountOf } from '../ump';

/** Words drained per call at first; doubled while the ring holds more, up to its capacity. */
const initialDrainWords = 16_384;

/** Moves received messages into `words`/`timestamps`; undefined once the connection is gone. */
export type DrainFunction = (words: Uint32Array, timestamps: Float64Array) => NativeDrainResult | undefined;

export class ReceivedMessageDispatcher {
  readonly batchListeners = new ListenerList<MidiMessageBatch>();
  readonly messageListeners = new ListenerList<MidiMessageReceivedEventArgs>();
  private plugins: readonly MidiEndpointMessageProcessingPlugin[] = [];
  private words: Uint32Array;
  private timestamps: Float64Array;
  /** One batch object reused for every call: its arrays are only valid during the call. */
  private readonly batch: MidiMessageBatch;

  constructor(
    private readonly connectionId: string,
    private readonly endpointDeviceId: string,
    private readonly maxDrainWords: number,
  ) {
    const size = Math.min(initialDrainWords, maxDrainWords);
    this.words = new Uint32Array(size);
    this.timestamps = new Float64Array(size);
    this.batch = {
      words: this.words,
      timestamps: this.timestamps,
      messageCount: 0,
      connectionId,
      endpointDeviceId,
    };
  }

  setPlugins(plugins: readonly MidiEndpointMessageProcessingPlugin[]): void {
    this.plugins = plugins;
  }

  /**
   * Drains until the ring is empty (which re-arms the native wake-up, unless the drain function
   * says otherwise) and dispatches each batch. Returns how many messages it drained.
   */
  drainAndDispatch(drain: DrainFunction): number {
    let drainedMessages = 0;
    for (;;) {
      const drained = drain(this.words, this.timestamps);
      if (drained === undefined) return drainedMessages;
      drainedMessages += drained.messageCount;
      if (drained.messageCount > 0) this.dispatch(drained.wordCount, drained.messageCount);
      if (!drained.more) return drainedMessages;
      if (this.words.length < this.maxDrainWords) this.grow();
    }
  }

  private grow(): void {
    const size = Math.min(this.words.length * 2, this.maxDrainWords);
    this.words = new Uint32Array(size);
    this.timestamps = new Float64Array(size);
  }

  private dispatch(wordCount: number, messageCount: number): void {
    if (this.plugins.length > 0 || this.messageListeners.size > 0) {
      ({ wordCount, messageCount } = this.dispatchEachMessage(wordCount, messageCount));
    }
    if (messageCount === 0 || this.batchListeners.size === 0) return;
    const batch = this.batch;
    batch.words = this.words.subarray(0, wordCount);
    batch.timestamps = this.timestamps.subarray(0, messageCount);
    batch.messageCount = messageCount;
    this.batchListeners.fire(batch);
  }

  /**
   * Runs plugins and per-message listeners over the batch and compacts it in place to the
   * messages that reached the handlers. Returns the compacted size.
   */
  private dispatchEachMessage(wordCount: number, messageCount: number) {
    const words = this.words;
    const timestamps = this.timestamps;
    let keptWords = 0;
    let keptMessages = 0;
    for (let message = 0, offset = 0; message < messageCount && offset < wordCount; message++) {
      const size = wordCountOf(words[offset]);
      const args = this.eventArgs(words.slice(offset, offset + size), timestamps[message]);
      if (this.passesPlugins(args)) {
        if (keptWords !== offset) words.copyWithin(keptWords, offset, offset + size);
        timestamps[keptMessages] = timestamps[message];
        keptWords += size;
        keptMessages++;
        this.messageListeners.fire(args);
      }
      offset += size;
    }
    return { wordCount: keptWords, messageCount: keptMessages };
  }

  private passesPlugins(args: MidiMessageReceivedEventArgs): boolean {
    for (const plugin of this.plugins) {
      if (!plugin.isEnabled) continue;
      try {
        if (!plugin.processIncomingMessage(args)) return false;
      } catch (error) {
        // A broken plugin must not swallow traffic: the message goes on as if it passed.
        reportListenerError(error);
      }
    }
    return true;
  }

  private eventArgs(words: Uint32Array, timestamp: number): MidiMessageReceivedEventArgs {
    const firstWord = words[0];
    return {
      timestamp,
      words,
      messageType: messageTypeOf(firstWord),
      wordCount: words.length,
      group: groupOf(firstWord),
      channel: channelOf(firstWord),
      connectionId: this.connectionId,
      endpointDeviceId: this.endpointDeviceId,
    };
  }
}
