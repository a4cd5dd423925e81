// A virtual device as declared in settings or a JSON file, checked field by field: a wrong value
// is reported with its path ("functionBlocks[2].firstGroup"), what was expected and what was
// found, and a JSON file that does not parse with its line and column.

export type Direction = 'input' | 'output' | 'bidirectional';
export type Midi1Mode = 'none' | 'midi1' | 'midi1Restricted';
export type UiHint = 'unknown' | 'receiver' | 'sender' | 'both';

export interface VirtualFunctionBlock {
  name: string;
  active: boolean;
  /** 0-based, 0–15. */
  firstGroup: number;
  groupCount: number;
  direction: Direction;
  midi1: Midi1Mode;
  uiHint: UiHint;
  /** 0 none, 1 v1.1 (0x01), 2 v1.2 (0x02). */
  midiCiVersion: number;
  maxSysEx8Streams: number;
}

export interface VirtualDeviceDeclaration {
  endpointName: string;
  productInstanceId: string;
  deviceIdentity: { manufacturer: number[]; family: number; model: number; softwareRevision: number[] };
  umpVersion: { major: number; minor: number };
  protocols: { midi1: boolean; midi2: boolean };
  jrTimestamps: { receive: boolean; transmit: boolean };
  /** The protocol the stream starts in. */
  initialProtocol: 1 | 2;
  staticFunctionBlocks: boolean;
  functionBlocks: VirtualFunctionBlock[];
  midiCi: {
    /** The MUID the device answers from; random when absent. */
    muid?: number;
    maxSysExSize: number;
    /** JSON returned for the DeviceInfo resource; built from the identity when absent. */
    deviceInfo?: Record<string, unknown>;
    /** Extra resources answered by Get (name → JSON value). */
    resources: Record<string, unknown>;
    /** Profiles answered to a Profile Inquiry sent to the function block. */
    profiles: { id: number[]; enabled: boolean }[];
  };
}

