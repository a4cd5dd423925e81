// "Copy Selection as Code": messages as a C/C++ uint32_t array, a Rust array, a Python list or a
// JavaScript Uint32Array, one message per line with its name, the names in one column. The word
// order is explicit: 32-bit words as written (big-endian reading, the UMP way), or the
// little-endian bytes a memory dump of those words on a little-endian CPU shows. Pure.
import { decodeUmp, formatWord } from '../../ump';

export type CodeLanguage = 'c' | 'rust' | 'python' | 'javascript';
export type CodeWordOrder = 'bigEndianWords' | 'littleEndianBytes';

interface Syntax {
  comment: string;
  words: (count: number) => [string, string];
  bytes: (count: number) => [string, string];
}

const syntaxes: Record<CodeLanguage, Syntax> = {
  c: {
    comment: '//',
    words: () => ['static const uint32_t ump[] = {', '};'],
    bytes: () => ['static const uint8_t ump_le[] = {', '};'],
  },
  rust: {
    comment: '//',
    words: (n) => [`const UMP: [u32; ${n}] = [`, '];'],
    bytes: (n) => [`const UMP_LE: [u8; ${n}] = [`, '];'],
  },
  python: {
    comment: '#',
    words: () => ['ump = [', ']'],
    bytes: () => ['ump_le = bytes([', '])'],
  },
  javascript: {
    comment: '//',
    words: () => ['const ump = new Uint32Array([', ']);'],
    bytes: () => ['const umpLe = new Uint8Array([', ']);'],
  },
};

export function umpAsCode(
  messages: ReadonlyArray<ArrayLike<number>>,
  language: CodeLanguage,
  order: CodeWordOrder,
): string {
  const syntax = syntaxes[language];
  const wordTotal = messages.reduce((sum, message) => sum + message.length, 0);
  const [open, close] = order === 'bigEndianWords' ? syntax.words(wordTotal) : syntax.bytes(wordTotal * 4);
  const lines = [
    order === 'bigEndianWords'
      ? `${syntax.comment} UMP: 32-bit words, first word first`
      : `${syntax.comment} UMP as little-endian bytes: each 32-bit word low byte first (memory order on a little-endian CPU)`,
    open,
  ];
  // Comments line up in one column after the longest line (Python wants two spaces before `#`).
  const pad = language === 'python' ? '  ' : ' ';
  const body: Array<[string, string]> = [];
  for (const message of messages) {
    const words = Array.from(message, (word) => word >>> 0);
    const items =
      order === 'bigEndianWords'
        ? words.map((word) => formatWord(word))
        : words.flatMap((word) =>
            [0, 8, 16, 24].map(
              (shift) => '0x' + ((word >>> shift) & 0xff).toString(16).toUpperCase().padStart(2, '0'),
            ),
          );
    const decoded = decodeUmp(words);
    const note = decoded.summary === '' ? decoded.name : `${decoded.name}: ${decoded.summary}`;
    body.push([`    ${items.join(', ')},`, `${syntax.comment} ${note}`]);
  }
  const width = Math.max(...body.map(([code]) => code.length));
  for (const [code, comment] of body) lines.push(`${code.padEnd(width)}${pad}${comment}`);
  lines.push(close);
  return lines.join('\n') + '\n';
}
