// Every open connection of this process, by endpoint, so a sender can learn what its send cost
// the receivers: the addon's bufferFull flag says that some receiver dropped messages, this says
// how many and on which endpoint. Not part of Windows MIDI Services' API (its service tells the
// sender nothing more than the flag).
import type { MidiConnectionStatistics } from './types';

interface CountedConnection {
  readonly statistics: MidiConnectionStatistics;
}

export interface MidiEndpointReceiverStatistics {
  /** Open connections on the endpoint: its receivers. */
  openConnections: number;
  /** Messages written into their receive rings, summed. */
  received: number;
  /** Messages they dropped because their ring was full, summed. */
  dropped: number;
}

const openByEndpoint = new Map<string, Set<CountedConnection>>();

/** Counts `connection` as a receiver of the endpoint until the returned function is called. */
export function trackReceiver(endpointDeviceId: string, connection: CountedConnection): () => void {
  let receivers = openByEndpoint.get(endpointDeviceId);
  if (!receivers) openByEndpoint.set(endpointDeviceId, (receivers = new Set()));
  receivers.add(connection);
  return () => {
    receivers.delete(connection);
    if (receivers.size === 0 && openByEndpoint.get(endpointDeviceId) === receivers) {
      openByEndpoint.delete(endpointDeviceId);
    }
  };
}

/**
 * What every open connection of this process on `endpointDeviceId` received and dropped so far.
 * Take it before and after a send to see what that send's bufferFull flag stands for.
 */
export function endpointReceiverStatistics(endpointDeviceId: string): MidiEndpointReceiverStatistics {
  const totals = { openConnections: 0, received: 0, dropped: 0 };
  for (const connection of openByEndpoint.get(endpointDeviceId) ?? []) {
    const { received, dropped } = connection.statistics;
    totals.openConnections++;
    totals.received += received;
    totals.dropped += dropped;
  }
  return totals;
}
