// Reserved message types (0x6–0xC, 0xE): their size is known from the type, nothing else is, so
// they decode as "Reserved" with their raw words.
import type { DecodedUmp } from '../decodedUmp';
import { hexDigits } from '../hex';
import { UMP_WORD_COUNTS } from '../messageType';
import { textField } from './fields';
import { decodedMessage } from './message';

export function decodeReservedType(w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  const messageType = w0 >>> 28;
  const words = [w0, w1, w2, w3].slice(0, UMP_WORD_COUNTS[messageType]);
  const raw = words.map((word) => hexDigits(word, 8)).join(' ');
  return decodedMessage(
    w0,
    0,
    `Reserved Message Type 0x${hexDigits(messageType, 1)} (${words.length * 32}-bit)`,
    [textField('Words', raw)],
    raw,
    { reserved: true },
  );
}
