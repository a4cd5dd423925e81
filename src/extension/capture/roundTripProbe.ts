// Sends N probes out of one endpoint and times each one back in on another (a loopback pair) or
// the same one (a device that echoes): a MIDI 2.0 Assignable Controller on group 15, channel 15,
// bank and index 127, whose data word is the probe's number. Latency = the engine's arrival
// timestamp of the echo − the clock just before the send.
import type { EngineModule } from '../engineHost';

export const probeFirstWord = 0x4f3f7f7f;
const probeMask = 0xf0ffffff;

export interface RoundTripOptions {
  outEndpointDeviceId: string;
  inEndpointDeviceId: string;
  probes: number;
  intervalMs: number;
  /** How long to wait for the last echo after the last send. */
  timeoutMs: number;
}

export interface RoundTripOutcome {
  latenciesUs: number[];
  sent: number;
  /** Probes that never came back within the timeout. */
  lost: number;
  /** Echoes that came back more than once or were not probes of this run. */
  unexpected: number;
}

export async function measureRoundTrip(
  engine: EngineModule,
  options: RoundTripOptions,
  cancelled: () => boolean,
): Promise<RoundTripOutcome> {
  const { MidiClock, MidiSession } = engine;
  const session = MidiSession.create('MIDI Scope round trip');
  try {
    const output = session.createEndpointConnection(options.outEndpointDeviceId);
    const input =
      options.inEndpointDeviceId === options.outEndpointDeviceId
        ? output
        : session.createEndpointConnection(options.inEndpointDeviceId);
    const sentAt = new Float64Array(options.probes).fill(-1);
    const seen = new Uint8Array(options.probes);
    const latenciesUs: number[] = [];
    let unexpected = 0;
    const ticksPerUs = MidiClock.timestampFrequency / 1e6;
    input.onMessagesReceived(({ words, timestamps, messageCount }) => {
      let at = 0;
      for (let i = 0; i < messageCount; i++) {
        const first = words[at];
        const size = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4][first >>> 28];
        if ((first & probeMask) >>> 0 === (probeFirstWord & probeMask) >>> 0 && size === 2) {
          const probe = words[at + 1];
          if (probe < options.probes && sentAt[probe] >= 0 && seen[probe] === 0) {
            seen[probe] = 1;
            latenciesUs.push((timestamps[i] - sentAt[probe]) / ticksPerUs);
          } else unexpected++;
        }
        at += size;
      }
    });
    if (!output.open() || (input !== output && !input.open()))
      throw new Error('an endpoint went away before its connection opened');
    let sent = 0;
    for (; sent < options.probes && !cancelled(); sent++) {
      sentAt[sent] = MidiClock.now();
      output.sendSingleMessageWords(0, probeFirstWord, sent);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
    const deadline = Date.now() + options.timeoutMs;
    while (latenciesUs.length < sent && Date.now() < deadline && !cancelled()) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { latenciesUs, sent, lost: sent - latenciesUs.length, unexpected };
  } finally {
    session.close();
  }
}
