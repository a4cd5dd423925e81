// The messages a test exchanged, for a monitor to show after the run: every packet it sent (stamped
// when its send began) and every packet each endpoint received (stamped by the engine), in time
// order. Multi-packet messages stay packets here, as a monitor wants them.
import type { OpenEndpoint } from './testEndpoints';

export interface ExchangeMessage {
  /** The file's name for the endpoint (`out`, `synth`, …). */
  endpoint: string;
  direction: 'sent' | 'received';
  words: Uint32Array;
  /** MidiClock ticks. */
  ticks: number;
}

/** Sent packets plus what the endpoints received since `startTicks`, oldest first (sends first on ties). */
export function testExchange(
  sent: readonly ExchangeMessage[],
  endpoints: Iterable<OpenEndpoint>,
  startTicks: number,
): ExchangeMessage[] {
  const received: ExchangeMessage[] = [];
  for (const endpoint of endpoints) {
    for (const item of endpoint.inbox.items) {
      if (item.kind !== 'packet' || item.timestamp < startTicks) continue;
      received.push({
        endpoint: endpoint.alias,
        direction: 'received',
        words: item.words,
        ticks: item.timestamp,
      });
    }
  }
  // A stable sort: sends keep their order, and a send stays before a packet stamped the same tick.
  return [...sent, ...received].sort((a, b) => a.ticks - b.ticks);
}
