// "Nothing else arrived" without waiting a fixed time: immediate sends on one connection arrive
// in order, so once a marker sent last has arrived, everything sent before it has too.
import type { MidiEndpointConnection } from '../../../../src/engine';
import type { ReceivedLog, ReceivedMessage } from './receivedLog';
import { waitFor } from './waitFor';

/** A utility JR Timestamp message, which no test sends for any other reason. */
export const markerWord = 0x0020_1234;

/** Sends the marker from `sender`, waits for it in `log` and returns what arrived before it. */
export async function messagesBeforeMarker(
  sender: MidiEndpointConnection,
  log: ReceivedLog,
): Promise<ReceivedMessage[]> {
  const seen = log.messages.length;
  const result = sender.sendSingleMessageWords(0, markerWord);
  if (result !== 0) throw new Error(`the marker could not be sent: result 0x${result.toString(16)}`);
  await waitFor(() => log.messages.slice(seen).some((m) => m.words[0] === markerWord), 'the marker message');
  const markerAt = log.messages.findIndex((m, index) => index >= seen && m.words[0] === markerWord);
  return log.messages.slice(0, markerAt);
}
