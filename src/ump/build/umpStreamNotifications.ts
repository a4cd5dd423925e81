// UMP Stream notifications an endpoint answers discovery with: what it is (endpoint info), who
// made it (device identity) and what its function blocks do (function block info).
import { UmpStreamStatus as Status } from '../names/umpStream';
import { checkBytes, checkLength, checkRange } from './checkRange';
import { checkFunctionBlock, umpStreamWord0 } from './umpStreamFields';

export interface EndpointInfo {
  umpVersionMajor: number;
  umpVersionMinor: number;
  /** The function blocks never change. */
  staticFunctionBlocks: boolean;
  /** 0–32. */
  functionBlockCount: number;
  supportsMidi2Protocol: boolean;
  supportsMidi1Protocol: boolean;
  receivesJrTimestamps: boolean;
  transmitsJrTimestamps: boolean;
}

export function buildEndpointInfoNotification(info: EndpointInfo): Uint32Array {
  checkRange('umpVersionMajor', info.umpVersionMajor, 0, 0xff);
  checkRange('umpVersionMinor', info.umpVersionMinor, 0, 0xff);
  checkRange('functionBlockCount', info.functionBlockCount, 0, 32);
  const w1 =
    (info.staticFunctionBlocks ? 0x80000000 : 0) |
    (info.functionBlockCount << 24) |
    (info.supportsMidi2Protocol ? 0x200 : 0) |
    (info.supportsMidi1Protocol ? 0x100 : 0) |
    (info.receivesJrTimestamps ? 0x2 : 0) |
    (info.transmitsJrTimestamps ? 0x1 : 0);
  const w0 = umpStreamWord0(
    Status.EndpointInfoNotification,
    (info.umpVersionMajor << 8) | info.umpVersionMinor,
  );
  return Uint32Array.of(w0, w1, 0, 0);
}

export interface DeviceIdentity {
  /** The SysEx manufacturer id as three 7-bit bytes; a one-byte id is [id, 0, 0]. */
  manufacturer: readonly number[];
  /** 14 bits each. */
  family: number;
  model: number;
  /** Four 7-bit bytes. */
  softwareRevision: readonly number[];
}

export function buildDeviceIdentityNotification(identity: DeviceIdentity): Uint32Array {
  checkLength('manufacturer', identity.manufacturer, 3, 3);
  checkLength('softwareRevision', identity.softwareRevision, 4, 4);
  const [m1, m2, m3] = checkBytes('manufacturer', identity.manufacturer, 0x7f);
  const [r1, r2, r3, r4] = checkBytes('softwareRevision', identity.softwareRevision, 0x7f);
  const family = checkRange('family', identity.family, 0, 0x3fff);
  const model = checkRange('model', identity.model, 0, 0x3fff);
  // Family and model travel as 7-bit LSB then MSB, as in the MIDI 1.0 identity reply.
  const w2 = ((family & 0x7f) << 24) | ((family >> 7) << 16) | ((model & 0x7f) << 8) | (model >> 7);
  return Uint32Array.of(
    umpStreamWord0(Status.DeviceIdentityNotification, 0),
    (m1 << 16) | (m2 << 8) | m3,
    w2,
    (r1 << 24) | (r2 << 16) | (r3 << 8) | r4,
  );
}

export interface FunctionBlockInfo {
  active: boolean;
  /** 0–31. */
  functionBlock: number;
  /** 0 unknown, 1 receiver, 2 sender, 3 both. */
  uiHint: number;
  /** 0 not MIDI 1.0, 1 MIDI 1.0, 2 MIDI 1.0 restricted to 31.25 kb/s. */
  midi1: number;
  /** 1 input, 2 output, 3 bidirectional. */
  direction: number;
  firstGroup: number;
  /** Groups spanned from `firstGroup`; they must all exist (firstGroup + groupCount ≤ 16). */
  groupCount: number;
  midiCiVersion: number;
  maxSysEx8Streams: number;
}

export function buildFunctionBlockInfoNotification(block: FunctionBlockInfo): Uint32Array {
  checkFunctionBlock(block.functionBlock);
  checkRange('uiHint', block.uiHint, 0, 3);
  checkRange('midi1', block.midi1, 0, 2);
  checkRange('direction', block.direction, 1, 3);
  checkRange('firstGroup', block.firstGroup, 0, 15);
  checkRange('groupCount', block.groupCount, 1, 16 - block.firstGroup);
  checkRange('midiCiVersion', block.midiCiVersion, 0, 0xff);
  checkRange('maxSysEx8Streams', block.maxSysEx8Streams, 0, 0xff);
  const low16 =
    (block.active ? 0x8000 : 0) |
    (block.functionBlock << 8) |
    (block.uiHint << 4) |
    (block.midi1 << 2) |
    block.direction;
  const w1 =
    (block.firstGroup << 24) | (block.groupCount << 16) | (block.midiCiVersion << 8) | block.maxSysEx8Streams;
  return Uint32Array.of(umpStreamWord0(Status.FunctionBlockInfoNotification, low16), w1, 0, 0);
}
