// decodeUmp: one message's words to a DecodedUmp (friendly name, fields, summary). On the
// monitor's hot path, so it reads words straight into numbers and dispatches on the type.
// Never throws: a number counts by its low 32 bits, and short input decodes as incomplete.
import { checkUmpWords } from '../check/checkMessage';
import type { DecodedUmp } from '../decodedUmp';
import { UMP_WORD_COUNTS } from '../messageType';
import { decodeData128 } from './data128';
import { decodeData64 } from './data64';
import { describedField, numberField } from './fields';
import { decodeFlexData } from './flexData';
import { decodeMidi1ChannelVoice } from './midi1ChannelVoice';
import { decodeMidi2ChannelVoice } from './midi2ChannelVoice';
import { decodeReservedType } from './reserved';
import { decodeSystem } from './systemMessages';
import { decodeUmpStream } from './umpStream';
import { decodeUtility } from './utility';

/**
 * Decodes the message at `words[offset]` (default 0), reading as many words as its message type
 * needs. If fewer are there, the result has `incomplete: true`: name, status, group and channel
 * from the first word, fields that only count the words. With no word at all (or an offset that
 * is not a whole number inside the array) the result is an incomplete message of type -1 and size
 * 0, named "No Data".
 */
export function decodeUmp(words: ArrayLike<number>, offset = 0): DecodedUmp {
  // Typed callers cannot pass null, but JavaScript ones can; that is no data too.
  const length = words === null || words === undefined ? 0 : words.length >>> 0;
  if (!Number.isInteger(offset) || offset < 0 || offset >= length) return noData();
  const w0 = toWord(words[offset]);
  const size = UMP_WORD_COUNTS[w0 >>> 28];
  const available = Math.min(size, length - offset);
  const w1 = available > 1 ? toWord(words[offset + 1]) : 0;
  const w2 = available > 2 ? toWord(words[offset + 2]) : 0;
  const w3 = available > 3 ? toWord(words[offset + 3]) : 0;
  const decoded = decodeWords(w0, w1, w2, w3);
  const result = available < size ? incomplete(decoded, available) : decoded;
  const problems = checkUmpWords(w0, w1, w2, w3, available);
  if (problems.length > 0) result.problems = problems;
  return result;
}

function decodeWords(w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  switch (w0 >>> 28) {
    case 0x0:
      return decodeUtility(w0);
    case 0x1:
      return decodeSystem(w0);
    case 0x2:
      return decodeMidi1ChannelVoice(w0);
    case 0x3:
      return decodeData64(w0, w1);
    case 0x4:
      return decodeMidi2ChannelVoice(w0, w1);
    case 0x5:
      return decodeData128(w0, w1, w2, w3);
    case 0xd:
      return decodeFlexData(w0, w1, w2, w3);
    case 0xf:
      return decodeUmpStream(w0, w1, w2, w3);
    default:
      return decodeReservedType(w0, w1, w2, w3);
  }
}

/** A number's low 32 bits as unsigned; anything that is not a number (a hole, undefined) is 0. */
function toWord(value: unknown): number {
  return typeof value === 'number' ? value >>> 0 : 0;
}

function incomplete(decoded: DecodedUmp, available: number): DecodedUmp {
  const result: DecodedUmp = {
    messageType: decoded.messageType,
    wordCount: decoded.wordCount,
    status: decoded.status,
    name: decoded.name,
    fields: [
      numberField('Words Present', available, 'words'),
      numberField('Words Expected', decoded.wordCount, 'words'),
    ],
    summary: `incomplete: ${available} of ${decoded.wordCount} words`,
    incomplete: true,
  };
  if (decoded.group !== undefined) result.group = decoded.group;
  if (decoded.channel !== undefined) result.channel = decoded.channel;
  if (decoded.reserved === true) result.reserved = true;
  return result;
}

function noData(): DecodedUmp {
  return {
    messageType: -1,
    wordCount: 0,
    status: 0,
    name: 'No Data',
    fields: [describedField('Words Present', 0, '0 words', 'words')],
    summary: 'no words',
    incomplete: true,
  };
}