export class DeclarationError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly found: unknown,
    readonly source = '',
  ) {
    super(`${source === '' ? '' : `${source}: `}${path}: expected ${expected}, found ${describe(found)}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? typeof value : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DeclarationError(path, 'an object', value);
  return value as Json;
}

function string(value: unknown, path: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') throw new DeclarationError(path, 'a string', value);
  return value;
}

function integer(value: unknown, path: string, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DeclarationError(path, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

function boolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new DeclarationError(path, 'true or false', value);
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw new DeclarationError(path, `one of ${options.map((o) => `"${o}"`).join(', ')}`, value);
  }
  return value as T;
}

function bytes(value: unknown, path: string, count: number): number[] {
  if (!Array.isArray(value) || value.length !== count)
    throw new DeclarationError(path, `an array of ${count} bytes`, value);
  return value.map((b, i) => integer(b, `${path}[${i}]`, 0, 0x7f));
}

const encoder = new TextEncoder();

function block(value: unknown, path: string): VirtualFunctionBlock {
  const o = object(value, path);
  const name = string(o.name, `${path}.name`);
  if (encoder.encode(name).length > 91)
    throw new DeclarationError(`${path}.name`, 'at most 91 bytes of UTF-8', name);
  const firstGroup = integer(o.firstGroup, `${path}.firstGroup`, 0, 15, 0);
  return {
    name,
    active: boolean(o.active, `${path}.active`, true),
    firstGroup,
    groupCount: integer(o.groupCount, `${path}.groupCount`, 1, 16 - firstGroup, 1),
    direction: oneOf(o.direction, `${path}.direction`, ['input', 'output', 'bidirectional'], 'bidirectional'),
    midi1: oneOf(o.midi1, `${path}.midi1`, ['none', 'midi1', 'midi1Restricted'], 'none'),
    uiHint: oneOf(o.uiHint, `${path}.uiHint`, ['unknown', 'receiver', 'sender', 'both'], 'both'),
    midiCiVersion: integer(o.midiCiVersion, `${path}.midiCiVersion`, 0, 0x7f, 2),
    maxSysEx8Streams: integer(o.maxSysEx8Streams, `${path}.maxSysEx8Streams`, 0, 255, 0),
  };
}

function profiles(value: unknown): { id: number[]; enabled: boolean }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new DeclarationError('midiCi.profiles', 'an array of { id, enabled }', value);
  return value.map((p, i) => {
    const o = object(p, `midiCi.profiles[${i}]`);
    return {
      id: bytes(o.id, `midiCi.profiles[${i}].id`, 5),
      enabled: boolean(o.enabled, `midiCi.profiles[${i}].enabled`, true),
    };
  });
}

/** Checks a declaration from settings or a parsed file; throws DeclarationError at the first fault. */
export function parseVirtualDeviceDeclaration(value: unknown, source = ''): VirtualDeviceDeclaration {
  try {
    const o = object(value, '(declaration)');
    const endpointName = string(o.endpointName, 'endpointName');
    if (endpointName.trim() === '' || encoder.encode(endpointName).length > 98) {
      throw new DeclarationError('endpointName', 'a name of 1 to 98 bytes of UTF-8', endpointName);
    }
    const productInstanceId = string(o.productInstanceId, 'productInstanceId', '');
    if (!/^[\x20-\x7e]{0,42}$/.test(productInstanceId)) {
      throw new DeclarationError(
        'productInstanceId',
        'at most 42 printable ASCII characters',
        productInstanceId,
      );
    }
    const identity = object(o.deviceIdentity ?? {}, 'deviceIdentity');
    const ump = object(o.umpVersion ?? {}, 'umpVersion');
    const protocols = object(o.protocols ?? {}, 'protocols');
    const jr = object(o.jrTimestamps ?? {}, 'jrTimestamps');
    const ci = object(o.midiCi ?? {}, 'midiCi');
    const midi1 = boolean(protocols.midi1, 'protocols.midi1', true);
    const midi2 = boolean(protocols.midi2, 'protocols.midi2', true);
    const blocks = o.functionBlocks ?? [];
    if (!Array.isArray(blocks) || blocks.length > 32) {
      throw new DeclarationError('functionBlocks', 'an array of at most 32 function blocks', blocks);
    }
    const declaration: VirtualDeviceDeclaration = {
      endpointName,
      productInstanceId,
      deviceIdentity: {
        manufacturer:
          identity.manufacturer === undefined
            ? [0x7d, 0, 0]
            : bytes(identity.manufacturer, 'deviceIdentity.manufacturer', 3),
        family: integer(identity.family, 'deviceIdentity.family', 0, 0x3fff, 0),
        model: integer(identity.model, 'deviceIdentity.model', 0, 0x3fff, 0),
        softwareRevision:
          identity.softwareRevision === undefined
            ? [0, 0, 0, 1]
            : bytes(identity.softwareRevision, 'deviceIdentity.softwareRevision', 4),
      },
      umpVersion: {
        major: integer(ump.major, 'umpVersion.major', 0, 255, 1),
        minor: integer(ump.minor, 'umpVersion.minor', 0, 255, 1),
      },
      protocols: { midi1, midi2 },
      jrTimestamps: {
        receive: boolean(jr.receive, 'jrTimestamps.receive', false),
        transmit: boolean(jr.transmit, 'jrTimestamps.transmit', false),
      },
      initialProtocol: integer(o.initialProtocol, 'initialProtocol', 1, 2, midi2 ? 2 : 1) as 1 | 2,
      staticFunctionBlocks: boolean(o.staticFunctionBlocks, 'staticFunctionBlocks', true),
      functionBlocks: blocks.map((b, i) => block(b, `functionBlocks[${i}]`)),
      midiCi: {
        maxSysExSize: integer(ci.maxSysExSize, 'midiCi.maxSysExSize', 128, 0x0fffffff, 512),
        resources: ci.resources === undefined ? {} : object(ci.resources, 'midiCi.resources'),
        profiles: profiles(ci.profiles),
      },
    };
    if (ci.muid !== undefined) declaration.midiCi.muid = integer(ci.muid, 'midiCi.muid', 0, 0x0ffffeff);
    if (ci.deviceInfo !== undefined)
      declaration.midiCi.deviceInfo = object(ci.deviceInfo, 'midiCi.deviceInfo');
    if (!midi1 && !midi2)
      throw new DeclarationError('protocols', 'at least one of midi1 and midi2', protocols);
    return declaration;
  } catch (error) {
    if (error instanceof DeclarationError && source !== '') {
      throw new DeclarationError(error.path, error.expected, error.found, source);
    }
    throw error;
  }
}

/** Parses a JSON file's text; a syntax error says the line and column. */
export function parseVirtualDeviceFile(text: string, fileName: string): VirtualDeviceDeclaration {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    let where = '';
    if (position !== null) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = `:${line}:${column}`;
    }
    throw new Error(`${fileName}${where}: not valid JSON: ${reason}`);
  }
  return parseVirtualDeviceDeclaration(value, fileName);
}
