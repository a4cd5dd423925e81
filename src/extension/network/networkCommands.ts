// The network commands, from the palette and the network tree's menus. Each returns a result
// object so tests and other extensions can drive them.
import * as vscode from 'vscode';
import { discoverHosts, type NetworkClient, type NetworkSession } from '../../transports/network';
import { describeInvitationFailure, type ConnectArguments, type NetworkManager } from './networkManager';
import type { NetworkSecrets } from './networkSecrets';
import type { NetworkTreeNode } from './networkTreeNodes';
import { readClientSettings, readHostSettings } from './networkSettings';

export interface NetworkCommandResult {
  readonly ok: boolean;
  readonly error?: string;
  readonly address?: string;
  readonly port?: number;
}

function parseAddress(text: string): { address: string; port: number } | string {
  const match = /^\s*(\[[0-9a-fA-F:]+\]|[0-9.]+)\s*:\s*(\d{1,5})\s*$/.exec(text);
  if (!match) return 'write an IP address and a port, for example 127.0.0.1:5673';
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return `port ${port} is not from 1 to 65535`;
  return { address: match[1].replace(/^\[|\]$/g, ''), port };
}

function isConnectArguments(value: unknown): value is ConnectArguments {
  const candidate = value as Partial<ConnectArguments> | undefined;
  return typeof candidate?.address === 'string' && typeof candidate.port === 'number';
}

const enterAddress = 'Enter an address and port…';

/** Browses mDNS for `_midi2._udp` while a quick pick is open; undefined: type an address instead. */
async function pickDiscoveredHost(): Promise<ConnectArguments | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { target?: ConnectArguments }>();
  pick.title = 'Connect to a Network MIDI 2.0 host';
  pick.placeholder = 'Hosts found over mDNS (_midi2._udp) appear here';
  pick.busy = true;
  pick.items = [{ label: enterAddress }];
  const chosen = new Promise<ConnectArguments | undefined | 'typed'>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.target ?? 'typed'));
    pick.onDidHide(() => resolve(undefined));
  });
  pick.show();
  void discoverHosts(3000, (host) => {
    const address = host.addresses.find((candidate) => !candidate.includes(':')) ?? host.addresses[0];
    if (!address) return;
    pick.items = [
      ...pick.items,
      {
        label: host.endpointName || host.name,
        description: `${address}:${host.port}`,
        detail: host.productInstanceId,
        target: { address, port: host.port },
      },
    ];
  }).then(() => (pick.busy = false));
  const result = await chosen;
  pick.dispose();
  if (result === 'typed') return undefined;
  return result ?? { address: '', port: -1 };
}

