// Joins the chunks of Property Exchange messages into whole transactions: one per source MUID,
// message type and request id. The header (JSON, first chunk) and the body (the chunks' data in
// order) are parsed when the last chunk arrives. Out-of-order chunks, a header or body that is not
// JSON, and a chunk larger than the receiver said it can take are problems, never exceptions.
import { bytesToAscii } from './midiCiBytes';
import {
  midiCiMessageNames,
  type MidiCiMessage,
  type MidiCiProblem,
  type PropertyExchangeChunk,
} from './midiCiTypes';

export interface PropertyExchangeTransaction {
  messageType: number;
  sourceMuid: number;
  destinationMuid: number;
  requestId: number;
  headerText: string;
  /** The header parsed, when it is a JSON object. */
  header?: Record<string, unknown>;
  body: Uint8Array;
  bodyText: string;
  /** The body parsed, when the header does not name another media type and it is JSON. */
  bodyJson?: unknown;
  chunkCount: number;
  problems: MidiCiProblem[];
}

interface Open {
  headerText: string;
  pieces: Uint8Array[];
  nextChunk: number;
  problems: MidiCiProblem[];
}

export interface PropertyExchangeAssemblerOptions {
  /** The largest SysEx (F0/F7 included) the receiver with this MUID declared, when known. */
  maxSysExSizeOf?: (muid: number) => number | undefined;
}

export class PropertyExchangeAssembler {
  private readonly open = new Map<string, Open>();

  constructor(private readonly options: PropertyExchangeAssemblerOptions = {}) {}

  /**
   * Takes one parsed PE message and its SysEx body length; returns the transaction when this was
   * its last chunk (or a lone chunk that cannot continue one), else undefined.
   */
  push(
    message: MidiCiMessage & PropertyExchangeChunk,
    sysExBytes: number,
  ): PropertyExchangeTransaction | undefined {
    const key = `${message.sourceMuid}:${message.messageType}:${message.requestId}`;
    const name = midiCiMessageNames[message.messageType] ?? 'Property Exchange';
    let current = this.open.get(key);
    if (message.chunkNumber === 1 || current === undefined) {
      const problems: MidiCiProblem[] = [];
      if (current !== undefined) {
        problems.push({
          code: 'chunk',
          message: `${name} request ${message.requestId}: a new chunk 1 came before chunk ${current.nextChunk}; the earlier chunks were dropped`,
        });
      }
      if (message.chunkNumber !== 1) {
        problems.push({
          code: 'chunk',
          message: `${name} request ${message.requestId}: chunk ${message.chunkNumber} came with no chunk 1 before it`,
        });
      }
      current = {
        headerText: bytesToAscii(message.header),
        pieces: [],
        nextChunk: message.chunkNumber,
        problems,
      };
      this.open.set(key, current);
    }
    if (message.chunkNumber !== current.nextChunk) {
      current.problems.push({
        code: 'chunk',
        message: `${name} request ${message.requestId}: chunk ${message.chunkNumber} came where chunk ${current.nextChunk} was due`,
      });
    }
    const max = this.options.maxSysExSizeOf?.(message.destinationMuid);
    if (max !== undefined && max > 0 && sysExBytes + 2 > max) {
      current.problems.push({
        code: 'tooLarge',
        message: `${name} request ${message.requestId}: chunk ${message.chunkNumber} is ${sysExBytes + 2} bytes, the receiver takes at most ${max}`,
      });
    }
    current.pieces.push(message.data);
    current.nextChunk = message.chunkNumber + 1;
    const last = message.chunkCount !== 0 && message.chunkNumber >= message.chunkCount;
    if (!last) return undefined;
    this.open.delete(key);
    return finish(message, current, name);
  }

  /** Transactions still waiting for chunks. */
  get openCount(): number {
    return this.open.size;
  }
}

function finish(
  message: MidiCiMessage & PropertyExchangeChunk,
  open: Open,
  name: string,
): PropertyExchangeTransaction {
  const length = open.pieces.reduce((sum, piece) => sum + piece.length, 0);
  const body = new Uint8Array(length);
  let at = 0;
  for (const piece of open.pieces) {
    body.set(piece, at);
    at += piece.length;
  }
  const problems = [...open.problems];
  const transaction: PropertyExchangeTransaction = {
    messageType: message.messageType,
    sourceMuid: message.sourceMuid,
    destinationMuid: message.destinationMuid,
    requestId: message.requestId,
    headerText: open.headerText,
    body,
    bodyText: bytesToAscii(body),
    chunkCount: open.pieces.length,
    problems,
  };
  const header = parseJson(open.headerText, `${name} request ${message.requestId}: the header`, problems);
  if (header !== undefined && (typeof header !== 'object' || header === null || Array.isArray(header))) {
    problems.push({
      code: 'json',
      message: `${name} request ${message.requestId}: the header is JSON but not an object`,
    });
  } else if (header !== undefined) {
    transaction.header = header as Record<string, unknown>;
  }
  const mediaType = transaction.header?.mediaType;
  const encoding = transaction.header?.mutualEncoding;
  const jsonBody =
    (mediaType === undefined || mediaType === 'application/json') &&
    (encoding === undefined || encoding === 'ASCII');
  if (jsonBody && body.length > 0) {
    const parsed = parseJson(
      transaction.bodyText,
      `${name} request ${message.requestId}: the body`,
      problems,
    );
    if (parsed !== undefined) transaction.bodyJson = parsed;
  }
  return transaction;
}

function parseJson(text: string, what: string, problems: MidiCiProblem[]): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'json', message: `${what} is not JSON: ${reason}` });
    return undefined;
  }
}
