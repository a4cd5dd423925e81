// The byte encodings MIDI-CI uses: 7-bit bytes, 14- and 28-bit numbers LSB first, MUIDs, and
// JSON restricted to 7-bit ASCII (Property Exchange headers and bodies).

/** `value` as `count` 7-bit bytes, least significant first. */
export function to7BitLe(value: number, count: number): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) bytes.push(Math.floor(value / 2 ** (7 * i)) & 0x7f);
  return bytes;
}

/** `count` 7-bit bytes from `offset`, least significant first (high bits of each byte ignored). */
export function from7BitLe(bytes: ArrayLike<number>, offset: number, count: number): number {
  let value = 0;
  for (let i = count - 1; i >= 0; i--) value = value * 128 + (bytes[offset + i] & 0x7f);
  return value;
}

/** A random MUID: 28 bits, never the broadcast MUID nor the reserved 0x0FFFFF00–0x0FFFFFFE. */
export function randomMuid(random: () => number = Math.random): number {
  return Math.floor(random() * 0x0fffff00);
}

export function formatMuid(muid: number): string {
  return `0x${muid.toString(16).toUpperCase().padStart(7, '0')}`;
}

/** JSON with every character outside 7-bit ASCII escaped, as Property Exchange needs. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f)
      throw new RangeError(`text must be 7-bit ASCII; character ${i} is U+${code.toString(16)}`);
    bytes[i] = code;
  }
  return bytes;
}

export function bytesToAscii(bytes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] & 0x7f);
  return text;
}
