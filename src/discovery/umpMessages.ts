// Walks the messages of a received batch (words of several UMPs back to back), each by the size
// its message type gives.
import { wordCountOf } from '../ump';

/** Calls `take(offset)` for each message start; stops at a message the batch cuts short. */
export function forEachUmp(words: Uint32Array, take: (offset: number, wordCount: number) => void): void {
  for (let offset = 0; offset < words.length;) {
    const count = wordCountOf(words[offset]);
    if (offset + count > words.length) return;
    take(offset, count);
    offset += count;
  }
}
