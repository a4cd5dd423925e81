// What midiScope.openMonitor accepts: nothing (then the user picks endpoints), an endpoint id,
// a tree node or any object with `endpointDeviceId` (VS Code passes the clicked node and, for a
// multi-selection, the selected nodes as a second argument), or { endpointDeviceIds: [...] }.
// Anything else is a TypeError that says what was expected and what came.

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).join(', ') || '(none)'}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function idOf(value: unknown, where: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).endpointDeviceId;
    if (typeof id === 'string' && id.trim() !== '') return id;
  }
  throw new TypeError(
    `midiScope.openMonitor: ${where} must be an endpoint id or an object with an endpointDeviceId string, got ${describe(value)}`,
  );
}

/** The endpoint ids the arguments name, or undefined when they name none (ask the user). */
export function endpointIdsFromArguments(args: readonly unknown[]): string[] | undefined {
  const [first, second] = args;
  if (first === undefined || first === null) return undefined;
  if (typeof first === 'object' && !Array.isArray(first) && 'endpointDeviceIds' in first) {
    const ids = first.endpointDeviceIds;
    if (!Array.isArray(ids) || ids.length === 0) {
      throw new TypeError(
        `midiScope.openMonitor: endpointDeviceIds must be a non-empty array of endpoint ids, got ${describe(ids)}`,
      );
    }
    return unique(ids.map((id: unknown, i) => idOf(id, `endpointDeviceIds[${i}]`)));
  }
  // From a tree with several nodes selected, the second argument lists all of them.
  if (Array.isArray(second) && second.length > 0) {
    return unique(second.map((node: unknown, i) => idOf(node, `selected item ${i}`)));
  }
  return [idOf(first, 'the argument')];
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
