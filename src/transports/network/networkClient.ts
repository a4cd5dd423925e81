// The client role: invites a host (retrying, waiting longer while the host says Pending), answers
// authentication requests with credentials it asks its caller for, and runs the session once
// accepted. After the session ends (Bye, timeout) the same client can invite again.
import {
  AuthenticationState,
  ByeReason,
  CAPABILITY_AUTHENTICATION,
  CAPABILITY_USER_AUTHENTICATION,
  NakReason,
  describeByeReason,
} from './protocol/commandCodes';
import type { Command, EndpointIdentity } from './protocol/commands';
import {
  writeBye,
  writeByeReply,
  writeInvitation,
  writeInvitationWithAuthentication,
  writeInvitationWithUserAuthentication,
  writeNak,
  writePing,
  type EncodedIdentity,
} from './protocol/commandWriters';
import { sharedSecretDigest, userDigest } from './protocol/authentication';
import { dispatchDatagram, type DispatchTarget } from './protocol/datagramDispatcher';
import { DatagramWriter } from './protocol/datagramWriter';
import { encodeLimited } from './protocol/paddedStrings';
import { encodeIdentity } from './endpointIdentity';
import { NetworkSession } from './session/networkSession';
import { silentLog, type NetworkLog } from './session/networkLog';
import { newSessionCounters, type SessionCounters } from './session/sessionCounters';
import { sessionOptions, type SessionOptions } from './session/sessionOptions';
import { UdpSocket, type BoundAddress } from './udpSocket';

export interface CredentialRequest {
  readonly kind: 'sharedSecret' | 'user';
  /** True when the host said the last digest was wrong (or the user was not found). */
  readonly retry: boolean;
  readonly userNotFound: boolean;
  readonly host: EndpointIdentity;
}

export type Credentials =
  { readonly secret: string } | { readonly userName: string; readonly password: string };

export interface NetworkClientOptions {
  readonly endpointName: string;
  readonly productInstanceId: string;
  readonly host: BoundAddress;
  /** Where the client's socket binds: 127.0.0.1 unless the host is elsewhere. */
  readonly localAddress?: string;
  /** Asked when the host requires authentication; undefined cancels the invitation. */
  readonly credentials?: (request: CredentialRequest) => Promise<Credentials | undefined>;
  readonly invitationTimeoutMs?: number;
  readonly invitationAttempts?: number;
  /** How long to wait after the host said Pending. */
  readonly pendingTimeoutMs?: number;
  readonly session?: Partial<SessionOptions>;
  readonly log?: NetworkLog;
}

export type ClientState = 'idle' | 'inviting' | 'pending' | 'authenticating' | 'established' | 'ended';

const encoder = new TextEncoder();

export class InvitationError extends Error {
  constructor(
    message: string,
    readonly byeReason?: number,
  ) {
    super(message);
    this.name = 'InvitationError';
  }
}

export class NetworkClient {
  private socket!: UdpSocket;
  private readonly identity: EncodedIdentity;
  private readonly options: SessionOptions;
  private readonly log: NetworkLog;
  private currentState: ClientState = 'idle';
  private currentSession: NetworkSession | undefined;
  private invitation:
    | {
        resolve: (session: NetworkSession) => void;
        reject: (error: Error) => void;
        timer?: NodeJS.Timeout;
        attempts: number;
      }
    | undefined;
  private readonly changeListeners = new Set<() => void>();
  private sessionNumber = 0;
  /** Traffic before a session exists, and refused datagrams. */
  readonly counters: SessionCounters = newSessionCounters();
  /** Why the last invitation or session ended, for the tree. */
  lastProblem: string | undefined;
  hostIdentity: EndpointIdentity | undefined;
  private closed = false;

  private constructor(readonly settings: NetworkClientOptions) {
    this.identity = encodeIdentity(settings.endpointName, settings.productInstanceId);
    this.options = sessionOptions(settings.session);
    this.log = settings.log ?? silentLog;
  }

  static async create(settings: NetworkClientOptions): Promise<NetworkClient> {
    const client = new NetworkClient(settings);
    client.socket = await UdpSocket.bind(settings.localAddress ?? '127.0.0.1', 0, client.log, (bytes, from) =>
      client.datagram(bytes, from),
    );
    return client;
  }

  get state(): ClientState {
    return this.currentState;
  }

  get session(): NetworkSession | undefined {
    return this.currentSession;
  }

  get local(): BoundAddress {
    return this.socket.local;
  }

