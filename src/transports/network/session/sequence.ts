// 16-bit UMP Data sequence numbers wrap: compare them by their signed distance.

/** b - a in [-32768, 32767]: positive when b is after a. */
export function sequenceDistance(a: number, b: number): number {
  return ((((b - a) & 0xffff) + 0x8000) & 0xffff) - 0x8000;
}

export function nextSequence(sequence: number, step = 1): number {
  return (sequence + step) & 0xffff;
}
