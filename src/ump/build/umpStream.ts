// UMP Stream messages a host sends to find out about an endpoint (discovery, stream
// configuration) and the clip markers. What an endpoint answers with is in
// umpStreamNotifications.ts, the name messages in umpStreamNames.ts.
import { UmpStreamStatus as Status } from '../names/umpStream';
import { checkRange } from './checkRange';
import { checkFunctionBlock, umpStreamWord0 } from './umpStreamFields';

/** Asks for the notifications set in `filter`: bit 0 endpoint info … bit 4 stream configuration. */
export function buildEndpointDiscovery(
  umpVersionMajor: number,
  umpVersionMinor: number,
  filter: number,
): Uint32Array {
  checkRange('umpVersionMajor', umpVersionMajor, 0, 0xff);
  checkRange('umpVersionMinor', umpVersionMinor, 0, 0xff);
  checkRange('filter', filter, 0, 0xff);
  return Uint32Array.of(
    umpStreamWord0(Status.EndpointDiscovery, (umpVersionMajor << 8) | umpVersionMinor),
    filter,
    0,
    0,
  );
}

/** `functionBlock` 0–31, or 255 for all; `filter` bit 0 asks for info, bit 1 for the name. */
export function buildFunctionBlockDiscovery(functionBlock: number, filter: number): Uint32Array {
  if (functionBlock !== 0xff) checkFunctionBlock(functionBlock, ', or 255 for all');
  checkRange('filter', filter, 0, 0xff);
  return Uint32Array.of(
    umpStreamWord0(Status.FunctionBlockDiscovery, (functionBlock << 8) | filter),
    0,
    0,
    0,
  );
}

/** `protocol` 1 (MIDI 1.0) or 2 (MIDI 2.0), and whether JR timestamps go each way. */
export function buildStreamConfigurationRequest(
  protocol: number,
  receiveJrTimestamps: boolean,
  transmitJrTimestamps: boolean,
): Uint32Array {
  return streamConfiguration(
    Status.StreamConfigurationRequest,
    protocol,
    receiveJrTimestamps,
    transmitJrTimestamps,
  );
}

export function buildStreamConfigurationNotification(
  protocol: number,
  receiveJrTimestamps: boolean,
  transmitJrTimestamps: boolean,
): Uint32Array {
  return streamConfiguration(
    Status.StreamConfigurationNotification,
    protocol,
    receiveJrTimestamps,
    transmitJrTimestamps,
  );
}

export function buildStartOfClip(): Uint32Array {
  return Uint32Array.of(umpStreamWord0(Status.StartOfClip, 0), 0, 0, 0);
}

export function buildEndOfClip(): Uint32Array {
  return Uint32Array.of(umpStreamWord0(Status.EndOfClip, 0), 0, 0, 0);
}

function streamConfiguration(status: Status, protocol: number, rxJr: boolean, txJr: boolean): Uint32Array {
  checkRange('protocol', protocol, 1, 2);
  const low16 = (protocol << 8) | (rxJr ? 0x2 : 0) | (txJr ? 0x1 : 0);
  return Uint32Array.of(umpStreamWord0(status, low16), 0, 0, 0);
}
