// The UMP Stream notifications read back into the same plain objects their builders take
// (EndpointInfo, DeviceIdentity, FunctionBlockInfo), for code that acts on them (endpoint
// discovery, a virtual device) rather than shows them. Reserved bits are returned too, so a
// caller can flag a device that sets them.
import type { DeviceIdentity, EndpointInfo, FunctionBlockInfo } from '../build/umpStreamNotifications';

export interface StreamConfiguration {
  /** 1 MIDI 1.0, 2 MIDI 2.0; anything else is reserved. */
  protocol: number;
  receiveJrTimestamps: boolean;
  transmitJrTimestamps: boolean;
}

/** Endpoint Info Notification (status 0x001): the block count is 7 bits on the wire. */
export function readEndpointInfo(w0: number, w1: number): EndpointInfo & { reservedBits: number } {
  return {
    umpVersionMajor: (w0 >>> 8) & 0xff,
    umpVersionMinor: w0 & 0xff,
    staticFunctionBlocks: (w1 & 0x80000000) !== 0,
    functionBlockCount: (w1 >>> 24) & 0x7f,
    supportsMidi2Protocol: (w1 & 0x200) !== 0,
    supportsMidi1Protocol: (w1 & 0x100) !== 0,
    receivesJrTimestamps: (w1 & 0x2) !== 0,
    transmitsJrTimestamps: (w1 & 0x1) !== 0,
    reservedBits: (w1 & 0x00fffcfc) >>> 0,
  };
}

/** Device Identity Notification (status 0x002). */
export function readDeviceIdentity(w1: number, w2: number, w3: number): DeviceIdentity {
  return {
    manufacturer: [(w1 >>> 16) & 0x7f, (w1 >>> 8) & 0x7f, w1 & 0x7f],
    family: ((w2 >>> 24) & 0x7f) | (((w2 >>> 16) & 0x7f) << 7),
    model: ((w2 >>> 8) & 0x7f) | ((w2 & 0x7f) << 7),
    softwareRevision: [(w3 >>> 24) & 0x7f, (w3 >>> 16) & 0x7f, (w3 >>> 8) & 0x7f, w3 & 0x7f],
  };
}

/** Stream Configuration Request or Notification (status 0x005 / 0x006). */
export function readStreamConfiguration(w0: number): StreamConfiguration {
  return {
    protocol: (w0 >>> 8) & 0xff,
    receiveJrTimestamps: (w0 & 0x2) !== 0,
    transmitJrTimestamps: (w0 & 0x1) !== 0,
  };
}

/**
 * Function Block Info Notification (status 0x011). Values the builder would refuse (direction 0,
 * MIDI 1.0 mode 3, a group span past 16) are returned as they are, for the caller to judge.
 */
export function readFunctionBlockInfo(w0: number, w1: number): FunctionBlockInfo {
  return {
    active: (w0 & 0x8000) !== 0,
    functionBlock: (w0 >>> 8) & 0x7f,
    uiHint: (w0 >>> 4) & 0x3,
    midi1: (w0 >>> 2) & 0x3,
    direction: w0 & 0x3,
    firstGroup: (w1 >>> 24) & 0xff,
    groupCount: (w1 >>> 16) & 0xff,
    midiCiVersion: (w1 >>> 8) & 0xff,
    maxSysEx8Streams: w1 & 0xff,
  };
}

/** Endpoint Discovery (0x000): the version the host speaks and what it asks for. */
export function readEndpointDiscovery(w0: number, w1: number) {
  return { umpVersionMajor: (w0 >>> 8) & 0xff, umpVersionMinor: w0 & 0xff, filter: w1 & 0xff };
}

/** Function Block Discovery (0x010): block number (255 all) and filter. */
export function readFunctionBlockDiscovery(w0: number) {
  return { functionBlock: (w0 >>> 8) & 0xff, filter: w0 & 0xff };
}
