// What the UMP 1.1 spec allows in what an endpoint says about itself, as problems with a sentence
// each. Pure functions of the values read; EndpointDiscovery decides when to run them.
import {
  MAX_ENDPOINT_NAME_BYTES,
  MAX_FUNCTION_BLOCK_NAME_BYTES,
  MAX_PRODUCT_INSTANCE_ID_BYTES,
  decodeUtf8,
  encodeUtf8,
  type EndpointInfo,
  type FunctionBlockInfo,
  type StreamConfiguration,
} from '../ump';
import type { DiscoveryProblem } from './discoveryResult';

/** The most function blocks an endpoint may have (numbers 0–31). */
export const MAX_FUNCTION_BLOCKS = 32;

export function checkEndpointInfo(info: EndpointInfo & { reservedBits?: number }): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  if (info.umpVersionMajor !== 1 || info.umpVersionMinor !== 1) {
    problems.push({
      code: 'umpVersion',
      message: `UMP version ${info.umpVersionMajor}.${info.umpVersionMinor} is not 1.1, the version that defines these messages`,
    });
  }
  if (!info.supportsMidi1Protocol && !info.supportsMidi2Protocol) {
    problems.push({
      code: 'noProtocol',
      message: 'the endpoint declares neither the MIDI 1.0 nor the MIDI 2.0 protocol',
    });
  }
  if (info.functionBlockCount > MAX_FUNCTION_BLOCKS) {
    problems.push({
      code: 'blockCount',
      message: `the endpoint declares ${info.functionBlockCount} function blocks; at most ${MAX_FUNCTION_BLOCKS} exist`,
    });
  }
  if (info.reservedBits !== undefined && info.reservedBits !== 0) {
    problems.push({
      code: 'reservedBits',
      message: `Endpoint Info sets reserved bits 0x${info.reservedBits.toString(16).padStart(8, '0')} of its second word`,
    });
  }
  return problems;
}

export function checkFunctionBlockInfo(
  block: FunctionBlockInfo,
  declaredCount: number | undefined,
): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  const at = { functionBlock: block.functionBlock };
  const name = `function block ${block.functionBlock}`;
  if (block.functionBlock >= MAX_FUNCTION_BLOCKS) {
    problems.push({ ...at, code: 'blockCount', message: `${name} has a number above 31` });
  } else if (declaredCount !== undefined && block.functionBlock >= declaredCount) {
    problems.push({
      ...at,
      code: 'blockNotDeclared',
      message: `${name} is one more than the ${declaredCount} the endpoint declared`,
    });
  }
  if (block.direction === 0) {
    problems.push({ ...at, code: 'reservedDirection', message: `${name} has the reserved direction 0` });
  }
  if (block.midi1 === 3) {
    problems.push({ ...at, code: 'reservedMidi1Mode', message: `${name} has the reserved MIDI 1.0 mode 3` });
  }
  if (block.groupCount === 0) {
    problems.push({ ...at, code: 'zeroGroups', message: `${name} spans no groups` });
  } else if (block.firstGroup + block.groupCount > 16) {
    const last = block.firstGroup + block.groupCount;
    problems.push({
      ...at,
      code: 'blockOutsideGroups',
      message: `${name} spans groups ${block.firstGroup + 1}–${last} (1-based); an endpoint has groups 1–16`,
    });
  }
  return problems;
}

export function checkStreamConfiguration(
  config: StreamConfiguration,
  endpoint: EndpointInfo | undefined,
): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  if (config.protocol !== 1 && config.protocol !== 2) {
    problems.push({
      code: 'streamProtocol',
      message: `the stream configuration names protocol 0x${config.protocol.toString(16).padStart(2, '0')}, which the spec reserves`,
    });
  } else if (endpoint !== undefined) {
    const supported = config.protocol === 2 ? endpoint.supportsMidi2Protocol : endpoint.supportsMidi1Protocol;
    if (!supported) {
      problems.push({
        code: 'streamProtocol',
        message: `the stream configuration is MIDI ${config.protocol}.0, which the endpoint does not declare`,
      });
    }
  }
  if (endpoint !== undefined) {
    if (config.receiveJrTimestamps && !endpoint.receivesJrTimestamps) {
      problems.push({
        code: 'streamProtocol',
        message: 'the stream configuration receives JR timestamps, which the endpoint does not declare',
      });
    }
    if (config.transmitJrTimestamps && !endpoint.transmitsJrTimestamps) {
      problems.push({
        code: 'streamProtocol',
        message: 'the stream configuration transmits JR timestamps, which the endpoint does not declare',
      });
    }
  }
  return problems;
}

export type NamedText = 'endpointName' | 'productInstanceId' | 'functionBlockName';

const limits: Record<NamedText, number> = {
  endpointName: MAX_ENDPOINT_NAME_BYTES,
  productInstanceId: MAX_PRODUCT_INSTANCE_ID_BYTES,
  functionBlockName: MAX_FUNCTION_BLOCK_NAME_BYTES,
};

/** UTF-8 that is well formed survives decoding and encoding again unchanged. */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const again = encodeUtf8(decodeUtf8(bytes));
  return again.length === bytes.length && again.every((byte, i) => byte === bytes[i]);
}

export function checkText(
  kind: NamedText,
  label: string,
  bytes: Uint8Array,
  functionBlock?: number,
): DiscoveryProblem[] {
  const problems: DiscoveryProblem[] = [];
  const at = functionBlock === undefined ? {} : { functionBlock };
  if (!isWellFormedUtf8(bytes)) {
    problems.push({ ...at, code: 'nameNotUtf8', message: `${label} is not well-formed UTF-8` });
  }
  if (bytes.length > limits[kind]) {
    problems.push({
      ...at,
      code: 'nameTooLong',
      message: `${label} is ${bytes.length} bytes; the spec allows ${limits[kind]}`,
    });
  }
  if (kind === 'productInstanceId' && bytes.some((byte) => byte < 0x20 || byte > 0x7e)) {
    problems.push({ ...at, code: 'productInstanceIdNotAscii', message: `${label} is not printable ASCII` });
  }
  return problems;
}
