// Checks a loopback pair before anything is created, so that the quick input can refuse a value
// with its reason while the person is still typing, and explicit configs get the same answers.
import type { MidiEndpointDeviceInformation, MidiLoopbackEndpointCreationConfig } from '../../engine/types';

/** What already exists and must not be duplicated. */
export interface ExistingEndpoints {
  endpoints: readonly MidiEndpointDeviceInformation[];
  /** Association ids in use, including pairs from settings that failed to load. */
  associationIds: ReadonlySet<string>;
}

export function validateEndpointName(
  name: string,
  existing: ExistingEndpoints,
  otherSideName?: string,
): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'The name must not be empty.';
  if (otherSideName !== undefined && trimmed === otherSideName.trim()) {
    return `"${trimmed}" is already the name of the other side of this pair.`;
  }
  const clash = existing.endpoints.find((endpoint) => endpoint.name === trimmed);
  if (clash) return `An endpoint named "${trimmed}" already exists (${clash.endpointDeviceId}).`;
  return undefined;
}

export function validateUniqueId(
  uniqueId: string,
  existing: ExistingEndpoints,
  otherSideUniqueId?: string,
): string | undefined {
  const trimmed = uniqueId.trim();
  if (trimmed === '') return 'The unique id must not be empty.';
  if (/\s/.test(trimmed)) return 'The unique id must not contain spaces.';
  if (otherSideUniqueId !== undefined && trimmed === otherSideUniqueId.trim()) {
    return `"${trimmed}" is already the unique id of the other side of this pair.`;
  }
  const clash = existing.endpoints.find((endpoint) => endpoint.uniqueId === trimmed);
  if (clash) return `The unique id "${trimmed}" is already used by "${clash.name}".`;
  return undefined;
}

export function validateAssociationId(
  associationId: string,
  existing: ExistingEndpoints,
): string | undefined {
  const trimmed = associationId.trim();
  if (trimmed === '') return 'The association id must not be empty.';
  if (existing.associationIds.has(trimmed))
    return `A loopback pair with association id "${trimmed}" already exists.`;
  return undefined;
}

/** The first reason the pair cannot be created, prefixed with the field it is about; undefined when it can. */
export function validatePairConfig(
  config: MidiLoopbackEndpointCreationConfig,
  existing: ExistingEndpoints,
): string | undefined {
  const checks: [string, string | undefined][] = [
    ['associationId', validateAssociationId(config.associationId, existing)],
    ['endpointA.name', validateEndpointName(config.endpointA.name, existing)],
    ['endpointB.name', validateEndpointName(config.endpointB.name, existing, config.endpointA.name)],
    ['endpointA.uniqueId', validateUniqueId(config.endpointA.uniqueId, existing)],
    ['endpointB.uniqueId', validateUniqueId(config.endpointB.uniqueId, existing, config.endpointA.uniqueId)],
  ];
  const failed = checks.find(([, reason]) => reason !== undefined);
  return failed ? `${failed[0]}: ${failed[1]}` : undefined;
}

/** Reads an explicit config passed to a command, saying which field is wrong. */
export function parsePairConfigArgument(
  value: unknown,
): MidiLoopbackEndpointCreationConfig & { persistent: boolean } {
  const fail = (where: string, what: string): never => {
    throw new TypeError(`createLoopbackPair argument ${where}: ${what}`);
  };
  if (typeof value !== 'object' || value === null)
    fail('', 'expected an object { endpointA, endpointB, associationId?, persistent? }');
  const raw = value as Record<string, unknown>;
  const side = (key: 'endpointA' | 'endpointB') => {
    const sideValue = raw[key];
    if (typeof sideValue !== 'object' || sideValue === null)
      return fail(key, 'expected an object { name, uniqueId, description? }');
    const { name, uniqueId, description } = sideValue as Record<string, unknown>;
    if (typeof name !== 'string') fail(`${key}.name`, 'expected a string');
    if (typeof uniqueId !== 'string') fail(`${key}.uniqueId`, 'expected a string');
    if (description !== undefined && typeof description !== 'string')
      fail(`${key}.description`, 'expected a string');
    return {
      name: (name as string).trim(),
      uniqueId: (uniqueId as string).trim(),
      description: typeof description === 'string' ? description.trim() : '',
    };
  };
  if (raw.associationId !== undefined && typeof raw.associationId !== 'string')
    fail('associationId', 'expected a string');
  if (raw.persistent !== undefined && typeof raw.persistent !== 'boolean')
    fail('persistent', 'expected a boolean');
  return {
    associationId: typeof raw.associationId === 'string' ? raw.associationId.trim() : '',
    endpointA: side('endpointA'),
    endpointB: side('endpointB'),
    persistent: raw.persistent === true,
  };
}
