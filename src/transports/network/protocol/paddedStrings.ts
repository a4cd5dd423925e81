// Strings in command payloads: UTF-8 (endpoint names, user names, texts) or ASCII (product
// instance ids), padded with NUL bytes to a whole number of 32-bit words. Implementations differ on
// whether a string that already fills its words gets an extra NUL word; both are accepted and the
// extra word is reported as a tolerance.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export const MAX_ENDPOINT_NAME_BYTES = 98;
export const MAX_PRODUCT_INSTANCE_ID_BYTES = 42;

/** The bytes of `text` in UTF-8, checked against `maxBytes` (a RangeError names the field). */
export function encodeLimited(text: string, maxBytes: number, field: string): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length > maxBytes) {
    throw new RangeError(`${field} must be at most ${maxBytes} bytes in UTF-8; got ${bytes.length}`);
  }
  if (bytes.includes(0)) throw new RangeError(`${field} must not contain NUL characters`);
  return bytes;
}

/** Words a string of `byteLength` bytes takes, without an extra terminator word. */
export function paddedWordCount(byteLength: number): number {
  return Math.ceil(byteLength / 4);
}

export interface DecodedString {
  readonly text: string;
  /** Set when the words held something the spec does not ask for (a NUL word, bytes after NUL). */
  readonly tolerated?: string;
}

/** The string in `bytes[start, end)`: up to the first NUL; notes what was tolerated. */
export function decodePadded(bytes: Uint8Array, start: number, end: number): DecodedString {
  let nul = start;
  while (nul < end && bytes[nul] !== 0) nul++;
  const text = decoder.decode(bytes.subarray(start, nul));
  let tolerated: string | undefined;
  for (let i = nul; i < end; i++) {
    if (bytes[i] !== 0) {
      tolerated = `bytes after the NUL terminator at offset ${nul - start} were ignored`;
      break;
    }
  }
  if (tolerated === undefined && end - nul >= 4) tolerated = 'padded with an extra NUL word';
  return tolerated === undefined ? { text } : { text, tolerated };
}
