// A declaration as the engine's endpoint info: the UMP endpoint info and function blocks the
// engine holds for the virtual device's endpoint side, so its MidiEndpointDeviceInformation and
// what the OS is shown (ALSA: the published client's UMP endpoint info and blocks) are the
// device's own, as Discover Endpoint would find them. Pure.
import type { MidiFunctionBlockDetails, MidiUmpEndpointDeclaration } from '../engine';
import type { Direction, Midi1Mode, UiHint, VirtualDeviceDeclaration } from './virtualDeviceDeclaration';

const directions: Record<Direction, number> = { input: 1, output: 2, bidirectional: 3 };
const midi1Modes: Record<Midi1Mode, number> = { none: 0, midi1: 1, midi1Restricted: 2 };
const uiHints: Record<UiHint, number> = { unknown: 0, receiver: 1, sender: 2, both: 3 };

/** Bytes, most significant first, as one number (a 3-byte SysEx id, a 4-byte revision). */
function bytesAsNumber(bytes: readonly number[]): number {
  return bytes.reduce((value, byte) => value * 0x100 + byte, 0);
}

export function declaredUmpEndpoint(declaration: VirtualDeviceDeclaration): MidiUmpEndpointDeclaration {
  const functionBlocks: MidiFunctionBlockDetails[] = declaration.functionBlocks.map((block, number) => ({
    number,
    name: block.name,
    active: block.active,
    direction: directions[block.direction],
    firstGroup: block.firstGroup,
    groupCount: block.groupCount,
    uiHint: uiHints[block.uiHint],
    midi1: midi1Modes[block.midi1],
    midiCiVersion: block.midiCiVersion,
    maxSysEx8Streams: block.maxSysEx8Streams,
  }));
  return {
    umpEndpoint: {
      umpVersionMajor: declaration.umpVersion.major,
      umpVersionMinor: declaration.umpVersion.minor,
      functionBlockCount: functionBlocks.length,
      staticFunctionBlocks: declaration.staticFunctionBlocks,
      supportsMidi1: declaration.protocols.midi1,
      supportsMidi2: declaration.protocols.midi2,
      receivesJr: declaration.jrTimestamps.receive,
      transmitsJr: declaration.jrTimestamps.transmit,
      productInstanceId: declaration.productInstanceId,
      manufacturerId: bytesAsNumber(declaration.deviceIdentity.manufacturer),
      family: declaration.deviceIdentity.family,
      model: declaration.deviceIdentity.model,
      softwareRevision: bytesAsNumber(declaration.deviceIdentity.softwareRevision),
    },
    functionBlocks,
  };
}
