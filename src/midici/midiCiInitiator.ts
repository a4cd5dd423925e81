// The initiator side of MIDI-CI for a host: Discovery from a MUID of its own on one group, then
// Property Exchange Get and Profile Inquiry to a responder. Transport-free like EndpointDiscovery:
// it sends through `send` and is fed what arrives through receive(). Replies are matched to
// requests by MUID (and request id for Property Exchange); every malformed message is kept as a
// problem, never thrown.
import { asciiJson } from './midiCiBytes';
import {
  buildDiscovery,
  buildProfileInquiry,
  buildPropertyExchangeCapabilities,
  buildPropertyExchangeMessages,
  type MidiCiAddress,
} from './buildMidiCi';
import { MidiCiReceiver, midiCiPackets } from './midiCiSysEx';
import {
  BROADCAST_MUID,
  MidiCiMessageType as T,
  type MidiCiMessage,
  type MidiCiProblem,
  type ProfileId,
} from './midiCiTypes';
import { PropertyExchangeAssembler, type PropertyExchangeTransaction } from './propertyExchangeAssembler';
import { randomMuid } from './midiCiBytes';

export interface MidiCiResponder {
  muid: number;
  manufacturer: number[];
  family: number;
  model: number;
  softwareRevision: number[];
  categories: number;
  maxSysExSize: number;
  version: number;
  functionBlock?: number;
  deviceId: number;
}

export interface ProfileList {
  sourceMuid: number;
  deviceId: number;
  enabled: ProfileId[];
  disabled: ProfileId[];
}

export interface MidiCiInitiatorOptions {
  send(words: Uint32Array): boolean;
  group: number;
  muid?: number;
  /** What the host says it takes (default 4096). */
  maxSysExSize?: number;
  identity?: { manufacturer: number[]; family: number; model: number; softwareRevision: number[] };
}

type Waiter = { match: (message: MidiCiMessage) => boolean; resolve: (message: MidiCiMessage) => void };

export class MidiCiInitiator {
  readonly muid: number;
  readonly responders = new Map<number, MidiCiResponder>();
  readonly problems: MidiCiProblem[] = [];
  private readonly receiver = new MidiCiReceiver();
  private readonly assembler: PropertyExchangeAssembler;
  private readonly waiters = new Set<Waiter>();
  private readonly transactionWaiters = new Map<string, (t: PropertyExchangeTransaction) => void>();
  private nextRequestId = 1;

  constructor(private readonly options: MidiCiInitiatorOptions) {
    this.muid = options.muid ?? randomMuid();
    this.assembler = new PropertyExchangeAssembler({
      maxSysExSizeOf: (muid) =>
        muid === this.muid ? this.maxSysExSize : this.responders.get(muid)?.maxSysExSize,
    });
  }

  get maxSysExSize(): number {
    return this.options.maxSysExSize ?? 4096;
  }

  receive(words: ArrayLike<number>, offset = 0): void {
    for (const { message, problems, group, byteCount } of this.receiver.push(words, offset)) {
      if (group !== this.options.group) continue;
      this.problems.push(...problems);
      if (
        message === undefined ||
        (message.destinationMuid !== this.muid && message.destinationMuid !== BROADCAST_MUID)
      )
        continue;
      if (message.kind === 'discoveryReply') {
        this.responders.set(message.sourceMuid, {
          muid: message.sourceMuid,
          manufacturer: message.manufacturer,
          family: message.family,
          model: message.model,
          softwareRevision: message.softwareRevision,
          categories: message.categories,
          maxSysExSize: message.maxSysExSize,
          version: message.version,
          deviceId: message.deviceId,
          ...(message.functionBlock === undefined ? {} : { functionBlock: message.functionBlock }),
        });
      }
      if (message.kind === 'propertyExchange') {
        const transaction = this.assembler.push(message, byteCount);
        if (transaction !== undefined) {
          this.problems.push(...transaction.problems);
          const key = `${transaction.sourceMuid}:${transaction.messageType}:${transaction.requestId}`;
          this.transactionWaiters.get(key)?.(transaction);
          this.transactionWaiters.delete(key);
        }
      }
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
    }
  }

