// A lost Accepted: the client invites again from the same address. The host answers Accepted again
// and keeps the session it opened (nothing else has arrived on it yet), so whoever already holds that
// session keeps a live one. A client that sent data and then invites again (it restarted) gets a
// new session instead.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { after, describe, it } from 'node:test';
import {
  CommandCode,
  NetworkClient,
  NetworkHost,
  type NetworkSession,
} from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { keptLog, numberedMessages, receiveFrom } from './support/networkTestKit';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Forwards between a client and the host on 127.0.0.1, dropping exactly the host's first Accepted. */
async function relayDroppingFirstReply(
  hostPort: number,
): Promise<{ port: number; droppedReplies: () => number }> {
  const front = dgram.createSocket('udp4');
  const back = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => back.bind(0, '127.0.0.1', resolve));
  let client: { address: string; port: number } | undefined;
  let dropped = 0;
  front.on('message', (bytes, info) => {
    client = { address: info.address, port: info.port };
    back.send(bytes, hostPort, '127.0.0.1');
  });
  back.on('message', (bytes) => {
    if (!client) return;
    // The first command follows the 4-byte signature; the session may send (a ping) before Accepted.
    if (dropped === 0 && bytes[4] === CommandCode.InvitationReplyAccepted) {
      dropped++;
      return;
    }
    front.send(bytes, client.port, client.address);
  });
  closers.push(() => {
    front.close();
    back.close();
    return Promise.resolve();
  });
  return { port: front.address().port, droppedReplies: () => dropped };
}

void describe('a repeated invitation', () => {
  void it('after a lost Accepted keeps the first session: Accepted again, data both ways on it', async () => {
    const host = await NetworkHost.start({
      endpointName: 'Repeat Host',
      productInstanceId: 'R1',
      log: keptLog(),
    });
    closers.push(() => host.close());
    const opened: NetworkSession[] = [];
    host.onSession((session) => opened.push(session));
    const relay = await relayDroppingFirstReply(host.local.port);
    const client = await NetworkClient.create({
      endpointName: 'Repeat Client',
      productInstanceId: 'R2',
      host: { address: '127.0.0.1', port: relay.port },
      invitationTimeoutMs: 100,
      invitationAttempts: 20,
      log: keptLog(),
    });
    closers.push(() => client.close());
    const atClient = await client.connect();
    assert.equal(relay.droppedReplies(), 1);
    assert.equal(opened.length, 1, 'the host opened one session, not one per invitation');
    const first = opened[0];
    assert.equal(first.state, 'established');
    assert.deepEqual(host.sessions, [first]);

    const atHost = receiveFrom(first);
    const back = receiveFrom(atClient);
    atClient.sendUmp(numberedMessages(10));
    first.sendUmp(numberedMessages(10, 100));
    await waitFor(() => atHost.messages === 10 && back.messages === 10, 'ten messages each way');
    assert.deepEqual(atHost.words, Array.from(numberedMessages(10)));
    assert.deepEqual(back.words, Array.from(numberedMessages(10, 100)));
  });
});