export function registerNetworkCommands(
  manager: NetworkManager,
  secrets: NetworkSecrets,
): vscode.Disposable[] {
  const fail = (error: unknown, what: string): NetworkCommandResult => {
    const message = describeInvitationFailure(error);
    void vscode.window.showErrorMessage(`${what}: ${message}`);
    return { ok: false, error: message };
  };
  const sessionOf = (node: unknown): NetworkSession | undefined => {
    const typed = node as NetworkTreeNode | undefined;
    if (typed?.kind === 'session') return typed.session;
    if (typed?.kind === 'client') return typed.client.session;
    return undefined;
  };
  const clientOf = (node: unknown): NetworkClient | undefined => {
    const typed = node as NetworkTreeNode | undefined;
    if (typed?.kind === 'client') return typed.client;
    if (typed?.kind === 'session' && typed.parent !== 'host') return typed.parent;
    return undefined;
  };
  return [
    vscode.commands.registerCommand(
      'midiScope.network.startHost',
      async (): Promise<NetworkCommandResult> => {
        try {
          const host = await manager.startHost();
          return { ok: true, address: host.local.address, port: host.local.port };
        } catch (error) {
          return fail(error, 'The network host did not start');
        }
      },
    ),
    vscode.commands.registerCommand('midiScope.network.stopHost', async (): Promise<NetworkCommandResult> => {
      await manager.stopHost();
      return { ok: true };
    }),
    vscode.commands.registerCommand(
      'midiScope.network.setHostSecret',
      async (given?: unknown): Promise<NetworkCommandResult> => {
        const settings = readHostSettings();
        const secret =
          typeof given === 'string'
            ? given
            : await vscode.window.showInputBox({
                title:
                  settings.authentication === 'user'
                    ? `Password for '${settings.userName}'`
                    : 'Shared secret of the network host',
                prompt: 'Stored in VS Code secret storage, never in settings.json',
                password: true,
                ignoreFocusOut: true,
              });
        if (secret === undefined) return { ok: false, error: 'canceled' };
        await secrets.setHostSecret(secret);
        return { ok: true };
      },
    ),
    vscode.commands.registerCommand(
      'midiScope.network.connect',
      async (given?: unknown): Promise<NetworkCommandResult> => {
        let target: ConnectArguments | undefined = isConnectArguments(given) ? given : undefined;
        if (!target) {
          target = readClientSettings().discoverHosts ? await pickDiscoveredHost() : undefined;
          if (target?.port === -1) return { ok: false, error: 'canceled' };
        }
        if (!target) {
          const text = await vscode.window.showInputBox({
            title: 'Connect to a Network MIDI 2.0 host',
            prompt: 'Address and UDP port',
            value: '127.0.0.1:5673',
            validateInput: (value) => {
              const parsed = parseAddress(value);
              return typeof parsed === 'string' ? parsed : undefined;
            },
          });
          if (text === undefined) return { ok: false, error: 'canceled' };
          const parsed = parseAddress(text);
          if (typeof parsed === 'string') return { ok: false, error: parsed };
          target = parsed;
        }
        try {
          await manager.connect(target);
          return { ok: true, address: target.address, port: target.port };
        } catch (error) {
          return fail(error, `Connecting to ${target.address}:${target.port} failed`);
        }
      },
    ),
    vscode.commands.registerCommand(
      'midiScope.network.invite',
      async (node?: unknown): Promise<NetworkCommandResult> => {
        const client = clientOf(node) ?? manager.clients.find((candidate) => candidate.state === 'ended');
        if (!client) return { ok: false, error: 'no client to invite again' };
        try {
          await manager.invite(client);
          return { ok: true };
        } catch (error) {
          return fail(error, 'The invitation failed');
        }
      },
    ),
    vscode.commands.registerCommand(
      'midiScope.network.endSession',
      async (node?: unknown): Promise<NetworkCommandResult> => {
        // From a row: that row's session, and never another one in its place.
        if (node !== undefined) {
          const client = clientOf(node);
          if (client) {
            await client.disconnect();
            return { ok: true };
          }
          const session = sessionOf(node);
          if (!session) return { ok: false, error: 'not a network session' };
          await session.close();
          return { ok: true };
        }
        // From the palette: the one open session, or the one the user picks.
        const open = [
          ...manager.clients
            .filter((client) => client.state === 'established')
            .map((client) => ({
              label: `→ ${client.hostIdentity?.endpointName ?? 'Network client'}`,
              description: `${client.remote.address}:${client.remote.port} (this window's client)`,
              end: () => client.disconnect(),
            })),
          ...(manager.host?.sessions ?? []).map((session) => ({
            label: session.peer.endpointName || '(no name)',
            description: `${session.remote.address}:${session.remote.port} (a client of this window's host)`,
            end: () => session.close(),
          })),
        ];
        if (open.length === 0) return { ok: false, error: 'no session' };
        const chosen =
          open.length === 1
            ? open[0]
            : await vscode.window.showQuickPick(open, { title: 'End Network Session (Bye)' });
        if (!chosen) return { ok: false, error: 'cancelled' };
        await chosen.end();
        return { ok: true };
      },
    ),
    vscode.commands.registerCommand(
      'midiScope.network.resetSession',
      async (node?: unknown): Promise<NetworkCommandResult> => {
        const session = sessionOf(node) ?? manager.clients.find((client) => client.session)?.session;
        if (!session) return { ok: false, error: 'no session' };
        await session.reset();
        return { ok: true };
      },
    ),
    vscode.commands.registerCommand(
      'midiScope.network.removeClient',
      async (node?: unknown): Promise<NetworkCommandResult> => {
        const client = clientOf(node);
        if (!client) return { ok: false, error: 'no client' };
        await manager.removeClient(client);
        return { ok: true };
      },
    ),
  ];
}
