// Reads command arguments, which come from the tree (nodes), from menus, from keybindings and
// from other code. Anything unexpected is a TypeError that names the command and the field.
import * as vscode from 'vscode';
import type { UmpByteOrder } from '../../ump';

/**
 * Arguments VS Code passes by itself and that carry no options: the document's Uri from editor
 * menus, and a group node when a command runs from a group's inline action.
 */
export function isContextArgument(argument: unknown): boolean {
  if (argument instanceof vscode.Uri) return true;
  return typeof argument === 'object' && argument !== null && field(argument, 'kind') === 'group';
}
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object without it' : `${typeof value} ${JSON.stringify(value)}`;
}

function field(argument: object, key: string): unknown {
  return (argument as Record<string, unknown>)[key];
}

/** An id given directly as a string or as a property of an object (a tree node or options). */
function idArgument(command: string, argument: unknown, key: string): string | undefined {
  if (argument === undefined || argument === null || isContextArgument(argument)) return undefined;
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && !Array.isArray(argument)) {
    const value = field(argument, key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    throw new TypeError(`${command}: ${key} must be a string, got ${describe(value)}`);
  }
  throw new TypeError(
    `${command}: expected a ${key} string or an object with ${key}, got ${describe(argument)}`,
  );
}

export function endpointIdArgument(command: string, argument: unknown): string | undefined {
  return idArgument(command, argument, 'endpointDeviceId');
}

export function associationIdArgument(command: string, argument: unknown): string | undefined {
  return idArgument(command, argument, 'associationId');
}

function optionalNonNegativeNumber(command: string, argument: object, key: string): number | undefined {
  const value = field(argument, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(
      `${command}: ${key} must be a number of milliseconds, 0 or more, got ${describe(value)}`,
    );
  }
  return value;
}

export interface ScheduleOptions {
  endpointDeviceId?: string;
  byteOrder?: UmpByteOrder;
  /** From now to the first message; asked for when absent (and the text has no offsets). */
  delayMs?: number;
  /** Between consecutive messages; 0 when delayMs is given without it. */
  spacingMs?: number;
}

export function scheduleOptionsArgument(command: string, argument: unknown): ScheduleOptions {
  if (argument === undefined || argument === null || isContextArgument(argument)) return {};
  if (typeof argument !== 'object' || Array.isArray(argument)) {
    throw new TypeError(
      `${command}: expected { endpointDeviceId?, delayMs?, spacingMs? }, got ${describe(argument)}`,
    );
  }
  return {
    endpointDeviceId: endpointIdArgument(command, argument),
    byteOrder: byteOrderArgument(command, argument),
    delayMs: optionalNonNegativeNumber(command, argument, 'delayMs'),
    spacingMs: optionalNonNegativeNumber(command, argument, 'spacingMs'),
  };
}

/**
 * `byteOrder` of an options object: 'littleEndianBytes' reads byte groups as a little-endian
 * memory dump. Only ever from an explicit option, never guessed from the text.
 */
export function byteOrderArgument(command: string, argument: unknown): UmpByteOrder {
  if (typeof argument !== 'object' || argument === null || Array.isArray(argument)) return 'bigEndianWords';
  const value = field(argument, 'byteOrder');
  if (value === undefined || value === 'bigEndianWords') return 'bigEndianWords';
  if (value === 'littleEndianBytes') return value;
  throw new TypeError(
    `${command}: byteOrder must be 'bigEndianWords' or 'littleEndianBytes', got ${describe(value)}`,
  );
}