  get remote(): BoundAddress {
    return this.settings.host;
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Invites the host; resolves with the session once accepted, rejects with an InvitationError. */
  connect(): Promise<NetworkSession> {
    if (this.closed) return Promise.reject(new InvitationError('the client is closed'));
    if (this.currentState === 'established' && this.currentSession)
      return Promise.resolve(this.currentSession);
    if (this.invitation) return Promise.reject(new InvitationError('an invitation is already under way'));
    return new Promise((resolve, reject) => {
      this.invitation = { resolve, reject, attempts: 0 };
      this.lastProblem = undefined;
      this.setState('inviting');
      this.sendInvitation();
    });
  }

  /** Ends the session with Bye (or cancels the invitation); the client can connect again. */
  async disconnect(): Promise<void> {
    if (this.invitation) {
      this.send((w) => writeBye(w, ByeReason.InvitationCanceled, new Uint8Array(0)));
      this.failInvitation('the invitation was canceled', ByeReason.InvitationCanceled);
      return;
    }
    if (this.currentSession && this.currentSession.state !== 'closed')
      await this.currentSession.close(ByeReason.UserTerminated);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.disconnect();
    this.closed = true;
    await this.socket.close();
  }

  private sendInvitation(): void {
    const invitation = this.invitation;
    if (!invitation) return;
    const attemptsAllowed = this.settings.invitationAttempts ?? 3;
    if (invitation.attempts >= attemptsAllowed) {
      this.failInvitation(
        `no answer from ${this.remote.address}:${this.remote.port} to ${attemptsAllowed} invitations`,
      );
      return;
    }
    invitation.attempts++;
    const capabilities = this.settings.credentials
      ? CAPABILITY_AUTHENTICATION | CAPABILITY_USER_AUTHENTICATION
      : 0;
    this.send((w) => writeInvitation(w, capabilities, this.identity));
    this.armInvitationTimer(this.settings.invitationTimeoutMs ?? 1000, () => this.sendInvitation());
  }

  private armInvitationTimer(ms: number, then: () => void): void {
    const invitation = this.invitation;
    if (!invitation) return;
    if (invitation.timer) clearTimeout(invitation.timer);
    invitation.timer = setTimeout(then, ms);
  }

  private failInvitation(why: string, byeReason?: number): void {
    const invitation = this.invitation;
    if (!invitation) return;
    if (invitation.timer) clearTimeout(invitation.timer);
    this.invitation = undefined;
    this.lastProblem = why;
    this.log.warn(
      `client '${this.settings.endpointName}' → ${this.remote.address}:${this.remote.port}: ${why}`,
    );
    this.setState('ended');
    invitation.reject(new InvitationError(why, byeReason));
  }

  private datagram(bytes: Buffer, from: BoundAddress): void {
    if (from.port !== this.remote.port || from.address !== this.remote.address) {
      this.counters.malformed++;
      this.log.warn(`client: a datagram from ${from.address}:${from.port}, not the host, was dropped`);
      return;
    }
    const session =
      this.currentSession && this.currentSession.state !== 'closed' ? this.currentSession : undefined;
    session?.beginDatagram();
    if (!session) this.counters.datagramsIn++;
    const target: DispatchTarget = {
      umpData: (sequence, view, byteOffset, wordCount, messageCount) => {
        if (session) session.umpData(sequence, view, byteOffset, wordCount, messageCount);
        else
          this.nak(NakReason.CommandNotExpected, (0xff << 24) | (wordCount << 16) | sequence, 'no session');
      },
      command: (command, header) => this.command(command, header),
      refused: (kind, message, header, nak) => {
        const counters = session?.counters ?? this.counters;
        if (kind === 'unknown') counters.unknownCommands++;
        else counters.malformed++;
        this.log.warn(
          `client: from the host: ${kind}: ${message}${nak !== undefined && header !== undefined ? ', NAK sent' : ', dropped'}`,
        );
        if (nak !== undefined && header !== undefined) this.nak(nak, header, message, counters);
      },
      tolerated: (text) => {
        if (session) session.tolerate(text);
        else this.log.info(`client: tolerated: ${text}`);
      },
    };
    dispatchDatagram(bytes, target);
    session?.endDatagram();
  }

  private command(command: Command, header: number): void {
    const session =
      this.currentSession && this.currentSession.state !== 'closed' ? this.currentSession : undefined;
    if (session && command.kind !== 'accepted' && session.command(command, header)) return;
    switch (command.kind) {
      case 'accepted':
        if (this.invitation) this.accepted(command);
        return;
      case 'pending':
        if (!this.invitation) return;
        this.hostIdentity = {
          endpointName: command.endpointName,
          productInstanceId: command.productInstanceId,
        };
        this.log.info(`client: the host '${command.endpointName}' says Pending; waiting`);
        this.setState('pending');
        this.armInvitationTimer(this.settings.pendingTimeoutMs ?? 10000, () =>
          this.failInvitation('the host left the invitation pending too long'),
        );
        return;
      case 'authenticationRequired':
        if (this.invitation) void this.authenticationRequired(command);
        else this.nak(NakReason.CommandNotExpected, header, 'no invitation is under way');
        return;
      case 'bye':
        this.send((w) => writeByeReply(w));
        if (this.invitation) {
          this.failInvitation(
            `the host refused: ${describeByeReason(command.reason)}${command.text ? `: ${command.text}` : ''}`,
            command.reason,
          );
        }
        return;
      case 'ping':
        if (this.invitation) this.send((w) => writePing(w, true, command.id));
        else this.nak(NakReason.CommandNotExpected, header, 'no session');
        return;
      case 'nak':
        this.counters.naksReceived++;
        this.log.warn(
          `client: NAK from the host (reason 0x${command.reason.toString(16)})${command.text ? `: ${command.text}` : ''}`,
        );
        return;
      case 'byeReply':
        return;
      default:
        this.nak(NakReason.CommandNotExpected, header, 'not expected by a client');
    }
  }

  private async authenticationRequired(
    command: Extract<Command, { kind: 'authenticationRequired' }>,
  ): Promise<void> {
    const invitation = this.invitation;
    if (!invitation) return;
    if (invitation.timer) clearTimeout(invitation.timer);
    this.hostIdentity = { endpointName: command.endpointName, productInstanceId: command.productInstanceId };
    this.setState('authenticating');
    const kind = command.user ? 'user' : 'sharedSecret';
    if (!this.settings.credentials) {
      this.send((w) => writeBye(w, ByeReason.InvitationCanceled, new Uint8Array(0)));
      this.failInvitation(`the host requires ${command.user ? 'user authentication' : 'a shared secret'}`);
      return;
    }
    let credentials: Credentials | undefined;
    try {
      credentials = await this.settings.credentials({
        kind,
        retry: command.state !== AuthenticationState.FirstRequest,
        userNotFound: command.state === AuthenticationState.UserNotFound,
        host: this.hostIdentity,
      });
    } catch (error) {
      credentials = undefined;
      this.log.warn(`client: asking for credentials failed: ${String(error)}`);
    }
    if (this.invitation !== invitation) return;
    if (!credentials) {
      this.send((w) => writeBye(w, ByeReason.InvitationCanceled, new Uint8Array(0)));
      this.failInvitation('authentication was canceled', ByeReason.InvitationCanceled);
      return;
    }
    if (kind === 'sharedSecret' && 'secret' in credentials) {
      const digest = sharedSecretDigest(command.nonce, credentials.secret);
      this.send((w) => writeInvitationWithAuthentication(w, digest));
    } else if (kind === 'user' && 'userName' in credentials) {
      const digest = userDigest(command.nonce, credentials.userName, credentials.password);
      const userName = encodeLimited(credentials.userName, 128, 'the user name');
      this.send((w) => writeInvitationWithUserAuthentication(w, digest, userName));
    } else {
      this.failInvitation(`the credentials given do not fit ${kind} authentication`);
      return;
    }
    // The host answers Accepted, asks again, or says Bye; silence counts as an unanswered invitation.
    invitation.attempts = 0;
    this.armInvitationTimer(this.settings.invitationTimeoutMs ?? 1000, () =>
      this.failInvitation('no answer to the authenticated invitation'),
    );
  }

  private accepted(command: Extract<Command, { kind: 'accepted' }>): void {
    const invitation = this.invitation;
    if (!invitation) return;
    if (invitation.timer) clearTimeout(invitation.timer);
    this.invitation = undefined;
    this.hostIdentity = { endpointName: command.endpointName, productInstanceId: command.productInstanceId };
    const session = new NetworkSession(
      `client-${++this.sessionNumber}`,
      'client',
      this.remote,
      this.hostIdentity,
      this.options,
      (datagram) => this.socket.send(datagram, this.remote),
      this.log,
    );
    this.currentSession = session;
    session.listen({
      changed: () => {
        if (session.state === 'closed' && this.currentSession === session) {
          const end = session.end;
          this.lastProblem = end
            ? `${end.byPeer ? 'the host ended the session' : 'ended'}: ${describeByeReason(end.reason)}`
            : 'ended';
          this.setState('ended');
        }
        this.changed();
      },
    });
    this.log.info(`${session.label}: accepted by '${command.endpointName}' (${command.productInstanceId})`);
    this.setState('established');
    invitation.resolve(session);
  }

  private nak(
    reason: NakReason,
    header: number,
    text: string,
    counters: SessionCounters = this.counters,
  ): void {
    counters.naksSent++;
    this.send((w) => writeNak(w, reason, header, encoder.encode(text.slice(0, 200))));
  }

  private send(write: (writer: DatagramWriter) => void): void {
    if (this.closed) return;
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    write(writer);
    const datagram = writer.take();
    if (datagram) this.socket.send(datagram, this.remote);
  }

  private setState(state: ClientState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
