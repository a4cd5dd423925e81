// UMP 1.1 endpoint discovery as a host runs it, independent of any transport: it sends Endpoint
// Discovery (everything in the filter) and Function Block Discovery (all blocks, info and name)
// through `send`, reads what comes back through receive(), and finishes as soon as everything
// the endpoint declared has arrived, or when the endpoint has gone quiet with only optional
// items missing (settleMs), or at the timeout. It keeps listening after that: later
// notifications (a block turning inactive, a new name) update the result and fire onDidUpdate.
import {
  UmpStreamStatus as Status,
  UmpTextReassembler,
  buildEndpointDiscovery,
  buildFunctionBlockDiscovery,
  buildStreamConfigurationRequest,
  readDeviceIdentity,
  readEndpointInfo,
  readFunctionBlockInfo,
  readStreamConfiguration,
  showNumbered,
  type AssembledText,
  type TextProblem,
} from '../ump';
import {
  checkEndpointInfo,
  checkFunctionBlockInfo,
  checkStreamConfiguration,
  checkText,
  MAX_FUNCTION_BLOCKS,
} from './discoveryChecks';
import type { DiscoveredFunctionBlock, DiscoveryProblem, DiscoveryResult, Received } from './discoveryResult';
import { missingItems } from './missingItems';
import { chooseStreamConfiguration, type ProtocolPreference } from './protocolChoice';

/** Endpoint Discovery filter: endpoint info, device identity, name, product instance id, stream configuration. */
export const ENDPOINT_DISCOVERY_FILTER_ALL = 0x1f;
/** Function Block Discovery filter: info and name. */
export const FUNCTION_BLOCK_DISCOVERY_FILTER_ALL = 0x03;
const ALL_FUNCTION_BLOCKS = 0xff;

export interface EndpointDiscoveryOptions {
  /** Sends one UMP; false when it could not be sent (the discovery then records it as a problem). */
  send(words: Uint32Array): boolean;
  /** Give up waiting after this long (default 2000 ms). */
  timeoutMs?: number;
  /**
   * Once every required item has arrived (endpoint info, stream configuration, each declared
   * block's info, the negotiation's answer), finish after this long without a UMP Stream message
   * even if optional ones (identity, names) never come. Default 100 ms.
   */
  settleMs?: number;
  /** Negotiate the protocol after discovery (Stream Configuration Request); false to skip. */
  negotiate?: ProtocolPreference | false;
}

type Listener = (result: DiscoveryResult) => void;

export class EndpointDiscovery {
  private readonly data: DiscoveryResult;
  private readonly texts = new UmpTextReassembler();
  private readonly timeoutMs: number;
  private readonly settleMs: number;
  private timeoutTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly updateListeners = new Set<Listener>();
  private readonly finishListeners = new Set<Listener>();
  /** The packets of each text still open, so a detail view can show every packet of a name. */
  private readonly openTextPackets = new Map<number, number[][]>();
  private negotiationSent = false;
  private started = false;
  private disposed = false;

