// Reads `midiScope.loopbackPairs` without trusting it: every malformed entry becomes a problem
// that names its index and field, and the well-formed entries still load.
import type { MidiLoopbackEndpointCreationConfig, MidiLoopbackEndpointDefinition } from '../../engine/types';

export interface PersistentPairEntry {
  /** Position of the entry in the settings array, for messages. */
  index: number;
  config: MidiLoopbackEndpointCreationConfig;
}

export interface LoopbackPairsSettingReading {
  entries: PersistentPairEntry[];
  /** One sentence per skipped entry, e.g. "midiScope.loopbackPairs[2].endpointB.name: …". */
  problems: string[];
}

const settingName = 'midiScope.loopbackPairs';

class EntryProblem extends Error {}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function requireString(
  holder: Record<string, unknown>,
  key: string,
  where: string,
  optional = false,
): string {
  const value = holder[key];
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') {
    throw new EntryProblem(`${where}.${key}: expected a string, found ${describeValue(value)}`);
  }
  if (!optional && value.trim() === '') throw new EntryProblem(`${where}.${key}: must not be empty`);
  return value.trim();
}

function requireObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EntryProblem(`${where}: expected an object, found ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function readSide(
  holder: Record<string, unknown>,
  key: string,
  where: string,
): MidiLoopbackEndpointDefinition {
  const side = requireObject(holder[key], `${where}.${key}`);
  const sideWhere = `${where}.${key}`;
  return {
    name: requireString(side, 'name', sideWhere),
    description: requireString(side, 'description', sideWhere, true),
    uniqueId: requireString(side, 'uniqueId', sideWhere),
  };
}

function readEntry(value: unknown, where: string): MidiLoopbackEndpointCreationConfig {
  const entry = requireObject(value, where);
  const config = {
    associationId: requireString(entry, 'associationId', where),
    endpointA: readSide(entry, 'endpointA', where),
    endpointB: readSide(entry, 'endpointB', where),
  };
  if (config.endpointA.uniqueId === config.endpointB.uniqueId) {
    throw new EntryProblem(
      `${where}.endpointB.uniqueId: "${config.endpointB.uniqueId}" is the same as endpointA's; each side needs its own`,
    );
  }
  return config;
}

/** Validates the raw setting value; never throws. */
export function readLoopbackPairsSetting(value: unknown): LoopbackPairsSettingReading {
  if (value === undefined || value === null) return { entries: [], problems: [] };
  if (!Array.isArray(value)) {
    return {
      entries: [],
      problems: [`${settingName}: expected an array of pairs, found ${describeValue(value)}`],
    };
  }
  const entries: PersistentPairEntry[] = [];
  const problems: string[] = [];
  const associationIds = new Map<string, number>();
  const uniqueIds = new Map<string, number>();
  value.forEach((raw: unknown, index) => {
    const where = `${settingName}[${index}]`;
    try {
      const config = readEntry(raw, where);
      const earlier = associationIds.get(config.associationId);
      if (earlier !== undefined) {
        throw new EntryProblem(
          `${where}.associationId: "${config.associationId}" is already used by entry ${earlier}`,
        );
      }
      for (const side of ['endpointA', 'endpointB'] as const) {
        const owner = uniqueIds.get(config[side].uniqueId);
        if (owner !== undefined) {
          throw new EntryProblem(
            `${where}.${side}.uniqueId: "${config[side].uniqueId}" is already used by entry ${owner}`,
          );
        }
      }
      associationIds.set(config.associationId, index);
      uniqueIds.set(config.endpointA.uniqueId, index);
      uniqueIds.set(config.endpointB.uniqueId, index);
      entries.push({ index, config });
    } catch (error) {
      if (!(error instanceof EntryProblem)) throw error;
      problems.push(`${error.message}; entry skipped`);
    }
  });
  return { entries, problems };
}

/** True when two configs would create the same endpoints. */
export function sameLoopbackConfig(
  a: MidiLoopbackEndpointCreationConfig,
  b: MidiLoopbackEndpointCreationConfig,
): boolean {
  const sameSide = (x: MidiLoopbackEndpointDefinition, y: MidiLoopbackEndpointDefinition): boolean =>
    x.name === y.name && (x.description ?? '') === (y.description ?? '') && x.uniqueId === y.uniqueId;
  return (
    a.associationId === b.associationId &&
    sameSide(a.endpointA, b.endpointA) &&
    sameSide(a.endpointB, b.endpointB)
  );
}

/** The JSON form written to settings (description only when there is one). */
export function toSettingEntry(config: MidiLoopbackEndpointCreationConfig): Record<string, unknown> {
  const side = (definition: MidiLoopbackEndpointDefinition): Record<string, string> => ({
    name: definition.name,
    ...(definition.description ? { description: definition.description } : {}),
    uniqueId: definition.uniqueId,
  });
  return {
    associationId: config.associationId,
    endpointA: side(config.endpointA),
    endpointB: side(config.endpointB),
  };
}
