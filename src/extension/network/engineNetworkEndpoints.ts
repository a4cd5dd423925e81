// Every network session becomes an engine endpoint ('midiscope://network/<localId>') while it is
// open: what connections send on it goes out as UMP Data, what the peer sends is delivered to
// every open connection on it, and the endpoint goes away when the session ends.
import type * as Engine from '../../engine';
import type { NetworkSession } from '../../transports/network';
import type { SessionEndpointPublisher } from './networkManager';

export class EngineNetworkEndpoints implements SessionEndpointPublisher {
  private readonly transport: Engine.MidiJsTransport;
  private readonly sessions = new Map<string, NetworkSession>();

  constructor(engine: typeof Engine) {
    this.transport = engine.MidiTransports.registerJsTransport('network', {
      onSend: (endpointDeviceId, words, _timestamps, messageCount) => {
        const session = this.sessions.get(endpointDeviceId);
        if (session && messageCount > 0) session.sendUmp(words);
      },
    });
  }

  /** Publishes `session`; returns its endpointDeviceId. */
  publish(session: NetworkSession, localId: string): string {
    const id = this.transport.addEndpoint({
      localId,
      name: session.peer.endpointName || `${session.remote.address}:${session.remote.port}`,
      description: `Network MIDI 2.0 ${session.role} session with ${session.remote.address}:${session.remote.port}`,
      uniqueId: `${session.peer.productInstanceId}@${session.remote.address}:${session.remote.port}/${localId}`,
      protocol: 'midi2',
      details: [
        ['remote', `${session.remote.address}:${session.remote.port}`],
        ['role', session.role],
      ],
    });
    this.sessions.set(id, session);
    session.listen({
      ump: (words) => {
        this.transport.deliver(id, words);
      },
      changed: () => {
        if (session.state === 'closed' && this.sessions.delete(id)) this.transport.removeEndpoint(id);
      },
    });
    return id;
  }

  dispose(): void {
    this.sessions.clear();
    this.transport.dispose();
  }
}