  constructor(private readonly options: EndpointDiscoveryOptions) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.settleMs = options.settleMs ?? 100;
    this.data = {
      state: 'running',
      startedAtMs: 0,
      functionBlocks: new Map(),
      missing: [],
      problems: [],
      streamMessageCount: 0,
    };
  }

  /** The live result (updated in place; copy what you keep). */
  get result(): DiscoveryResult {
    return this.data;
  }

  /** Every change: a notification read, a problem found, the state moving on. */
  onDidUpdate(listener: Listener): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Once, when the result is complete or timed out. */
  onDidFinish(listener: Listener): () => void {
    this.finishListeners.add(listener);
    return () => this.finishListeners.delete(listener);
  }

  /** Resolves when the discovery has finished (complete or timed out). */
  finished(): Promise<DiscoveryResult> {
    if (this.data.state !== 'running') return Promise.resolve(this.data);
    return new Promise((resolve) => {
      const off = this.onDidFinish((result) => {
        off();
        resolve(result);
      });
    });
  }

  /** Sends the two discovery messages and starts the timeout. Call receive() for what comes back. */
  start(): void {
    if (this.started) throw new Error('this endpoint discovery has already started');
    this.started = true;
    this.data.startedAtMs = performance.now();
    this.timeoutTimer = setTimeout(() => this.finish('timedOut'), this.timeoutMs);
    this.sendOrRecord(buildEndpointDiscovery(1, 1, ENDPOINT_DISCOVERY_FILTER_ALL), 'Endpoint Discovery');
    this.sendOrRecord(
      buildFunctionBlockDiscovery(ALL_FUNCTION_BLOCKS, FUNCTION_BLOCK_DISCOVERY_FILTER_ALL),
      'Function Block Discovery',
    );
  }

  /** Takes one received UMP at `words[offset]`; anything that is not a UMP Stream message is ignored. */
  receive(words: ArrayLike<number>, offset = 0): void {
    if (this.disposed || offset >= words.length) return;
    const w0 = words[offset] >>> 0;
    if (w0 >>> 28 !== 0xf) return;
    if (words.length - offset < 4) return;
    const packet = [w0, words[offset + 1] >>> 0, words[offset + 2] >>> 0, words[offset + 3] >>> 0];
    this.data.streamMessageCount++;
    this.take(packet);
    this.afterChange();
  }

  /** Stops the timers and ignores anything received from now on. */
  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    this.updateListeners.clear();
    this.finishListeners.clear();
  }

  private take(packet: number[]): void {
    const [w0, w1, w2, w3] = packet;
    const status = ((w0 >>> 16) & 0x3ff) as Status;
    const now = performance.now();
    switch (status) {
      case Status.EndpointInfoNotification: {
        const info = readEndpointInfo(w0, w1);
        const before = this.data.endpointInfo?.value;
        if (before?.staticFunctionBlocks === true && before.functionBlockCount !== info.functionBlockCount) {
          this.problem({
            code: 'staticBlocksChanged',
            message: `the endpoint declared static function blocks, then changed their count from ${before.functionBlockCount} to ${info.functionBlockCount}`,
          });
        }
        const { reservedBits, ...value } = info;
        this.data.endpointInfo = received(value, packet, now, this.data.endpointInfo);
        for (const p of checkEndpointInfo({ ...value, reservedBits })) this.problem(p);
        return;
      }
      case Status.DeviceIdentityNotification:
        this.data.deviceIdentity = received(
          readDeviceIdentity(w1, w2, w3),
          packet,
          now,
          this.data.deviceIdentity,
        );
        return;
      case Status.StreamConfigurationNotification:
        this.takeStreamConfiguration(packet, now);
        return;
      case Status.FunctionBlockInfoNotification:
        this.takeFunctionBlockInfo(packet, now);
        return;
      case Status.EndpointNameNotification:
      case Status.ProductInstanceIdNotification:
      case Status.FunctionBlockNameNotification:
        this.takeTextPacket(status, packet, now);
        return;
      default:
        return;
    }
  }

  private takeStreamConfiguration(packet: number[], now: number): void {
    const config = readStreamConfiguration(packet[0]);
    for (const p of checkStreamConfiguration(config, this.data.endpointInfo?.value)) this.problem(p);
    const negotiation = this.data.negotiation;
    if (negotiation !== undefined && this.negotiationSent && negotiation.answer === undefined) {
      // The first notification after our request is its answer.
      negotiation.answer = received(config, packet, now, undefined);
      const { requested } = negotiation;
      negotiation.accepted =
        config.protocol === requested.protocol &&
        config.receiveJrTimestamps === requested.receiveJrTimestamps &&
        config.transmitJrTimestamps === requested.transmitJrTimestamps;
      if (!negotiation.accepted) {
        this.problem({
          code: 'negotiation',
          message: `asked for ${describeConfiguration(requested)}, the endpoint answered ${describeConfiguration(config)}`,
        });
      }
    }
    this.data.streamConfiguration = received(config, packet, now, this.data.streamConfiguration);
  }

  private takeFunctionBlockInfo(packet: number[], now: number): void {
    const info = readFunctionBlockInfo(packet[0], packet[1]);
    const block = this.block(info.functionBlock);
    const endpoint = this.data.endpointInfo?.value;
    if (
      block.info !== undefined &&
      endpoint?.staticFunctionBlocks === true &&
      !sameInfo(block.info.value, info)
    ) {
      this.problem({
        code: 'staticBlocksChanged',
        functionBlock: info.functionBlock,
        message: `the endpoint declared static function blocks, then function block ${info.functionBlock} changed`,
      });
    }
    if (block.info === undefined) {
      for (const p of checkFunctionBlockInfo(info, endpoint?.functionBlockCount)) this.problem(p);
    }
    block.info = received(info, packet, now, block.info);
  }

  private takeTextPacket(status: Status, packet: number[], now: number): void {
    const w0 = packet[0];
    const key =
      status === Status.FunctionBlockNameNotification ? (status << 8) | ((w0 >>> 8) & 0x7f) : status << 8;
    const form = (w0 >>> 26) & 0x3;
    const packets = form === 0 || form === 1 ? [] : (this.openTextPackets.get(key) ?? []);
    packets.push(packet);
    this.openTextPackets.set(key, packets);
    for (const event of this.texts.push(packet)) this.takeText(event, packets, now);
    if (form === 0 || form === 3) this.openTextPackets.delete(key);
  }

  private takeText(event: AssembledText | TextProblem, packets: number[][], now: number): void {
    const label =
      event.functionBlock !== undefined
        ? `the name of function block ${event.functionBlock}`
        : event.status === (Status.EndpointNameNotification as number)
          ? 'the endpoint name'
          : 'the product instance id';
    if (event.kind !== 'text') {
      const at = event.functionBlock === undefined ? {} : { functionBlock: event.functionBlock };
      // UMP Stream texts have no group or channel: the sentence reads the same in either numbering.
      const why = showNumbered(event.description, 'oneBased');
      this.problem({ ...at, code: 'nameCut', message: `${label} is cut short: ${why}` });
      return;
    }
    if (event.functionBlock !== undefined) {
      const block = this.block(event.functionBlock);
      const endpoint = this.data.endpointInfo?.value;
      if (
        block.name !== undefined &&
        endpoint?.staticFunctionBlocks === true &&
        block.name.value !== event.text
      ) {
        this.problem({
          code: 'staticBlocksChanged',
          functionBlock: event.functionBlock,
          message: `the endpoint declared static function blocks, then function block ${event.functionBlock} was renamed`,
        });
      }
      if (block.name === undefined) {
        for (const p of checkText('functionBlockName', label, event.bytes, event.functionBlock))
          this.problem(p);
      }
      block.name = { value: event.text, packets, receivedAtMs: block.name?.receivedAtMs ?? now };
      return;
    }
    const isName = event.status === (Status.EndpointNameNotification as number);
    const previous = isName ? this.data.endpointName : this.data.productInstanceId;
    if (previous === undefined) {
      for (const p of checkText(isName ? 'endpointName' : 'productInstanceId', label, event.bytes))
        this.problem(p);
    }
    const value = { value: event.text, packets, receivedAtMs: previous?.receivedAtMs ?? now };
    if (isName) this.data.endpointName = value;
    else this.data.productInstanceId = value;
  }

  private block(functionBlock: number): DiscoveredFunctionBlock {
    let block = this.data.functionBlocks.get(functionBlock);
    if (block === undefined) {
      block = { functionBlock };
      this.data.functionBlocks.set(functionBlock, block);
    }
    return block;
  }

  private afterChange(): void {
    if (!this.disposed && this.data.state === 'running') {
      this.maybeNegotiate();
      this.data.missing = missingItems(this.data, this.negotiating());
      if (this.data.missing.length === 0) {
        this.finish('complete');
        return;
      }
      this.armSettle();
    }
    this.emit(this.updateListeners);
  }

  private negotiating(): boolean {
    return this.options.negotiate !== false && this.options.negotiate !== undefined;
  }

  private maybeNegotiate(): void {
    if (!this.negotiating() || this.negotiationSent) return;
    const endpoint = this.data.endpointInfo?.value;
    // Wait for the stream configuration discovery asked for, so its notification is not taken
    // for the answer to our request.
    if (endpoint === undefined || this.data.streamConfiguration === undefined) return;
    const requested = chooseStreamConfiguration(endpoint, this.options.negotiate || {});
    if (requested === undefined) return;
    this.data.negotiation = { requested };
    this.negotiationSent = true;
    this.sendOrRecord(
      buildStreamConfigurationRequest(
        requested.protocol,
        requested.receiveJrTimestamps,
        requested.transmitJrTimestamps,
      ),
      'Stream Configuration Request',
    );
  }

  private armSettle(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (!requiredArrived(this.data, this.negotiating())) return;
    this.settleTimer = setTimeout(() => this.finish('complete'), this.settleMs);
  }

  private finish(state: 'complete' | 'timedOut'): void {
    if (this.data.state !== 'running' || this.disposed) return;
    this.clearTimers();
    for (const event of this.texts.flush()) this.takeText(event, [], performance.now());
    this.openTextPackets.clear();
    this.data.missing = missingItems(this.data, this.negotiating());
    this.data.state = state;
    this.data.finishedAtMs = performance.now();
    this.emit(this.updateListeners);
    this.emit(this.finishListeners);
  }

  private clearTimers(): void {
    if (this.timeoutTimer !== undefined) clearTimeout(this.timeoutTimer);
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    this.timeoutTimer = undefined;
    this.settleTimer = undefined;
  }

  private sendOrRecord(words: Uint32Array, what: string): void {
    if (!this.options.send(words)) {
      this.problem({ code: 'missing', message: `could not send ${what} to the endpoint` });
    }
  }

  private problem(problem: DiscoveryProblem): void {
    if (this.data.problems.some((p) => p.message === problem.message)) return;
    this.data.problems.push(problem);
  }

  private emit(listeners: Set<Listener>): void {
    for (const listener of [...listeners]) listener(this.data);
  }
}

