// What one scanned token means as hex: a whole 32-bit word (8 digits), 1–3 bytes of a word spelled
// as byte groups (2, 4 or 6 digits), or a problem. Accepts a 0x/0X prefix, `_` or C++'s `'` between
// digits and the integer suffixes of C, C++, Rust and JavaScript (u, U, ul, UL, ull, l, u32, n, …).

export type HexTokenValue =
  | { kind: 'word'; word: number }
  | { kind: 'bytes'; bytes: number[] }
  | {
      kind: 'problem';
      problem: string;
      expected: string;
      /** Where in the token the bad character is, when one character is to blame (UTF-16 units). */
      at?: { index: number; length: number };
    };

// C/C++ (u, l and their mixes), Rust (u32, u8, …) and JavaScript's BigInt n.
const integerSuffixes = new Set([
  'n',
  'u',
  'l',
  'ul',
  'lu',
  'll',
  'ull',
  'llu',
  'u32',
  'i32',
  'u8',
  'u16',
  'usize',
]);

export function readHexToken(token: string): HexTokenValue {
  const hasPrefix = token.length >= 2 && token[0] === '0' && (token[1] === 'x' || token[1] === 'X');
  let at = hasPrefix ? 2 : 0;
  let digits = '';
  for (; at < token.length; at++) {
    const char = token[at];
    if (isHexDigit(char.charCodeAt(0))) digits += char;
    else if (char !== '_' && char !== "'") break;
  }
  const suffix = token.slice(at);
  if (suffix.length > 0 && (digits.length === 0 || !integerSuffixes.has(suffix.toLowerCase()))) {
    const shown = String.fromCodePoint(suffix.codePointAt(0) ?? 0);
    return {
      kind: 'problem',
      problem: `'${shown}' is not a hex digit (in '${token}')`,
      expected: 'hex digits 0-9 A-F, optionally with a 0x prefix and a u/UL suffix',
      at: { index: at, length: shown.length },
    };
  }
  if (digits.length === 0) {
    return { kind: 'problem', problem: `'${token}' has no hex digits`, expected: 'hex digits after 0x' };
  }
  if (digits.length > 8) {
    return {
      kind: 'problem',
      problem: `'${token}' has ${digits.length} hex digits, more than one 32-bit word holds`,
      expected: 'at most 8 hex digits per word (or bytes separated by spaces)',
    };
  }
  if (digits.length % 2 === 1) {
    return {
      kind: 'problem',
      problem: `'${token}' has an odd number of hex digits (${digits.length})`,
      expected: '8 hex digits for a word, or 2 per byte',
    };
  }
  const value = parseInt(digits, 16);
  if (digits.length === 8) return { kind: 'word', word: value >>> 0 };
  const bytes: number[] = [];
  for (let shift = (digits.length / 2 - 1) * 8; shift >= 0; shift -= 8) bytes.push((value >>> shift) & 0xff);
  return { kind: 'bytes', bytes };
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}
