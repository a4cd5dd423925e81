// checkUmp: the problems of one message read on its own, without what came before it. Fast on the
// monitor's visible-row path: it reads bits straight from the words.
import { UMP_WORD_COUNTS } from '../messageType';
import { checkMidi1ChannelVoice, checkMidi2ChannelVoice } from './checkChannelVoice';
import { checkData128, checkData64 } from './checkData';
import { checkFlexData } from './checkFlexData';
import { checkSystem, checkUtility } from './checkSystemUtility';
import { checkUmpStream } from './checkUmpStream';
import { fieldHex, pushProblem, type UmpProblem } from './problem';

const noProblems: readonly UmpProblem[] = Object.freeze([]);
/** Reused for every call, so a clean message costs no allocation; a copy leaves with problems. */
const scratch: UmpProblem[] = [];

/** The problems of the message at `words[offset]`; a frozen empty list when there are none. */
export function checkUmp(words: ArrayLike<number>, offset = 0): readonly UmpProblem[] {
  const length = words.length;
  if (offset < 0 || offset >= length) return noProblems;
  const w0 = words[offset] >>> 0;
  const size = UMP_WORD_COUNTS[w0 >>> 28];
  const available = Math.min(size, length - offset);
  const at = (i: number): number => (i < available ? words[offset + i] >>> 0 : 0);
  return checkUmpWords(w0, at(1), at(2), at(3), available);
}

/** The same for words already read; `available` says how many of them were really there. */
export function checkUmpWords(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  available: number,
): readonly UmpProblem[] {
  const into = scratch;
  into.length = 0;
  const type = w0 >>> 28;
  const size = UMP_WORD_COUNTS[type];
  if (available < size) {
    pushProblem(
      into,
      'incompleteMessage',
      Math.max(available - 1, 0),
      31,
      0,
      `a message of type ${fieldHex(type, 4)} has ${size} words; only ${available} arrived`,
    );
    return into.slice();
  }
  switch (type) {
    case 0x0:
      checkUtility(into, w0);
      break;
    case 0x1:
      checkSystem(into, w0);
      break;
    case 0x2:
      checkMidi1ChannelVoice(into, w0);
      break;
    case 0x3:
      checkData64(into, w0, w1);
      break;
    case 0x4:
      checkMidi2ChannelVoice(into, w0, w1);
      break;
    case 0x5:
      checkData128(into, w0, w1);
      break;
    case 0xd:
      checkFlexData(into, w0, w1, w2, w3);
      break;
    case 0xf:
      checkUmpStream(into, w0, w1, w2, w3);
      break;
    default:
      pushProblem(into, 'reservedMessageType', 0, 31, 28, `message type ${fieldHex(type, 4)} is reserved`);
  }
  return into.length === 0 ? noProblems : into.slice();
}

/** Whether the message at `words[offset]` has any problem on its own (the filter's fast path). */
export function hasUmpProblems(words: ArrayLike<number>, offset = 0): boolean {
  return checkUmp(words, offset).length > 0;
}
