// Both roles against each other on 127.0.0.1: every authentication mode, refusals with the spec's
// Bye reasons, UMP both ways, Session Reset, Bye, a silent peer, and inviting again.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  ByeReason,
  InvitationError,
  NetworkClient,
  NetworkHost,
  type CredentialRequest,
  type Credentials,
  type HostAuthentication,
} from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { keptLog, lossyRelay, numberedMessages, receiveFrom } from './support/networkTestKit';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.splice(0)) await close();
});

async function startHost(
  authentication: HostAuthentication,
  extra: Partial<Parameters<typeof NetworkHost.start>[0]> = {},
) {
  const log = keptLog();
  const host = await NetworkHost.start({
    endpointName: 'Scope Host',
    productInstanceId: 'HOST-1',
    authentication,
    log,
    session: { pingIntervalMs: 200, pingAttempts: 50 },
    ...extra,
  });
  closers.push(() => host.close());
  return { host, log };
}

async function startClient(
  port: number,
  credentials?: (request: CredentialRequest) => Promise<Credentials | undefined>,
  extra: Partial<Parameters<typeof NetworkClient.create>[0]> = {},
) {
  const log = keptLog();
  const client = await NetworkClient.create({
    endpointName: 'Scope Client ✓',
    productInstanceId: 'CLIENT-7',
    host: { address: '127.0.0.1', port },
    credentials,
    invitationTimeoutMs: 300,
    log,
    session: { pingIntervalMs: 200, pingAttempts: 50 },
    ...extra,
  });
  closers.push(() => client.close());
  return { client, log };
}

async function exchange(host: NetworkHost, client: NetworkClient): Promise<void> {
  const clientSession = await client.connect();
  await waitFor(() => host.sessions.length === 1, 'the host to list the session');
  const hostSession = host.sessions[0];
  assert.equal(hostSession.peer.endpointName, 'Scope Client ✓');
  assert.equal(hostSession.peer.productInstanceId, 'CLIENT-7');
  assert.equal(clientSession.peer.endpointName, 'Scope Host');
  const atHost = receiveFrom(hostSession);
  const atClient = receiveFrom(clientSession);
  const out = numberedMessages(100);
  assert.equal(clientSession.sendUmp(out), 100);
  assert.equal(hostSession.sendUmp(numberedMessages(10, 500)), 10);
  await waitFor(() => atHost.messages === 100 && atClient.messages === 10, 'UMP both ways');
  assert.deepEqual(atHost.words, Array.from(out));
  assert.deepEqual(atClient.words, Array.from(numberedMessages(10, 500)));
  await waitFor(
    () => clientSession.rttMs !== undefined && hostSession.rttMs !== undefined,
    'an RTT from pings on both sides',
  );
}

