// The host role: a UDP socket that accepts invitations (without authentication, with a shared
// secret, or with user name and password), keeps one NetworkSession per client address, and
// refuses what it must with the spec's reply, logging every refusal.
import {
  AuthenticationState,
  ByeReason,
  CommandCode,
  NakReason,
  describeByeReason,
} from './protocol/commandCodes';
import type { Command, EndpointIdentity } from './protocol/commands';
import {
  writeAuthenticationRequired,
  writeBye,
  writeByeReply,
  writeInvitationReply,
  writeNak,
  writePing,
  type EncodedIdentity,
} from './protocol/commandWriters';
import { newNonce } from './protocol/authentication';
import { dispatchDatagram, type DispatchTarget } from './protocol/datagramDispatcher';
import { DatagramWriter } from './protocol/datagramWriter';
import { encodeIdentity } from './endpointIdentity';
import {
  capabilityFor,
  verifySharedSecret,
  verifyUser,
  type HostAuthentication,
  type Verdict,
} from './hostAuthentication';
import { NetworkSession } from './session/networkSession';
import { silentLog, type NetworkLog } from './session/networkLog';
import { newSessionCounters, type SessionCounters } from './session/sessionCounters';
import { sessionOptions, type SessionOptions } from './session/sessionOptions';
import { UdpSocket, type BoundAddress } from './udpSocket';

export interface NetworkHostOptions {
  readonly endpointName: string;
  readonly productInstanceId: string;
  /** 127.0.0.1 unless the user chose another interface. */
  readonly address?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly authentication?: HostAuthentication;
  readonly maxSessions?: number;
  /** Wrong digests allowed before the invitation is refused with Bye. */
  readonly maxAuthenticationAttempts?: number;
  /** When set, the host answers Pending and waits for this before accepting. */
  readonly confirmInvitation?: (peer: EndpointIdentity, from: BoundAddress) => Promise<boolean>;
  readonly session?: Partial<SessionOptions>;
  readonly log?: NetworkLog;
}

export interface Refusal {
  readonly from: BoundAddress;
  readonly peer?: string;
  readonly what: string;
  readonly at: Date;
}

interface Invitation {
  readonly identity: EndpointIdentity;
  nonce: Uint8Array;
  attempts: number;
  waitingForUser: boolean;
}

const NO_TEXT = new Uint8Array(0);
const encoder = new TextEncoder();

export class NetworkHost {
  private readonly sessionsByPeer = new Map<string, NetworkSession>();
  private readonly invitations = new Map<string, Invitation>();
  private readonly identity: EncodedIdentity;
  private readonly options: SessionOptions;
  private readonly log: NetworkLog;
  private authentication: HostAuthentication;
  private socket!: UdpSocket;
  private nextSessionNumber = 1;
  private readonly sessionListeners = new Set<(session: NetworkSession) => void>();
  private readonly changeListeners = new Set<() => void>();
  /** Datagrams no session could take (from peers without a session, or unreadable). */
  readonly counters: SessionCounters = newSessionCounters();
  readonly refusals: Refusal[] = [];
  readonly endedSessions: NetworkSession[] = [];
  private closed = false;

  private constructor(readonly settings: NetworkHostOptions) {
    this.identity = encodeIdentity(settings.endpointName, settings.productInstanceId);
    this.options = sessionOptions(settings.session);
    this.log = settings.log ?? silentLog;
    this.authentication = settings.authentication ?? { mode: 'none' };
  }

  static async start(settings: NetworkHostOptions): Promise<NetworkHost> {
    const host = new NetworkHost(settings);
    host.socket = await UdpSocket.bind(
      settings.address ?? '127.0.0.1',
      settings.port ?? 0,
      host.log,
      (bytes, from) => host.datagram(bytes, from),
    );
    const local = host.socket.local;
    host.log.info(
      `host '${settings.endpointName}' listening on ${local.address}:${local.port}, authentication: ${host.authentication.mode}`,
    );
    return host;
  }

