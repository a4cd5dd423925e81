// Injected loss between a client and a host: a relay drops 10 % of datagrams at random and bursts
// of 5, both ways. With FEC and retransmission every UMP arrives exactly once and in order, and the
// counters say how each gap was filled. With retransmission refused by the peer, what FEC cannot
// cover is reported as lost, never hidden, and what arrives is still in order without duplicates.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  NetworkClient,
  NetworkHost,
  type NetworkSession,
  type SessionOptions,
} from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import {
  keptLog,
  lossyRelay,
  numberedMessages,
  receiveFrom,
  type LossyRelay,
} from './support/networkTestKit';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.splice(0)) await close();
});

const robust: Partial<SessionOptions> = {
  fecCount: 3,
  retransmitDepth: 16384,
  retransmitAttempts: 30,
  trailingKeepAlives: 10,
  pingIntervalMs: 500,
  pingAttempts: 20,
};

async function lossyPair(
  seed: number,
  hostSession: Partial<SessionOptions>,
  clientSession: Partial<SessionOptions>,
): Promise<{ client: NetworkSession; host: NetworkSession; relay: LossyRelay }> {
  const host = await NetworkHost.start({
    endpointName: 'Lossy Host',
    productInstanceId: 'L1',
    session: hostSession,
    log: keptLog(),
  });
  closers.push(() => host.close());
  // The loss starts once the session is up: a lost or late Accepted would make the client invite
  // again and the host start a new session, leaving this test holding the old one.
  const relay = await lossyRelay(host.local.port, {
    seed,
    randomRate: 0.1,
    burstRate: 0.02,
    burstLength: 5,
    startHealed: true,
  });
  closers.push(() => relay.close());
  const client = await NetworkClient.create({
    endpointName: 'Lossy Client',
    productInstanceId: 'L2',
    host: { address: '127.0.0.1', port: relay.port },
    invitationTimeoutMs: 2_000,
    invitationAttempts: 50,
    session: clientSession,
    log: keptLog(),
  });
  closers.push(() => client.close());
  const session = await client.connect();
  await waitFor(() => host.sessions.length === 1, 'the host session');
  relay.impair();
  return { client: session, host: host.sessions[0], relay };
}

/** Sends `total` messages in chunks, yielding between them as a real sender would. */
async function sendInChunks(session: NetworkSession, total: number, chunk: number): Promise<void> {
  for (let sent = 0; sent < total; sent += chunk) {
    session.sendUmp(numberedMessages(Math.min(chunk, total - sent), sent));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

void describe('network sessions under injected loss', () => {
  void it('FEC + retransmit: every UMP exactly once, in order, both ways; counters show FEC and retransmit', async () => {
    const { client, host, relay } = await lossyPair(0x5eed, robust, robust);
    const atHost = receiveFrom(host);
    const atClient = receiveFrom(client);
    const total = 6000;
    await Promise.all([sendInChunks(client, total, 20), sendInChunks(host, total, 3)]);
    await waitFor(
      () => atHost.messages === total && atClient.messages === total,
      'every message both ways',
      30_000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}: host got ${atHost.messages}, client got ${atClient.messages}; host ${host.state} ${JSON.stringify(host.counters)}; client ${client.state} ${JSON.stringify(client.counters)}`,
      );
    });
    assert.deepEqual(atHost.words, Array.from(numberedMessages(total)));
    assert.deepEqual(atClient.words, Array.from(numberedMessages(total)));
    assert.ok(relay.dropped.random > 0 && relay.dropped.burst > 0, JSON.stringify(relay.dropped));
    for (const counters of [host.counters, client.counters]) {
      assert.equal(counters.lost, 0);
      assert.ok(counters.fecRecovered > 0, `FEC recovered some: ${JSON.stringify(counters)}`);
      assert.ok(counters.retransmitRecovered > 0, `retransmit recovered some: ${JSON.stringify(counters)}`);
      assert.ok(counters.retransmitRequestsSent > 0);
      assert.ok(counters.duplicates > 0, 'FEC copies of delivered commands were dropped');
    }
    assert.ok(host.counters.retransmittedOut > 0 && client.counters.retransmittedOut > 0);
    assert.equal(atHost.lost.length + atClient.lost.length, 0);
  });

  void it('retransmit refused by the peer: loss beyond FEC is reported as lost, the rest in order', async () => {
    // The client keeps no retransmit buffer: it answers Retransmit Requests with NAK (not supported).
    const { client, host, relay } = await lossyPair(0xfec, { ...robust }, { ...robust, retransmitDepth: 0 });
    const atHost = receiveFrom(host);
    const total = 6000;
    await sendInChunks(client, total, 20);
    await waitFor(() => client.counters.keepAlivesSent >= 10, 'the trailing keep-alives');
    relay.heal();
    await waitFor(
      // Each message sent here is one UMP Data command: once as many commands were lost as
      // messages are missing, every message was delivered or declared lost.
      () => host.counters.lost > 0 && total - atHost.messages <= host.counters.lost,
      'every message delivered or reported lost',
      30_000,
    );
    assert.ok(host.peerRefusesRetransmit, 'the host learned that the client does not retransmit');
    assert.ok(host.counters.lost > 0, `loss beyond FEC is counted: ${JSON.stringify(host.counters)}`);
    assert.ok(atHost.lost.length > 0 && atHost.lost.every((entry) => entry.count > 0));
    assert.ok(host.counters.fecRecovered > 0);
    assert.equal(host.counters.retransmitRecovered, 0);
    // What arrived is in order, with no duplicates: the numbers only go up.
    const numbers = messageNumbers(atHost.words);
    for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i] > numbers[i - 1], `in order at ${i}`);
    // Lost counts UMP Data commands: every missing message is one, and a keep-alive (an empty UMP
    // Data command with its own sequence number, sent while the sender idles) may be one too.
    const missing = total - numbers.length;
    assert.ok(missing > 0 && missing <= host.counters.lost, `${missing} missing, ${host.counters.lost} lost`);
    assert.ok(
      host.counters.lost <= missing + client.counters.keepAlivesSent,
      `${host.counters.lost} lost, ${missing} missing, ${client.counters.keepAlivesSent} keep-alives sent`,
    );
    assert.ok(relay.dropped.burst > 0);
  });
});

/** The running numbers numberedMessages put in each message. */
function messageNumbers(words: number[]): number[] {
  const numbers: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] >>> 28 === 0x4) {
      numbers.push(words[i + 1]);
      i++;
    } else numbers.push(words[i] & 0xffff);
  }
  return numbers;
}
