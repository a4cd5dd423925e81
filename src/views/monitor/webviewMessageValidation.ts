// Checks every message from the webview before the host acts on it: the envelope, the kind,
// and each field's type and range. A webview is untrusted input (its content could be
// compromised), so anything unexpected is rejected with a reason that names the field.
import {
  MessageKind,
  columnKeys,
  protocolLimits,
  timeDisplays,
  type ColumnKey,
  type MonitorLayout,
  type Envelope,
  type ExportFormat,
  type ExportScope,
  type FilterSpec,
  type FromWebviewMessage,
} from './protocol';

export type ValidationResult =
  { ok: true; envelope: Envelope<FromWebviewMessage> } | { ok: false; reason: string };

class InvalidMessage extends Error {}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(fields: Fields, name: string, min: number, max: number): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidMessage(
      `${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function flag(fields: Fields, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean')
    throw new InvalidMessage(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function oneOf<T extends string>(fields: Fields, name: string, choices: readonly T[]): T {
  const value = fields[name];
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new InvalidMessage(`${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** A filter list: small whole numbers in 0..max. */
function smallIntegers(filter: Fields, name: string, max: number): number[] {
  const value = filter[name];
  if (!Array.isArray(value) || value.length > max + 1) {
    throw new InvalidMessage(`filter.${name} must be a list of at most ${max + 1} numbers`);
  }
  return value.map((item: unknown, i) => {
    if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item > max) {
      throw new InvalidMessage(
        `filter.${name}[${i}] must be a whole number from 0 to ${max}, got ${JSON.stringify(item)}`,
      );
    }
    return item;
  });
}

function filterSpec(value: unknown): FilterSpec {
  if (!isObject(value)) throw new InvalidMessage('filter must be an object');
  const text = value.text;
  if (typeof text !== 'string' || text.length > protocolLimits.maxFilterTextLength) {
    throw new InvalidMessage(
      `filter.text must be a string of at most ${protocolLimits.maxFilterTextLength} characters`,
    );
  }
  const problemsOnly = value.problemsOnly;
  if (problemsOnly !== undefined && typeof problemsOnly !== 'boolean') {
    throw new InvalidMessage('filter.problemsOnly must be a boolean when given');
  }
  const spec: FilterSpec = {
    endpoints: smallIntegers(value, 'endpoints', protocolLimits.maxEndpoints - 1),
    groups: smallIntegers(value, 'groups', 15),
    channels: smallIntegers(value, 'channels', 15),
    messageTypes: smallIntegers(value, 'messageTypes', 15),
    text,
  };
  if (problemsOnly === true) spec.problemsOnly = true;
  return spec;
}

function monitorLayout(value: unknown): MonitorLayout {
  if (!isObject(value)) throw new InvalidMessage('layout must be an object');
  const columns = value.columns;
  if (!Array.isArray(columns) || columns.length > columnKeys.length) {
    throw new InvalidMessage(`layout.columns must be a list of at most ${columnKeys.length} columns`);
  }
  const seen = new Set<ColumnKey>();
  return {
    time: oneOf(value, 'time', timeDisplays),
    columns: columns.map((column: unknown, i) => {
      if (!isObject(column)) throw new InvalidMessage(`layout.columns[${i}] must be an object`);
      const key = oneOf(column, 'key', columnKeys);
      if (seen.has(key)) throw new InvalidMessage(`layout.columns[${i}]: column ${key} appears twice`);
      seen.add(key);
      return {
        key,
        widthPx: wholeNumber(column, 'widthPx', 0, protocolLimits.maxColumnWidthPx),
        hidden: flag(column, 'hidden'),
      };
    }),
  };
}

const exportFormats: readonly ExportFormat[] = ['hex', 'json', 'csv'];
const exportScopes: readonly ExportScope[] = ['all', 'filtered'];

function message(fields: Fields): FromWebviewMessage {
  const kind = fields.kind;
  const index = (name: string): number => wholeNumber(fields, name, 0, Number.MAX_SAFE_INTEGER);
  switch (kind) {
    case MessageKind.Ready:
      return { kind };
    case MessageKind.Clear:
      return { kind };
    case MessageKind.GetRows:
      return {
        kind,
        generation: index('generation'),
        from: index('from'),
        count: wholeNumber(fields, 'count', 1, protocolLimits.maxRowsPerRequest),
      };
    case MessageKind.CopyRows:
      return {
        kind,
        generation: index('generation'),
        from: index('from'),
        count: wholeNumber(fields, 'count', 1, Number.MAX_SAFE_INTEGER),
      };
    case MessageKind.GetPackets:
      return { kind, generation: index('generation'), viewIndex: index('viewIndex') };
    case MessageKind.FindMidiCiLink:
      return { kind, generation: index('generation'), viewIndex: index('viewIndex') };
    case MessageKind.SetFilter:
      return { kind, filter: filterSpec(fields.filter) };
    case MessageKind.SetViewState:
      return {
        kind,
        following: flag(fields, 'following'),
        paused: flag(fields, 'paused'),
        tailRows: wholeNumber(fields, 'tailRows', 0, protocolLimits.maxTailRows),
      };
    case MessageKind.UpdateApplied:
      return { kind, shownReceived: index('shownReceived') };
    case MessageKind.Export:
      return {
        kind,
        format: oneOf(fields, 'format', exportFormats),
        scope: oneOf(fields, 'scope', exportScopes),
      };
    case MessageKind.SaveLayout:
      return { kind, layout: monitorLayout(fields.layout) };
    default:
      throw new InvalidMessage(`unknown message kind ${JSON.stringify(kind)}`);
  }
}

/** Validates a raw message from the webview; on failure says what is wrong with it. */
export function validateFromWebview(raw: unknown): ValidationResult {
  try {
    if (!isObject(raw)) throw new InvalidMessage('the envelope must be an object');
    const id = wholeNumber(raw, 'id', 0, Number.MAX_SAFE_INTEGER);
    const inReplyTo =
      raw.inReplyTo === undefined ? undefined : wholeNumber(raw, 'inReplyTo', 0, Number.MAX_SAFE_INTEGER);
    if (!isObject(raw.message)) throw new InvalidMessage('message must be an object');
    return { ok: true, envelope: { id, inReplyTo, message: message(raw.message) } };
  } catch (error) {
    if (error instanceof InvalidMessage) return { ok: false, reason: error.message };
    throw error;
  }
}
