// Programming errors (a wrong argument type) throw TypeError with the argument's name and what
// arrived; everything a caller can get wrong at run time is a send result instead.

/** A short description of a value for error messages: its type and, when small, its text. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${value.byteLength} bytes`;
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    default:
      return typeof value;
  }
}

export function requireNumber(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, got ${describeValue(value)}`);
}

/** A 32-bit word: an integer in [0, 0xFFFFFFFF]. */
export function requireWord(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new TypeError(`${what} must be an integer from 0 to 0xFFFFFFFF, got ${describeValue(value)}`);
  }
}

export function requireString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, got ${describeValue(value)}`);
}

export function requireObject(value: unknown, what: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`${what} must be an object, got ${describeValue(value)}`);
  }
}

export function requireFunction(
  value: unknown,
  what: string,
): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function')
    throw new TypeError(`${what} must be a function, got ${describeValue(value)}`);
}

/** Like requireObject, for arguments already typed: checks without narrowing. */
export function checkIsObject(value: unknown, what: string): void {
  requireObject(value, what);
}

/** `owner[name]` must be a function (a method of a caller-made object). */
export function requireMethod(owner: object, name: string, what: string): void {
  const method: unknown = Reflect.get(owner, name);
  if (typeof method !== 'function')
    throw new TypeError(`${what} must be a function, got ${describeValue(method)}`);
}
