// What endpoint discovery learned about an endpoint: every notification it answered with, read
// into plain values, with the raw packets kept beside them for a detail view, and the problems
// found on the way. Plain data: it serializes to JSON as it is (the Maps excepted, see toJson).
import type { DeviceIdentity, EndpointInfo, FunctionBlockInfo, StreamConfiguration } from '../ump';

/** The packets one value came in, as words, in arrival order. */
export type RawPackets = number[][];

export interface Received<T> {
  value: T;
  packets: RawPackets;
  /** performance.now() when it arrived; the first arrival for a value that changed later. */
  receivedAtMs: number;
}

export interface DiscoveredFunctionBlock {
  functionBlock: number;
  info?: Received<FunctionBlockInfo>;
  name?: Received<string>;
}

export type DiscoveryProblemCode =
  | 'umpVersion'
  | 'noProtocol'
  | 'reservedBits'
  | 'blockCount'
  | 'blockOutsideGroups'
  | 'blockNotDeclared'
  | 'blockNumberMismatch'
  | 'reservedDirection'
  | 'reservedMidi1Mode'
  | 'zeroGroups'
  | 'staticBlocksChanged'
  | 'nameNotUtf8'
  | 'nameCut'
  | 'nameTooLong'
  | 'productInstanceIdNotAscii'
  | 'streamProtocol'
  | 'negotiation'
  | 'missing';

export interface DiscoveryProblem {
  code: DiscoveryProblemCode;
  /** A sentence naming what is wrong and where, e.g. "function block 3 sent no name". */
  message: string;
  functionBlock?: number;
}

export interface ProtocolNegotiation {
  requested: StreamConfiguration;
  /** The Stream Configuration Notification that answered, when one came. */
  answer?: Received<StreamConfiguration>;
  /** The answer matches the request. */
  accepted?: boolean;
}

export type DiscoveryState = 'running' | 'complete' | 'timedOut';

export interface DiscoveryResult {
  state: DiscoveryState;
  startedAtMs: number;
  /** When everything declared had arrived (complete) or the timeout fired. */
  finishedAtMs?: number;
  endpointInfo?: Received<EndpointInfo>;
  deviceIdentity?: Received<DeviceIdentity>;
  endpointName?: Received<string>;
  productInstanceId?: Received<string>;
  streamConfiguration?: Received<StreamConfiguration>;
  /** By block number, in the order they first appeared. */
  functionBlocks: Map<number, DiscoveredFunctionBlock>;
  negotiation?: ProtocolNegotiation;
  /** What the endpoint was asked for and did not send, by name ("function block 3 sent no name"). */
  missing: string[];
  problems: DiscoveryProblem[];
  /** UMP Stream messages received, all of them, for the record (packets of names included). */
  streamMessageCount: number;
}

/** The result as JSON-ready data: function blocks as an array sorted by number. */
export function discoveryResultToJson(result: DiscoveryResult): Record<string, unknown> {
  const blocks = [...result.functionBlocks.values()].sort((a, b) => a.functionBlock - b.functionBlock);
  return { ...result, functionBlocks: blocks };
}
