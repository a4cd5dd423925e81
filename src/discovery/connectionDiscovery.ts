// Endpoint discovery over an engine connection: opens one on the endpoint, feeds it everything
// received and sends through it. The connection stays open after the result is complete so that
// later notifications keep updating it; dispose() closes it.
import type { MidiEndpointConnection, MidiSession } from '../engine';
import { EndpointDiscovery, type EndpointDiscoveryOptions } from './endpointDiscovery';
import { forEachUmp } from './umpMessages';

export interface ConnectionDiscovery {
  discovery: EndpointDiscovery;
  connection: MidiEndpointConnection;
  dispose(): void;
}

/** Starts discovery on `endpointDeviceId`; throws when the endpoint cannot be opened. */
export function discoverEndpoint(
  session: MidiSession,
  endpointDeviceId: string,
  options: Omit<EndpointDiscoveryOptions, 'send'> = {},
): ConnectionDiscovery {
  const connection = session.createEndpointConnection(endpointDeviceId);
  const discovery = new EndpointDiscovery({
    ...options,
    send: (words) =>
      (connection.sendSingleMessageWordArray(0, 0, words.length, words) & 0x80000000) === 0 &&
      connection.isOpen,
  });
  const subscription = connection.onMessagesReceived((batch) =>
    forEachUmp(batch.words, (offset) => discovery.receive(batch.words, offset)),
  );
  if (!connection.open()) {
    subscription.dispose();
    session.disconnectEndpointConnection(connection.connectionId);
    throw new Error(`could not open the endpoint ${endpointDeviceId} for discovery`);
  }
  discovery.start();
  return {
    discovery,
    connection,
    dispose: () => {
      discovery.dispose();
      subscription.dispose();
      session.disconnectEndpointConnection(connection.connectionId);
    },
  };
}