  get local(): BoundAddress {
    return this.socket.local;
  }

  get authenticationMode(): HostAuthentication['mode'] {
    return this.authentication.mode;
  }

  /** New credentials apply to the next invitation; sessions already open stay. */
  setAuthentication(authentication: HostAuthentication): void {
    this.authentication = authentication;
    this.log.info(`host '${this.settings.endpointName}': authentication is now ${authentication.mode}`);
    this.changed();
  }

  get sessions(): NetworkSession[] {
    return [...this.sessionsByPeer.values()];
  }

  onSession(listener: (session: NetworkSession) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Says Bye to every session, then closes the socket. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.sessions.map((session) => session.close(ByeReason.PowerDown, 'host stopped')));
    await this.socket.close();
    this.log.info(`host '${this.settings.endpointName}' stopped`);
    this.changed();
  }

  private datagram(bytes: Buffer, from: BoundAddress): void {
    if (this.closed) return;
    const key = `${from.address}:${from.port}`;
    const session = this.sessionsByPeer.get(key);
    session?.beginDatagram();
    if (!session) this.counters.datagramsIn++;
    const target: DispatchTarget = {
      umpData: (sequence, view, byteOffset, wordCount, messageCount) => {
        const current = this.sessionsByPeer.get(key);
        if (current) current.umpData(sequence, view, byteOffset, wordCount, messageCount);
        else
          this.nak(
            from,
            NakReason.CommandNotExpected,
            (CommandCode.UmpData << 24) | (wordCount << 16) | sequence,
            'no session',
          );
      },
      command: (command, header) => this.command(key, from, command, header),
      refused: (kind, message, header, nak) => {
        const counters = this.sessionsByPeer.get(key)?.counters ?? this.counters;
        if (kind === 'unknown') counters.unknownCommands++;
        else counters.malformed++;
        this.log.warn(
          `host: from ${key}: ${kind}: ${message}${nak !== undefined && header !== undefined ? ', NAK sent' : ', dropped'}`,
        );
        if (nak !== undefined && header !== undefined) this.nak(from, nak, header, message, counters);
      },
      tolerated: (text) => {
        const current = this.sessionsByPeer.get(key);
        if (current) current.tolerate(text);
        else this.log.info(`host: from ${key}: tolerated: ${text}`);
      },
    };
    dispatchDatagram(bytes, target);
    if (session) session.endDatagram();
  }

  private command(key: string, from: BoundAddress, command: Command, header: number): void {
    switch (command.kind) {
      case 'invitation':
        this.invitation(key, from, command);
        return;
      case 'invitationWithAuthentication':
      case 'invitationWithUserAuthentication':
        this.authenticate(key, from, command, header);
        return;
      default:
        break;
    }
    const session = this.sessionsByPeer.get(key);
    if (session && session.command(command, header)) return;
    if (command.kind === 'ping' && this.invitations.has(key)) {
      this.reply(from, (w) => writePing(w, true, command.id));
      return;
    }
    if (command.kind === 'bye') {
      if (this.invitations.delete(key))
        this.log.info(`host: ${key} canceled its invitation (${describeByeReason(command.reason)})`);
      this.reply(from, (w) => writeByeReply(w));
      return;
    }
    if (command.kind === 'byeReply' || command.kind === 'nak') return;
    this.nak(from, NakReason.CommandNotExpected, header, 'no session with this address');
  }

  private invitation(
    key: string,
    from: BoundAddress,
    command: Extract<Command, { kind: 'invitation' }>,
  ): void {
    const existing = this.sessionsByPeer.get(key);
    if (existing && this.isRepeatOf(existing, command)) {
      // Our Accepted was lost and the client invited again: the session it asked for is this one.
      this.log.info(`${existing.label}: invited again before anything else arrived; Accepted sent again`);
      this.reply(from, (w) => writeInvitationReply(w, CommandCode.InvitationReplyAccepted, this.identity));
      return;
    }
    if (existing) {
      // The client lost its side (a restart): the old session ends, the new invitation is handled anew.
      this.log.info(`${existing.label}: invited again from the same address; the old session ends`);
      existing.dispose();
    }
    const identity: EndpointIdentity = {
      endpointName: command.endpointName,
      productInstanceId: command.productInstanceId,
    };
    if (this.sessionsByPeer.size >= (this.settings.maxSessions ?? 8)) {
      this.refuse(
        from,
        identity,
        ByeReason.TooManyOpenSessions,
        `${this.sessionsByPeer.size} sessions are open`,
      );
      return;
    }
    const mode = this.authentication.mode;
    if (mode === 'none') {
      this.acceptOrAsk(key, from, identity);
      return;
    }
    if ((command.capabilities & capabilityFor(mode)) === 0) {
      this.refuse(
        from,
        identity,
        ByeReason.NoMatchingAuthenticationMethod,
        `the client's capabilities 0x${command.capabilities.toString(16)} lack ${mode === 'user' ? 'user authentication' : 'authentication'}`,
      );
      return;
    }
    const invitation: Invitation = { identity, nonce: newNonce(), attempts: 0, waitingForUser: false };
    this.invitations.set(key, invitation);
    this.sendAuthenticationRequired(from, invitation, AuthenticationState.FirstRequest);
  }

  /**
   * A repeated invitation: the same endpoint name and product instance id, and nothing from the
   * client on the session yet (replies to our first ping aside): it never got our Accepted.
   */
  private isRepeatOf(session: NetworkSession, command: Extract<Command, { kind: 'invitation' }>): boolean {
    const peer = session.peer;
    return (
      !session.heardFromPeer &&
      peer.endpointName === command.endpointName &&
      peer.productInstanceId === command.productInstanceId
    );
  }

  private authenticate(
    key: string,
    from: BoundAddress,
    command: Extract<Command, { kind: 'invitationWithAuthentication' | 'invitationWithUserAuthentication' }>,
    header: number,
  ): void {
    const invitation = this.invitations.get(key);
    const wanted = command.kind === 'invitationWithAuthentication' ? 'sharedSecret' : 'user';
    if (!invitation || this.authentication.mode !== wanted) {
      this.nak(
        from,
        NakReason.CommandNotExpected,
        header,
        invitation ? `this host uses ${this.authentication.mode}` : 'no invitation is pending',
      );
      return;
    }
    let verdict: Verdict;
    if (command.kind === 'invitationWithAuthentication') {
      verdict = verifySharedSecret(this.authentication, invitation.nonce, command.digest);
    } else {
      verdict = verifyUser(this.authentication, invitation.nonce, command.userName, command.digest);
    }
    if (verdict === 'accepted') {
      this.invitations.delete(key);
      this.acceptOrAsk(key, from, invitation.identity);
      return;
    }
    invitation.attempts++;
    const who = command.kind === 'invitationWithUserAuthentication' ? ` as user '${command.userName}'` : '';
    const what = verdict === 'userNotFound' ? 'user name not found' : 'incorrect digest';
    if (invitation.attempts >= (this.settings.maxAuthenticationAttempts ?? 3)) {
      this.invitations.delete(key);
      this.refuse(
        from,
        invitation.identity,
        verdict === 'userNotFound' ? ByeReason.UserNameNotFound : ByeReason.AuthenticationFailed,
        `${what}${who}, attempt ${invitation.attempts}`,
      );
      return;
    }
    this.noteRefusal(
      from,
      invitation.identity,
      `authentication failed${who}: ${what} (attempt ${invitation.attempts}), asked again`,
    );
    invitation.nonce = newNonce();
    this.sendAuthenticationRequired(
      from,
      invitation,
      verdict === 'userNotFound' ? AuthenticationState.UserNotFound : AuthenticationState.IncorrectDigest,
    );
  }

  private acceptOrAsk(key: string, from: BoundAddress, identity: EndpointIdentity): void {
    const confirm = this.settings.confirmInvitation;
    if (!confirm) {
      this.accept(key, from, identity);
      return;
    }
    const waiting: Invitation = { identity, nonce: new Uint8Array(0), attempts: 0, waitingForUser: true };
    this.invitations.set(key, waiting);
    this.reply(from, (w) => writeInvitationReply(w, CommandCode.InvitationReplyPending, this.identity));
    confirm(identity, from).then(
      (yes) => {
        if (this.invitations.get(key) !== waiting || this.closed) return;
        this.invitations.delete(key);
        if (yes) this.accept(key, from, identity);
        else
          this.refuse(
            from,
            identity,
            ByeReason.InvitationRejectedByUser,
            'the user did not accept the session',
          );
      },
      (error: unknown) => {
        this.invitations.delete(key);
        this.refuse(
          from,
          identity,
          ByeReason.InvitationRejectedByUser,
          `confirmation failed: ${String(error)}`,
        );
      },
    );
  }

  private accept(key: string, from: BoundAddress, identity: EndpointIdentity): void {
    const id = `session-${this.nextSessionNumber++}`;
    const session = new NetworkSession(
      id,
      'host',
      from,
      identity,
      this.options,
      (datagram) => this.socket.send(datagram, from),
      this.log,
    );
    this.sessionsByPeer.set(key, session);
    session.listen({
      changed: () => {
        if (session.state === 'closed' && this.sessionsByPeer.get(key) === session) {
          this.sessionsByPeer.delete(key);
          this.endedSessions.unshift(session);
          this.endedSessions.length = Math.min(this.endedSessions.length, 10);
        }
        this.changed();
      },
    });
    this.reply(from, (w) => writeInvitationReply(w, CommandCode.InvitationReplyAccepted, this.identity));
    this.log.info(
      `${session.label}: accepted (${this.authentication.mode === 'none' ? 'no authentication' : this.authentication.mode})`,
    );
    for (const listener of this.sessionListeners) listener(session);
    this.changed();
  }

  private sendAuthenticationRequired(
    from: BoundAddress,
    invitation: Invitation,
    state: AuthenticationState,
  ): void {
    this.reply(from, (w) =>
      writeAuthenticationRequired(
        w,
        this.authentication.mode === 'user',
        state,
        invitation.nonce,
        this.identity,
      ),
    );
  }

  private refuse(from: BoundAddress, identity: EndpointIdentity, reason: ByeReason, detail: string): void {
    this.noteRefusal(from, identity, `invitation refused with Bye ${describeByeReason(reason)}: ${detail}`);
    this.reply(from, (w) => writeBye(w, reason, encoder.encode(detail.slice(0, 200))));
  }

  private noteRefusal(from: BoundAddress, identity: EndpointIdentity, what: string): void {
    this.refusals.unshift({ from, peer: identity.endpointName, what, at: new Date() });
    this.refusals.length = Math.min(this.refusals.length, 20);
    this.log.warn(`host: ${from.address}:${from.port} ('${identity.endpointName}'): ${what}`);
    this.changed();
  }

  private nak(
    to: BoundAddress,
    reason: NakReason,
    header: number,
    text: string,
    counters: SessionCounters = this.counters,
  ): void {
    counters.naksSent++;
    this.reply(to, (w) => writeNak(w, reason, header, text ? encoder.encode(text.slice(0, 200)) : NO_TEXT));
  }

  private reply(to: BoundAddress, write: (writer: DatagramWriter) => void): void {
    const writer = new DatagramWriter(this.options.maxDatagramBytes);
    write(writer);
    const datagram = writer.take();
    if (datagram) this.socket.send(datagram, to);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
