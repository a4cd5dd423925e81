// UTF-8 both ways, written out so the codec needs no platform API. Malformed input decodes to
// U+FFFD the way TextDecoder does without `fatal`, never an exception.

export function encodeUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0xfffd;
    // A lone surrogate is not a character: write it as U+FFFD like TextEncoder.
    const point = code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
    else if (point < 0x10000)
      bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
    else {
      bytes.push(
        0xf0 | (point >> 18),
        0x80 | ((point >> 12) & 0x3f),
        0x80 | ((point >> 6) & 0x3f),
        0x80 | (point & 0x3f),
      );
    }
  }
  return Uint8Array.from(bytes);
}

/** Decodes like TextDecoder('utf-8') without `fatal` (the WHATWG Encoding algorithm). */
export function decodeUtf8(bytes: ArrayLike<number>): string {
  let text = '';
  let point = 0;
  let needed = 0;
  let seen = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let at = 0; at < bytes.length;) {
    const byte = bytes[at] & 0xff;
    if (needed === 0) {
      at++;
      if (byte < 0x80) text += String.fromCharCode(byte);
      else if (byte >= 0xc2 && byte <= 0xdf) [needed, point] = [1, byte & 0x1f];
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        [needed, point] = [2, byte & 0x0f];
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        [needed, point] = [3, byte & 0x07];
      } else text += '\ufffd';
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence breaks off: one U+FFFD for it, and this byte starts afresh.
      [point, needed, seen, lower, upper] = [0, 0, 0, 0x80, 0xbf];
      text += '\ufffd';
      continue;
    }
    at++;
    [lower, upper] = [0x80, 0xbf];
    point = (point << 6) | (byte & 0x3f);
    if (++seen === needed) {
      text += String.fromCodePoint(point);
      [point, needed, seen] = [0, 0, 0];
    }
  }
  return needed === 0 ? text : text + '\ufffd';
}