void describe('network sessions on 127.0.0.1', () => {
  void it('without authentication: invite, UMP both ways, RTT, Bye ends both sides with its reason', async () => {
    const { host } = await startHost({ mode: 'none' });
    const { client } = await startClient(host.local.port);
    await exchange(host, client);
    const hostSession = host.sessions[0];
    await client.disconnect();
    await waitFor(() => hostSession.state === 'closed', 'the host session to close on Bye');
    assert.deepEqual(hostSession.end, { reason: ByeReason.UserTerminated, byPeer: true, text: '' });
    assert.equal(host.sessions.length, 0);
    assert.equal(host.endedSessions[0], hostSession);
    assert.equal(client.state, 'ended');
  });

  void it('with a shared secret: the client is asked, answers with the digest, is accepted', async () => {
    const { host } = await startHost({ mode: 'sharedSecret', secret: 'tr0ub4dor' });
    const asked: CredentialRequest[] = [];
    const { client } = await startClient(host.local.port, (request) => {
      asked.push(request);
      return Promise.resolve({ secret: 'tr0ub4dor' });
    });
    await exchange(host, client);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].kind, 'sharedSecret');
    assert.equal(asked[0].retry, false);
    assert.equal(asked[0].host.endpointName, 'Scope Host');
  });

  void it('with a user and password: accepted for the right pair', async () => {
    const { host } = await startHost({ mode: 'user', users: [{ name: 'ada', password: 'pässwörd' }] });
    const { client } = await startClient(host.local.port, (request) =>
      Promise.resolve(request.kind === 'user' ? { userName: 'ada', password: 'pässwörd' } : undefined),
    );
    await exchange(host, client);
  });

  void it('a wrong secret is asked again, then refused with Bye 0x43, and logged', async () => {
    const { host, log } = await startHost(
      { mode: 'sharedSecret', secret: 'right' },
      { maxAuthenticationAttempts: 2 },
    );
    const asked: CredentialRequest[] = [];
    const { client } = await startClient(host.local.port, (request) => {
      asked.push(request);
      return Promise.resolve({ secret: 'wrong' });
    });
    await assert.rejects(client.connect(), (error: unknown) => {
      assert.ok(error instanceof InvitationError);
      assert.equal(error.byeReason, ByeReason.AuthenticationFailed);
      assert.match(error.message, /authentication failed \(0x43\)/);
      return true;
    });
    assert.deepEqual(
      asked.map((request) => request.retry),
      [false, true],
    );
    assert.equal(host.sessions.length, 0);
    assert.ok(
      log.lines.some((line) => /incorrect digest/.test(line) && line.startsWith('warn')),
      log.lines.join('\n'),
    );
    assert.match(host.refusals[0].what, /Bye invitation rejected: authentication failed \(0x43\)/);
  });

  void it('an unknown user is refused with Bye 0x44', async () => {
    const { host } = await startHost(
      { mode: 'user', users: [{ name: 'ada', password: 'x' }] },
      { maxAuthenticationAttempts: 1 },
    );
    const { client } = await startClient(host.local.port, () =>
      Promise.resolve({ userName: 'bob', password: 'x' }),
    );
    await assert.rejects(
      client.connect(),
      (error: InvitationError) => error.byeReason === ByeReason.UserNameNotFound,
    );
  });

  void it('a client that cannot authenticate is refused with Bye 0x45 (no matching method)', async () => {
    const { host } = await startHost({ mode: 'sharedSecret', secret: 's' });
    const { client } = await startClient(host.local.port);
    await assert.rejects(
      client.connect(),
      (error: InvitationError) => error.byeReason === ByeReason.NoMatchingAuthenticationMethod,
    );
  });

  void it('canceling the prompt ends the invitation with Bye 0x80 and the host forgets it', async () => {
    const { host, log } = await startHost({ mode: 'sharedSecret', secret: 's' });
    const { client } = await startClient(host.local.port, () => Promise.resolve(undefined));
    await assert.rejects(
      client.connect(),
      (error: InvitationError) => error.byeReason === ByeReason.InvitationCanceled,
    );
    await waitFor(
      () => log.lines.some((line) => /canceled its invitation/.test(line)),
      'the host to log the cancel',
    );
  });

  void it('too many sessions: Bye 0x40', async () => {
    const { host } = await startHost({ mode: 'none' }, { maxSessions: 1 });
    const { client: first } = await startClient(host.local.port);
    await first.connect();
    const { client: second } = await startClient(host.local.port);
    await assert.rejects(
      second.connect(),
      (error: InvitationError) => error.byeReason === ByeReason.TooManyOpenSessions,
    );
  });

  void it('a host that asks the user answers Pending, then accepts or refuses with Bye 0x42', async () => {
    let answer: (yes: boolean) => void = () => undefined;
    const { host } = await startHost(
      { mode: 'none' },
      { confirmInvitation: () => new Promise((resolve) => (answer = resolve)) },
    );
    const { client } = await startClient(host.local.port);
    const connecting = client.connect();
    await waitFor(() => client.state === 'pending', 'the client to see Pending');
    answer(true);
    await connecting;
    const { client: other } = await startClient(host.local.port);
    const refused = other.connect();
    await waitFor(() => other.state === 'pending', 'the second client to see Pending');
    answer(false);
    await assert.rejects(
      refused,
      (error: InvitationError) => error.byeReason === ByeReason.InvitationRejectedByUser,
    );
  });

  void it('Session Reset starts the sequence numbers again and UMP still flows', async () => {
    const { host } = await startHost({ mode: 'none' });
    const { client } = await startClient(host.local.port);
    const clientSession = await client.connect();
    await waitFor(() => host.sessions.length === 1, 'the session at the host');
    const atHost = receiveFrom(host.sessions[0]);
    clientSession.sendUmp(numberedMessages(50));
    await waitFor(() => atHost.messages === 50, 'the first 50');
    await clientSession.reset();
    assert.equal(clientSession.state, 'established');
    clientSession.sendUmp(numberedMessages(50, 50));
    await waitFor(() => atHost.messages === 100, 'the next 50 after the reset');
    assert.deepEqual(atHost.words, Array.from(numberedMessages(100)));
    assert.equal(host.sessions[0].counters.lost, 0);
    assert.equal(host.sessions[0].counters.duplicates >= 0, true);
  });

  void it('a silent host: pings go unanswered, the client ends with Bye 0x04 (timeout), then invites again', async () => {
    const quick = { pingIntervalMs: 40, pingAttempts: 3 };
    const { host } = await startHost({ mode: 'none' }, { session: quick });
    const relay = await lossyRelay(host.local.port, { seed: 1, randomRate: 0, burstRate: 0, burstLength: 0 });
    closers.push(() => relay.close());
    const { client } = await startClient(relay.port, undefined, { session: quick });
    const first = await client.connect();
    relay.silence();
    await waitFor(() => first.state === 'closed', 'the client session to time out');
    assert.deepEqual(first.end, { reason: ByeReason.Timeout, byPeer: false, text: 'no reply to pings' });
    assert.ok(first.counters.pingsMissed >= 3);
    assert.match(client.lastProblem ?? '', /timeout: too many missing pings \(0x04\)/);
    assert.equal(client.state, 'ended');
    // The host timed its side out too; once the path is back, the same client invites again.
    await waitFor(() => host.sessions.length === 0, 'the host to drop its side');
    assert.equal(host.endedSessions[0].end?.reason, ByeReason.Timeout);
    relay.heal();
    const relayHealed = await lossyRelay(host.local.port, {
      seed: 1,
      randomRate: 0,
      burstRate: 0,
      burstLength: 0,
    });
    closers.push(() => relayHealed.close());
    const { client: again } = await startClient(relayHealed.port, undefined, { session: quick });
    const second = await again.connect();
    await waitFor(() => host.sessions.length === 1, 'a new host session');
    const atHost = receiveFrom(host.sessions[0]);
    second.sendUmp(numberedMessages(3));
    await waitFor(() => atHost.messages === 3, 'UMP on the new session');
  });

  void it('a lost session is re-invited by the same client', async () => {
    const { host } = await startHost({ mode: 'none' });
    const { client } = await startClient(host.local.port);
    const first = await client.connect();
    await waitFor(() => host.sessions.length === 1, 'the session at the host');
    // The host forgets the session (a restart): the client's next UMP gets a NAK and its session ends.
    host.sessions[0].dispose();
    first.sendUmp(numberedMessages(1));
    await waitFor(() => first.state === 'closed', 'the client to learn its session is gone');
    assert.equal(first.end?.reason, ByeReason.SessionNotEstablished);
    const second = await client.connect();
    await waitFor(() => host.sessions.length === 1, 'the new session at the host');
    const atHost = receiveFrom(host.sessions[0]);
    second.sendUmp(numberedMessages(5));
    await waitFor(() => atHost.messages === 5, 'UMP on the re-invited session');
    assert.deepEqual(atHost.words, Array.from(numberedMessages(5)));
  });

  void it('the host stopping says Bye 0x02 (power down) to its clients', async () => {
    const { host } = await startHost({ mode: 'none' });
    const { client } = await startClient(host.local.port);
    const session = await client.connect();
    await host.close();
    await waitFor(() => session.state === 'closed', 'the client to hear Bye');
    assert.deepEqual(session.end, { reason: ByeReason.PowerDown, byPeer: true, text: 'host stopped' });
  });
});