  /**
   * Broadcasts Discovery and collects replies for `waitMs` (any number of responders may answer,
   * so there is no end to wait for), or until `enough` says the responders so far will do.
   */
  async discover(
    waitMs = 300,
    deviceId = 0x7f,
    enough: (responders: MidiCiResponder[]) => boolean = () => false,
  ): Promise<MidiCiResponder[]> {
    const identity = this.options.identity ?? {
      manufacturer: [0x7d, 0, 0],
      family: 0,
      model: 0,
      softwareRevision: [0, 0, 0, 1],
    };
    const done = new Promise<void>((resolve) => {
      const waiter: Waiter = {
        match: (message) => message.kind === 'discoveryReply' && enough([...this.responders.values()]),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve();
      }, waitMs);
      this.waiters.add(waiter);
    });
    this.sendBody(
      buildDiscovery(this.address(BROADCAST_MUID, deviceId), {
        ...identity,
        categories: 0x1c,
        maxSysExSize: this.maxSysExSize,
      }),
    );
    await done;
    return [...this.responders.values()];
  }

  /** Resolves with the first message matching, or undefined after `timeoutMs`. */
  waitFor(match: (message: MidiCiMessage) => boolean, timeoutMs: number): Promise<MidiCiMessage | undefined> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        match,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Property Exchange Get of `resource` from the responder; undefined when no reply came in time. */
  async getProperty(
    responderMuid: number,
    resource: string,
    timeoutMs = 2000,
    extraHeader: Record<string, unknown> = {},
  ): Promise<PropertyExchangeTransaction | undefined> {
    const responder = this.responders.get(responderMuid);
    const requestId = this.takeRequestId();
    const key = `${responderMuid}:${T.PropertyGetReply}:${requestId}`;
    const reply = new Promise<PropertyExchangeTransaction | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.transactionWaiters.delete(key);
        resolve(undefined);
      }, timeoutMs);
      this.transactionWaiters.set(key, (transaction) => {
        clearTimeout(timer);
        resolve(transaction);
      });
    });
    const messages = buildPropertyExchangeMessages(
      T.PropertyGet,
      this.address(responderMuid, responder?.deviceId ?? 0x7f),
      requestId,
      asciiJson({ resource, ...extraHeader }),
      [],
      responder?.maxSysExSize || 0x0fffffff,
    );
    for (const body of messages) this.sendBody(body);
    return reply;
  }

  /** Property Exchange Capabilities inquiry; the reply, or undefined. */
  async propertyExchangeCapabilities(responderMuid: number, timeoutMs = 1000) {
    const reply = this.waitFor(
      (m) => m.kind === 'propertyExchangeCapabilitiesReply' && m.sourceMuid === responderMuid,
      timeoutMs,
    );
    this.sendBody(
      buildPropertyExchangeCapabilities(T.PropertyExchangeCapabilities, this.address(responderMuid), 1, 0, 0),
    );
    return reply;
  }

  /** Profile Inquiry to the whole function block, group or a channel; replies collected for `waitMs`. */
  async listProfiles(responderMuid: number, deviceId = 0x7f, waitMs = 300): Promise<ProfileList[]> {
    const lists: ProfileList[] = [];
    const collect = (message: MidiCiMessage): boolean => {
      if (message.kind === 'profileInquiryReply' && message.sourceMuid === responderMuid) {
        lists.push({
          sourceMuid: message.sourceMuid,
          deviceId: message.deviceId,
          enabled: message.enabled,
          disabled: message.disabled,
        });
      }
      return false;
    };
    const waiter: Waiter = { match: collect, resolve: () => undefined };
    this.waiters.add(waiter);
    this.sendBody(buildProfileInquiry(this.address(responderMuid, deviceId)));
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    this.waiters.delete(waiter);
    return lists;
  }

  private takeRequestId(): number {
    const id = this.nextRequestId;
    this.nextRequestId = (this.nextRequestId % 127) + 1;
    return id;
  }

  private address(destinationMuid: number, deviceId = 0x7f): MidiCiAddress {
    return { deviceId, sourceMuid: this.muid, destinationMuid };
  }

  private sendBody(body: Uint8Array): void {
    for (const packet of midiCiPackets(this.options.group, body)) {
      if (!this.options.send(packet)) {
        this.problems.push({ code: 'short', message: 'a MIDI-CI packet could not be sent to the endpoint' });
        return;
      }
    }
  }
}
