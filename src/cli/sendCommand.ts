// `midi-scope send ENDPOINT HEX|FILE`: hex as the editor's send commands read it (words, byte
// groups, array literals, comments), from the arguments or a .ump text file; any other file is
// read as binary words, most significant byte first.
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseUmpHex } from '../ump';
import type { EngineModule } from '../testing';
import { resolveEndpoint } from './endpointArgument';
import { UsageError } from './usageError';

export function wordsToSend(args: readonly string[]): { words: Uint32Array; source: string } {
  if (args.length === 1 && existsSync(args[0]) && extname(args[0]).toLowerCase() !== '.ump') {
    const bytes = readFileSync(args[0]);
    if (bytes.length % 4 !== 0)
      throw new UsageError(`${args[0]}: ${bytes.length} bytes is not a whole number of 32-bit words`);
    const words = new Uint32Array(bytes.length / 4);
    for (let index = 0; index < words.length; index++) words[index] = bytes.readUInt32BE(index * 4);
    return { words, source: args[0] };
  }
  const fromFile = args.length === 1 && existsSync(args[0]);
  const text = fromFile ? readFileSync(args[0], 'utf8') : args.join(' ');
  const source = fromFile ? args[0] : 'the arguments';
  const parsed = parseUmpHex(text);
  if (!parsed.ok) {
    const { error } = parsed;
    throw new UsageError(
      `${source}:${error.line}:${error.column}: ${error.message} (expected ${error.expected})`,
    );
  }
  const words = new Uint32Array(parsed.wordCount);
  let at = 0;
  for (const message of parsed.messages) {
    words.set(message.words, at);
    at += message.words.length;
  }
  return { words, source };
}

/** Sends; false when the engine refused a message (its reason is printed). */
export function sendWords(
  engine: EngineModule,
  endpointArgument: string,
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): boolean {
  const endpoint = resolveEndpoint(engine, endpointArgument);
  const { words } = wordsToSend(args);
  const session = engine.MidiSession.create('midi-scope send');
  try {
    const connection = session.createEndpointConnection(endpoint.endpointDeviceId);
    if (!connection.open()) {
      err(`could not open ${endpoint.name}\n`);
      return false;
    }
    const sent = connection.sendMultipleMessagesWordList(0, words);
    if (!engine.MidiEndpointConnection.sendMessageSucceeded(sent.result)) {
      err(
        `send to ${endpoint.name} failed after ${sent.messagesSent} messages: ${engine.describeSendResult(sent.result).join(', ')}\n`,
      );
      return false;
    }
    out(`sent ${sent.messagesSent} messages (${sent.wordsSent} words) to ${endpoint.name}\n`);
    return true;
  } finally {
    session.close();
  }
}
