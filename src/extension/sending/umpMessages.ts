// The messages of a send: parsed from hex text or decoded from binary UMP words, complete before
// anything is sent, with an error that says where and why when the input is bad.
import { parseUmpHex, wordCountForMessageType, type UmpByteOrder } from '../../ump';

export interface UmpMessageToSend {
  words: Uint32Array;
  /**
   * 1-based line of the message in the document it came from (readUmpText counts from the start
   * of the text; atDocumentLines moves a selection's lines to the document's), or 0 for binary input.
   */
  line: number;
  /** Delay after the previous message in µs (`+10ms` in the text). */
  delayUs?: number;
  /** Offset from the start of the schedule in µs (`@10ms` in the text). */
  atUs?: number;
}

export interface UmpParseProblem {
  message: string;
  /** 1-based position of the bad character (or of the bad token's start) in the text. */
  line: number;
  column: number;
  /** Character range of the bad text. */
  offset: number;
  length: number;
  /** The whole token it is in, and what was expected there. */
  token: string;
  expected: string;
  /** Messages parsed in full before it. */
  completeMessages: number;
}

export type UmpTextReading =
  { ok: true; messages: UmpMessageToSend[] } | { ok: false; problem: UmpParseProblem };

/** Parses hex text (per-line `+Nms` / `@Nms` offsets allowed; the caller decides what they mean). */
export function readUmpText(text: string, byteOrder: UmpByteOrder = 'bigEndianWords'): UmpTextReading {
  const parsed = parseUmpHex(text, { allowTimeOffsets: true, byteOrder });
  if (!parsed.ok) {
    const { error } = parsed;
    return {
      ok: false,
      problem: {
        message: error.message,
        line: error.line,
        column: error.column,
        offset: error.offset,
        length: error.length,
        token: error.token,
        expected: error.expected,
        completeMessages: error.completeMessages,
      },
    };
  }
  return { ok: true, messages: parsed.messages.map((message) => ({ ...message })) };
}

/**
 * The messages of a text that starts on 0-based document line `firstLine`, numbered by document
 * line, so that reports name the line a person sees in the editor, not one inside the selection.
 */
export function atDocumentLines(
  messages: readonly UmpMessageToSend[],
  firstLine: number,
): UmpMessageToSend[] {
  return messages.map((message) => ({ ...message, line: message.line + firstLine }));
}

export function hasTimeOffsets(messages: readonly UmpMessageToSend[]): boolean {
  return messages.some((message) => message.delayUs !== undefined || message.atUs !== undefined);
}

/** All messages' words back to back, as one multiple-message send takes them. */
export function concatenateWords(messages: readonly UmpMessageToSend[]): Uint32Array {
  const total = messages.reduce((sum, message) => sum + message.words.length, 0);
  const words = new Uint32Array(total);
  let at = 0;
  for (const message of messages) {
    words.set(message.words, at);
    at += message.words.length;
  }
  return words;
}

export class BinaryUmpError extends Error {
  constructor(
    message: string,
    /** Byte offset in the file where the problem starts. */
    readonly byteOffset: number,
  ) {
    super(message);
  }
}

/**
 * Splits a file of big-endian UMP words into messages, checking each message's size against
 * its message type. Throws BinaryUmpError with the byte offset of the first problem.
 */
export function readBinaryUmp(bytes: Uint8Array): UmpMessageToSend[] {
  if (bytes.length === 0) throw new BinaryUmpError('the file is empty: it holds no UMP words', 0);
  if (bytes.length % 4 !== 0) {
    const tail = bytes.length - (bytes.length % 4);
    throw new BinaryUmpError(
      `the file is ${bytes.length} bytes, not a whole number of 32-bit UMP words: ${bytes.length % 4} byte(s) left over at byte offset ${tail}`,
      tail,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wordCount = bytes.length / 4;
  const messages: UmpMessageToSend[] = [];
  for (let index = 0; index < wordCount;) {
    const first = view.getUint32(index * 4, false);
    const messageType = first >>> 28;
    const size = wordCountForMessageType(messageType);
    if (index + size > wordCount) {
      throw new BinaryUmpError(
        `the message at byte offset ${index * 4} (first word 0x${first.toString(16).toUpperCase().padStart(8, '0')}, message type 0x${messageType.toString(16).toUpperCase()}) needs ${size} words but the file ends after ${wordCount - index}`,
        index * 4,
      );
    }
    const words = new Uint32Array(size);
    for (let word = 0; word < size; word++) words[word] = view.getUint32((index + word) * 4, false);
    messages.push({ words, line: 0 });
    index += size;
  }
  return messages;
}
