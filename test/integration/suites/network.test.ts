// The Network MIDI 2.0 host and client from the commands, in the real extension host, on
// 127.0.0.1: every authentication mode (the host's secret in SecretStorage), the tree, UMP both
// ways, Bye, a refused invitation, and inviting again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { NetworkCommandResult } from '../../../src/extension/network/networkCommands';
import { midiScope, waitFor } from './extensionTestSupport';

function run(command: string, argument?: unknown): Thenable<NetworkCommandResult> {
  return vscode.commands.executeCommand<NetworkCommandResult>(command, argument);
}

async function configureHost(authentication: string, userName = ''): Promise<void> {
  const config = vscode.workspace.getConfiguration('midiScope.network.host');
  await config.update('port', 0, vscode.ConfigurationTarget.Global);
  await config.update('authentication', authentication, vscode.ConfigurationTarget.Global);
  await config.update('userName', userName, vscode.ConfigurationTarget.Global);
}

describe('extension: Network MIDI 2.0', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;

  before(async () => {
    api = await midiScope();
  });

  afterEach(async () => {
    await run('midiScope.network.stopHost');
    for (const client of [...api.network.clients]) await api.network.removeClient(client);
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('midiScope.network.host');
    for (const key of ['port', 'authentication', 'userName'])
      await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  for (const mode of ['none', 'sharedSecret', 'user'] as const) {
    it(`host and client from the commands, authentication ${mode}: UMP both ways, then Bye`, async () => {
      await configureHost(mode, mode === 'user' ? 'ada' : '');
      if (mode !== 'none') assert.equal((await run('midiScope.network.setHostSecret', 'päss-w0rd')).ok, true);
      const started = await run('midiScope.network.startHost');
      assert.equal(started.ok, true, started.error);
      assert.equal(started.address, '127.0.0.1');
      const credentials =
        mode === 'sharedSecret'
          ? { secret: 'päss-w0rd' }
          : mode === 'user'
            ? { userName: 'ada', password: 'päss-w0rd' }
            : {};
      const connected = await run('midiScope.network.connect', {
        address: '127.0.0.1',
        port: started.port,
        ...credentials,
      });
      assert.equal(connected.ok, true, connected.error);
      const host = api.network.host!;
      await waitFor('the host session', () => host.sessions.length === 1);
      const client = api.network.clients[0];
      assert.equal(client.state, 'established');
      const fromClient: number[] = [];
      const fromHost: number[] = [];
      host.sessions[0].listen({ ump: (words) => fromClient.push(...words) });
      client.session!.listen({ ump: (words) => fromHost.push(...words) });
      client.session!.sendUmp(Uint32Array.of(0x20903c64, 0x40903c00, 0xffff0000));
      host.sessions[0].sendUmp(Uint32Array.of(0x20803c00));
      await waitFor('UMP both ways', () => fromClient.length === 3 && fromHost.length === 1);
      assert.deepEqual(fromClient, [0x20903c64, 0x40903c00, 0xffff0000]);
      const hostSession = host.sessions[0];
      // A row that is not a session (a counter row) ends nothing, rather than some other session.
      const notASession = await run('midiScope.network.endSession', {
        kind: 'detail',
        label: 'UMP',
        description: 'in 1 · out 3',
      });
      assert.deepEqual(notASession, { ok: false, error: 'not a network session' });
      assert.equal(hostSession.state, 'established');
      assert.equal(client.state, 'established');
      assert.equal((await run('midiScope.network.endSession', { kind: 'client', client })).ok, true);
      await waitFor('the host to hear Bye', () => hostSession.state === 'closed');
      assert.equal(hostSession.end?.reason, 0x01);
      assert.equal(client.state, 'ended');
    });
  }

  it('a wrong secret is refused and listed among the host refusals; the right one, remembered in SecretStorage, invites again', async () => {
    await configureHost('sharedSecret');
    await run('midiScope.network.setHostSecret', 'right');
    const started = await run('midiScope.network.startHost');
    const refused = await run('midiScope.network.connect', {
      address: '127.0.0.1',
      port: started.port,
      secret: 'wrong',
    });
    assert.equal(refused.ok, false);
    assert.match(refused.error ?? '', /authentication failed \(0x43\)|canceled/);
    await waitFor('the refusal at the host', () => (api.network.host?.refusals.length ?? 0) > 0);
    assert.match(api.network.host!.refusals[0].what, /incorrect digest/);
    await api.network.removeClient(api.network.clients[0]);
    const accepted = await run('midiScope.network.connect', {
      address: '127.0.0.1',
      port: started.port,
      secret: 'right',
      remember: true,
    });
    assert.equal(accepted.ok, true, accepted.error);
    // Remembered in SecretStorage: a second client invites without being given the secret.
    const client = api.network.clients[0];
    await client.disconnect();
    assert.equal((await run('midiScope.network.invite', { kind: 'client', client })).ok, true);
    assert.equal(client.state, 'established');
  });
});
