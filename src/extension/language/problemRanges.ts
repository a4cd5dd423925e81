// Where a problem's bits were written in the text: a word written as 8 hex digits maps bits to
// digits (4 bits each), so a squiggle can sit on exactly the digits of a reserved field.
import type { UmpProblem } from '../../ump';
import type { LocatedMessage, WordRange } from './umpDocumentModel';

export function problemTextRange(message: LocatedMessage, problem: UmpProblem, text: string): WordRange {
  const word = message.wordRanges[Math.min(problem.word, message.wordRanges.length - 1)];
  const written = text.slice(word.offset, word.offset + word.length);
  const digits = digitOffsets(written);
  if (digits.length !== 8 || problem.highBit - problem.lowBit === 31) return word;
  // Digit 0 holds bits 31–28.
  const first = 7 - (problem.highBit >>> 2);
  const last = 7 - (problem.lowBit >>> 2);
  return { offset: word.offset + digits[first], length: digits[last] - digits[first] + 1 };
}

/** Offsets of the hex digits of a written word, after its 0x prefix, skipping ' and _. */
function digitOffsets(written: string): number[] {
  const offsets: number[] = [];
  const start = /^0[xX]/.test(written) ? 2 : 0;
  for (let at = start; at < written.length && offsets.length < 9; at++) {
    const char = written[at];
    if (/[0-9a-fA-F]/.test(char)) offsets.push(at);
    else if (char !== '_' && char !== "'") break;
  }
  return offsets;
}
