// Argument checks shared by the builders. Builders make the messages the spec allows: a value
// that does not fit (or that the spec reserves) throws a RangeError naming the argument, rather
// than being masked into a different message. Anything else can still be sent as raw words.

/** `value` if it is an integer from `min` to `max`; otherwise a RangeError naming `name`. */
export function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}; got ${String(value)}`);
  }
  return value;
}

/** A copy of `bytes` with each checked to be 0–`max`; an error names the index, e.g. "bytes[3]". */
export function checkBytes(name: string, bytes: ArrayLike<number>, max: number): number[] {
  const checked: number[] = [];
  for (let i = 0; i < bytes.length; i++) checked.push(checkRange(`${name}[${i}]`, bytes[i], 0, max));
  return checked;
}

/** A RangeError unless `items` has `min` to `max` entries (a 3-byte manufacturer id, alterations…). */
export function checkLength(name: string, items: ArrayLike<unknown>, min: number, max: number): void {
  if (items.length < min || items.length > max) {
    const wanted = min === max ? `exactly ${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
    throw new RangeError(`${name} must have ${wanted} entries; got ${items.length}`);
  }
}
