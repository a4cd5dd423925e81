// Sends MIDI 1.0 channel voice messages out of an endpoint at a steady rate: every millisecond or
// so it sends, in one call, as many as are due since the start. Pacing by elapsed time keeps the
// rate right however late the timers fire.
import type { MidiEndpointConnection } from '../../src/engine';

/** One message in this many has a problem (its last data byte is 0xFF). */
export const problemEvery = 500;

/** Note on/off and control changes over 16 channels: varied rows, every one a single word. */
function trafficPattern(size: number): Uint32Array {
  const words = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    const channel = i & 0xf;
    const note = 36 + (i % 48);
    const status = i % 3 === 0 ? 0x90 : i % 3 === 1 ? 0x80 : 0xb0;
    // One message in 500 breaks the spec (a data byte with bit 7 set), so the monitor shows
    // problems as it goes, as it does on a firmware's real traffic.
    const data = i % problemEvery === 0 ? 0xff : i & 0x7f;
    words[i] = ((0x20 << 24) | ((status | channel) << 16) | (note << 8) | data) >>> 0;
  }
  return words;
}

// A multiple of `problemEvery`, so that the pattern wraps without changing the share of problems.
const pattern = trafficPattern(131 * problemEvery);

export interface FeedOutcome {
  sent: number;
  seconds: number;
}

export async function feedAtRate(
  sender: MidiEndpointConnection,
  messagesPerSecond: number,
  seconds: number,
): Promise<FeedOutcome> {
  const total = Math.round(messagesPerSecond * seconds);
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due =
      Math.min(total, Math.floor(((performance.now() - started) * messagesPerSecond) / 1000)) - sent;
    for (let remaining = due; remaining > 0;) {
      // Go on through the pattern where the last call stopped, so that one message in
      // `problemEvery` has a problem however the calls cut it.
      const start = sent % pattern.length;
      const count = Math.min(remaining, pattern.length - start);
      const result = sender.sendMultipleMessagesWordArray(0, start, count, pattern);
      if (result.messagesSent !== count) {
        throw new Error(
          `the engine took ${result.messagesSent} of ${count} messages (result 0x${result.result.toString(16)})`,
        );
      }
      sent += count;
      remaining -= count;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return { sent, seconds: (performance.now() - started) / 1000 };
}
