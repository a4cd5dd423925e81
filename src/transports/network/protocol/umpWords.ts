// Whether a run of words is whole UMP messages: each message's first word says (by its message
// type) how many words it takes, and the last one must end exactly at the run's end.
import { wordCountOf } from '../../../ump/messageType';

/** How many messages `words[start, start + count)` holds, or -1 when the last one is cut short. */
export function countWholeMessages(view: DataView, byteOffset: number, wordCount: number): number {
  let index = 0;
  let messages = 0;
  while (index < wordCount) {
    index += wordCountOf(view.getUint32(byteOffset + index * 4));
    messages++;
  }
  return index === wordCount ? messages : -1;
}

/** The same over a Uint32Array of host-order words. */
export function countWholeMessagesInWords(words: Uint32Array, start: number, end: number): number {
  let index = start;
  let messages = 0;
  while (index < end) {
    index += wordCountOf(words[index]);
    messages++;
  }
  return index === end ? messages : -1;
}
