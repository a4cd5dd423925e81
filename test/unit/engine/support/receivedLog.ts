// Records what a connection receives (copied out of the engine's reused buffers) and waits
// until a number of messages arrived.
import type { MidiEndpointConnection } from '../../../../src/engine';
import { waitFor } from './waitFor';

export interface ReceivedMessage {
  timestamp: number;
  words: number[];
}

export class ReceivedLog {
  readonly messages: ReceivedMessage[] = [];
  /** Sizes of the batches onMessagesReceived delivered, in messages. */
  readonly batchSizes: number[] = [];

  /** Listens per message (`each`) or per batch (`batch`, splitting by message type sizes). */
  constructor(connection: MidiEndpointConnection, how: 'each' | 'batch' = 'each') {
    if (how === 'each') {
      connection.onMessageReceived(({ timestamp, words }) =>
        this.messages.push({ timestamp, words: [...words] }),
      );
    } else {
      connection.onMessagesReceived(({ words, timestamps, messageCount }) => {
        this.batchSizes.push(messageCount);
        for (let message = 0, offset = 0; message < messageCount; message++) {
          const size = wordCountOf(words[offset]);
          this.messages.push({
            timestamp: timestamps[message],
            words: [...words.subarray(offset, offset + size)],
          });
          offset += size;
        }
      });
    }
  }

  get firstWords(): number[] {
    return this.messages.map((message) => message.words[0]);
  }

  async waitForCount(count: number, timeoutMs = 5_000): Promise<ReceivedMessage[]> {
    await waitFor(
      () => this.messages.length >= count,
      `${count} messages (have ${this.messages.length})`,
      timeoutMs,
    );
    return this.messages;
  }
}

/** UMP sizes by message type, written out here so the tests do not trust the code under test. */
const sizes = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4];

export function wordCountOf(firstWord: number): number {
  return sizes[firstWord >>> 28];
}
