// Owns the extension's network host (at most one) and its clients, and tells the tree when
// anything changes. Credentials come from SecretStorage, or from the user when a host asks.
import * as vscode from 'vscode';
import {
  InvitationError,
  advertiseHost,
  type Advertisement,
  NetworkClient,
  NetworkHost,
  type CredentialRequest,
  type Credentials,
  type HostAuthentication,
  type NetworkLog,
  type NetworkSession,
} from '../../transports/network';
import type { NetworkSecrets } from './networkSecrets';
import { readClientSettings, readHostSettings, readSessionSettings } from './networkSettings';

/** Makes a session an engine endpoint while it lasts (see engineNetworkEndpoints). */
export interface SessionEndpointPublisher {
  publish(session: NetworkSession, localId: string): void;
}

/** What a connect call may bring instead of prompting (commands from tests and other extensions). */
export interface ConnectArguments {
  readonly address: string;
  readonly port: number;
  readonly secret?: string;
  readonly userName?: string;
  readonly password?: string;
  /** Store the credentials that worked in SecretStorage. */
  readonly remember?: boolean;
}

export type CredentialPrompt = (
  request: CredentialRequest,
  hostKey: string,
) => Promise<{ credentials: Credentials; remember: boolean } | undefined>;

/**
 * Where a client binds for a host at `address`: loopback for a host on this machine's loopback (so
 * nothing else can reach the client), any address for any other host (a socket bound to loopback
 * cannot send to another address; a host found over mDNS usually has one).
 */
export function localAddressFor(address: string): string {
  const ipv6 = address.includes(':');
  const loopback = ipv6 ? address === '::1' : address.startsWith('127.');
  if (loopback) return ipv6 ? '::1' : '127.0.0.1';
  return ipv6 ? '::' : '0.0.0.0';
}

export class NetworkManager implements vscode.Disposable {
  private currentHost: NetworkHost | undefined;
  private advertisement: Advertisement | undefined;
  private hostProblem: string | undefined;
  private readonly clientList: NetworkClient[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;
  readonly log: NetworkLog;
  publisher: SessionEndpointPublisher | undefined;

  constructor(
    private readonly secrets: NetworkSecrets,
    channel: vscode.LogOutputChannel,
    private readonly prompt: CredentialPrompt,
  ) {
    this.log = {
      info: (message) => channel.info(`network: ${message}`),
      warn: (message) => channel.warn(`network: ${message}`),
      error: (message) => channel.error(`network: ${message}`),
    };
  }

  get host(): NetworkHost | undefined {
    return this.currentHost;
  }

  /** Why the host could not start, for the tree. */
  get hostStartProblem(): string | undefined {
    return this.hostProblem;
  }

  get clients(): readonly NetworkClient[] {
    return this.clientList;
  }

  async startHost(): Promise<NetworkHost> {
    if (this.currentHost) return this.currentHost;
    const settings = readHostSettings();
    let authentication: HostAuthentication = { mode: 'none' };
    if (settings.authentication !== 'none') {
      const secret = await this.secrets.hostSecret();
      if (!secret)
        throw new Error(
          `the host uses ${settings.authentication} authentication but no secret is set: run "MIDI: Set Network Host Secret"`,
        );
      if (settings.authentication === 'user' && !settings.userName) {
        throw new Error('the host uses user authentication but midiScope.network.host.userName is empty');
      }
      authentication =
        settings.authentication === 'user'
          ? { mode: 'user', users: [{ name: settings.userName, password: secret }] }
          : { mode: 'sharedSecret', secret };
    }
    try {
      const host = await NetworkHost.start({
        endpointName: settings.endpointName,
        productInstanceId: settings.productInstanceId,
        address: settings.address,
        port: settings.port,
        authentication,
        session: readSessionSettings(),
        log: this.log,
      });
      this.hostProblem = undefined;
      this.currentHost = host;
      host.onChange(() => this.changed());
      host.onSession((session) => this.publisher?.publish(session, `host/${session.id}`));
      if (settings.advertise) {
        this.advertisement = advertiseHost(
          host.local.port,
          settings.endpointName,
          settings.productInstanceId,
        );
        this.log.info(`host advertised over mDNS as _midi2._udp on port ${host.local.port}`);
      }
      this.changed();
      return host;
    } catch (error) {
      this.hostProblem = error instanceof Error ? error.message : String(error);
      this.changed();
      throw error;
    }
  }

  async stopHost(): Promise<void> {
    const host = this.currentHost;
    this.currentHost = undefined;
    const advertisement = this.advertisement;
    this.advertisement = undefined;
    if (advertisement) await advertisement.stop();
    if (host) await host.close();
    this.changed();
  }

  /** Creates a client for `address:port` (or reuses the one there) and invites the host. */
  async connect(target: ConnectArguments): Promise<NetworkClient> {
    const hostKey = `${target.address}:${target.port}`;
    let client = this.clientList.find(
      (candidate) => `${candidate.remote.address}:${candidate.remote.port}` === hostKey,
    );
    if (!client) {
      const settings = readHostSettings();
      client = await NetworkClient.create({
        endpointName: readClientSettings().endpointName,
        productInstanceId: settings.productInstanceId,
        host: { address: target.address, port: target.port },
        localAddress: localAddressFor(target.address),
        credentials: (request) => this.credentialsFor(request, hostKey, target),
        session: readSessionSettings(),
        log: this.log,
      });
      this.clientList.push(client);
      client.onChange(() => this.changed());
      this.changed();
    }
    await this.invite(client);
    return client;
  }

  /** Invites again (a lost or ended session); resolves when established, rejects with the reason. */
  async invite(client: NetworkClient): Promise<NetworkSession> {
    const session = await client.connect();
    const number = this.clientList.indexOf(client) + 1;
    this.publisher?.publish(session, `client-${number}/${session.id}`);
    return session;
  }

  async removeClient(client: NetworkClient): Promise<void> {
    const index = this.clientList.indexOf(client);
    if (index >= 0) this.clientList.splice(index, 1);
    await client.close();
    this.changed();
  }

  private async credentialsFor(
    request: CredentialRequest,
    hostKey: string,
    target: ConnectArguments,
  ): Promise<Credentials | undefined> {
    if (!request.retry) {
      if (request.kind === 'sharedSecret' && target.secret !== undefined)
        return this.given({ secret: target.secret }, hostKey, target);
      if (request.kind === 'user' && target.userName !== undefined && target.password !== undefined) {
        return this.given({ userName: target.userName, password: target.password }, hostKey, target);
      }
      const remembered = await this.secrets.rememberedFor(hostKey);
      if (remembered && (request.kind === 'sharedSecret') === 'secret' in remembered) return remembered;
    } else {
      // What was remembered or given did not work: forget it and ask the person.
      await this.secrets.forget(hostKey);
      if (target.secret !== undefined || target.password !== undefined) return undefined;
    }
    const answer = await this.prompt(request, hostKey);
    if (!answer) return undefined;
    if (answer.remember) await this.secrets.remember(hostKey, answer.credentials);
    return answer.credentials;
  }

  private async given(
    credentials: Credentials,
    hostKey: string,
    target: ConnectArguments,
  ): Promise<Credentials> {
    if (target.remember) await this.secrets.remember(hostKey, credentials);
    return credentials;
  }

  private changed(): void {
    this.changeEmitter.fire();
  }

  dispose(): void {
    void this.stopHost();
    for (const client of this.clientList.splice(0)) void client.close();
    this.changeEmitter.dispose();
  }
}

export function describeInvitationFailure(error: unknown): string {
  if (error instanceof InvitationError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