/** Endpoint info, stream configuration, every declared block's info and the negotiation's answer. */
export function requiredArrived(result: DiscoveryResult, negotiating: boolean): boolean {
  const endpoint = result.endpointInfo?.value;
  if (endpoint === undefined || result.streamConfiguration === undefined) return false;
  if (negotiating && result.negotiation !== undefined && result.negotiation.answer === undefined)
    return false;
  const count = Math.min(endpoint.functionBlockCount, MAX_FUNCTION_BLOCKS);
  for (let i = 0; i < count; i++) if (result.functionBlocks.get(i)?.info === undefined) return false;
  return true;
}

function received<T>(
  value: T,
  packet: number[],
  now: number,
  previous: Received<T> | undefined,
): Received<T> {
  return { value, packets: [packet], receivedAtMs: previous?.receivedAtMs ?? now };
}

function sameInfo(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function describeConfiguration(config: {
  protocol: number;
  receiveJrTimestamps: boolean;
  transmitJrTimestamps: boolean;
}): string {
  const jr = [config.receiveJrTimestamps ? 'rx JR' : '', config.transmitJrTimestamps ? 'tx JR' : '']
    .filter((s) => s !== '')
    .join(', ');
  return `MIDI ${config.protocol}.0${jr === '' ? '' : ` with ${jr}`}`;
}
