// Walks a text file line by line without splitting it into a million strings at once, keeping
// the line number and the character offset of each line's start for error reports.

export interface TextLine {
  text: string;
  /** 1-based. */
  number: number;
  /** Character offset of the line's first character in the whole text. */
  offset: number;
}

export function* textLines(text: string): Generator<TextLine, void> {
  let start = 0;
  let number = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    yield { text: text.slice(start, stop), number, offset: start };
    start = end + 1;
    number++;
  }
}

/** The value of 8 hex digits at `text[start]`, or -1 when they are not 8 hex digits. */
export function hexWordAt(text: string, start: number): number {
  let value = 0;
  for (let i = start; i < start + 8; i++) {
    const digit = hexDigitValue(text.charCodeAt(i));
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

export function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}
