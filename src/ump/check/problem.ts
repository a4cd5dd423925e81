// What the conformance checker reports: a problem code, a sentence, where in the message it is
// (a word and a bit range inside it) and how bad it is. Codes are stable: tests, filters and the
// editor's diagnostics key on them. A sentence leaves its group and channel numbers to the
// numbering it is shown under (showNumbered): the checker itself knows no settings.
import type { NumberedText } from '../numbering';

export type UmpProblemSeverity = 'error' | 'warning' | 'info';

export type UmpProblemCode =
  // One message on its own.
  | 'incompleteMessage'
  | 'reservedMessageType'
  | 'reservedStatus'
  | 'reservedBitsSet'
  | 'dataHighBitSet'
  | 'sysEx7ByteHighBit'
  | 'byteCountOutOfRange'
  | 'fieldOutOfRange'
  | 'formNotComplete'
  | 'mdsChunkNumberOutOfRange'
  // A message in its stream.
  | 'sysExStartedTwice'
  | 'sysExWithoutStart'
  | 'sysExInterleaved'
  | 'mdsPayloadWithoutHeader'
  | 'mdsPayloadCountMismatch'
  | 'mdsCountIncludesHeader'
  | 'textWithoutStart'
  | 'textCutShort'
  | 'noopFlood'
  | 'timestampBackwards'
  | 'jrClockOutOfOrder';

export interface UmpProblem {
  code: UmpProblemCode;
  /**
   * One short sentence naming the field and the value read; its group and channel numbers are
   * marks, shown with showNumbered(text, numbering).
   */
  text: NumberedText;
  severity: UmpProblemSeverity;
  /** The word of the message (0-based) that holds the bits. */
  word: number;
  /** The bits inside that word, 31 the most significant; highBit >= lowBit. */
  highBit: number;
  lowBit: number;
}

/** Each code's severity and a title for lists and filters. */
export const UMP_PROBLEM_CODES: Readonly<
  Record<UmpProblemCode, { severity: UmpProblemSeverity; title: string }>
> = Object.freeze({
  incompleteMessage: { severity: 'error', title: 'Message cut short' },
  reservedMessageType: { severity: 'warning', title: 'Reserved message type' },
  reservedStatus: { severity: 'warning', title: 'Reserved status' },
  reservedBitsSet: { severity: 'warning', title: 'Reserved bits not 0' },
  dataHighBitSet: { severity: 'error', title: '7-bit field with its high bit set' },
  sysEx7ByteHighBit: { severity: 'error', title: 'SysEx7 data byte ≥ 0x80' },
  byteCountOutOfRange: { severity: 'error', title: 'Byte count out of range' },
  fieldOutOfRange: { severity: 'error', title: 'Field out of range' },
  formNotComplete: { severity: 'error', title: 'Single-packet message not in Complete form' },
  mdsChunkNumberOutOfRange: { severity: 'warning', title: 'Mixed Data Set chunk number out of range' },
  sysExStartedTwice: { severity: 'error', title: 'SysEx started while one was open' },
  sysExWithoutStart: { severity: 'error', title: 'SysEx continue or end without a start' },
  sysExInterleaved: { severity: 'warning', title: 'SysEx7 and SysEx8 interleaved on a group' },
  mdsPayloadWithoutHeader: { severity: 'error', title: 'Mixed Data Set payload without a header' },
  mdsPayloadCountMismatch: { severity: 'error', title: 'Mixed Data Set payloads disagree with the header' },
  mdsCountIncludesHeader: { severity: 'info', title: 'Mixed Data Set count read as including the header' },
  textWithoutStart: { severity: 'error', title: 'Text continue or end without a start' },
  textCutShort: { severity: 'error', title: 'Text cut short by a new start' },
  noopFlood: { severity: 'warning', title: 'NOOP flood' },
  timestampBackwards: { severity: 'warning', title: 'Timestamp went backwards' },
  jrClockOutOfOrder: { severity: 'warning', title: 'JR Clock out of order' },
});

export const UMP_PROBLEM_CODE_LIST = Object.freeze(Object.keys(UMP_PROBLEM_CODES) as UmpProblemCode[]);

/** Adds a problem with its code's severity to `into`. */
export function pushProblem(
  into: UmpProblem[],
  code: UmpProblemCode,
  word: number,
  highBit: number,
  lowBit: number,
  text: string | NumberedText,
): void {
  into.push({
    code,
    text: typeof text === 'string' ? [text] : text,
    severity: UMP_PROBLEM_CODES[code].severity,
    word,
    highBit,
    lowBit,
  });
}

/** The value of bits highBit..lowBit of `word`. */
export function bitsOf(word: number, highBit: number, lowBit: number): number {
  const width = highBit - lowBit + 1;
  return width === 32 ? word >>> 0 : (word >>> lowBit) & ((1 << width) - 1);
}

/** "0x3F": a field's value in hex, wide enough for its bits. */
export function fieldHex(value: number, bits: number): string {
  return (
    '0x' +
    value
      .toString(16)
      .toUpperCase()
      .padStart(Math.ceil(bits / 4), '0')
  );
}
