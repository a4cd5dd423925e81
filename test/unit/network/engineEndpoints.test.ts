// Network sessions as engine endpoints: a connection on the client's endpoint sends, the host's
// endpoint receives it through the network on 127.0.0.1, and the endpoint goes when the session ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineNetworkEndpoints } from '../../../src/extension/network/engineNetworkEndpoints';
import { NetworkClient, NetworkHost } from '../../../src/transports/network';
import { loadEngine } from '../engine/support/engine';
import { waitFor } from '../engine/support/waitFor';

const engine = loadEngine();

void describe('network sessions as engine endpoints', () => {
  void it('a send on the client endpoint reaches connections on the host endpoint; Bye removes both', async () => {
    const endpoints = new EngineNetworkEndpoints(engine);
    const host = await NetworkHost.start({ endpointName: 'Engine Host', productInstanceId: 'EH' });
    const client = await NetworkClient.create({
      endpointName: 'Engine Client',
      productInstanceId: 'EC',
      host: { address: '127.0.0.1', port: host.local.port },
    });
    const hostIds: string[] = [];
    host.onSession((session) => hostIds.push(endpoints.publish(session, `host/${session.id}`)));
    const clientId = endpoints.publish(await client.connect(), 'client-1/client-1');
    await waitFor(() => hostIds.length === 1, 'the host endpoint');
    assert.equal(clientId, 'midiscope://network/client-1%2Fclient-1');
    const listed = engine.MidiEndpointDeviceInformation.findAll().map((info) => info.endpointDeviceId);
    assert.ok(listed.includes(clientId) && listed.includes(hostIds[0]), listed.join(', '));
    const session = engine.MidiSession.create('network endpoints test');
    const sender = session.createEndpointConnection(clientId);
    const receiver = session.createEndpointConnection(hostIds[0]);
    const received: number[] = [];
    receiver.onMessagesReceived(({ words }) => received.push(...words));
    sender.open();
    receiver.open();
    assert.ok(
      engine.MidiEndpointConnection.sendMessageSucceeded(sender.sendSingleMessageWords(0, 0x20903c64)),
    );
    assert.ok(
      engine.MidiEndpointConnection.sendMessageSucceeded(
        sender.sendSingleMessageWords(0, 0x40903c00, 0xffff0000),
      ),
    );
    await waitFor(() => received.length === 3, 'the messages at the host endpoint');
    assert.deepEqual(received, [0x20903c64, 0x40903c00, 0xffff0000]);
    await client.disconnect();
    await waitFor(
      () =>
        !engine.MidiEndpointDeviceInformation.findAll().some(
          (info) => info.endpointDeviceId === clientId || info.endpointDeviceId === hostIds[0],
        ),
      'both endpoints removed after Bye',
    );
    session.close();
    await client.close();
    await host.close();
    endpoints.dispose();
  });
});
