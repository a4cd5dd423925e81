// Pasted C: `#define NAME 0x…` lines give their value, other preprocessor lines are skipped, and
// the result says what was skipped. Little-endian byte dumps only when asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUmpHex, type UmpHexParseResult } from '../../../src/ump';

function ok(result: UmpHexParseResult): Extract<UmpHexParseResult, { ok: true }> {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result;
}

const words = (result: UmpHexParseResult): number[][] => ok(result).messages.map((m) => Array.from(m.words));

void describe('parseUmpHex: C preprocessor lines', () => {
  void it('reads the value of #define NAME 0x20903C64 and records the skipped name', () => {
    const text = '#define NOTE_ON 0x20903C64\n#define NOTE_OFF (0x20803C00u) // off\n';
    const result = ok(parseUmpHex(text));
    assert.deepEqual(words(result), [[0x20903c64], [0x20803c00]]);
    assert.deepEqual(
      result.skipped.map((s) => [s.line, s.column, s.text]),
      [
        [1, 1, '#define NOTE_ON'],
        [2, 1, '#define NOTE_OFF'],
      ],
    );
    assert.match(result.skipped[0].reason, /NOTE_ON: the name is skipped, its value is read/);
    assert.equal(
      text.slice(result.skipped[1].offset, result.skipped[1].offset + result.skipped[1].length),
      '#define NOTE_OFF',
    );
    assert.equal(result.messages[1].line, 2);
  });

  void it('a define of a multi-word message, indented, with blanks after #', () => {
    assert.deepEqual(words(parseUmpHex('  # define NOTE { 0x40903C00, 0xFFFF0000 }')), [
      [0x40903c00, 0xffff0000],
    ]);
  });

  void it('skips defines that are not whole hex words, function-like macros and directives, and says so', () => {
    const text = [
      '#include <stdint.h>',
      '#define CHANNEL 3',
      '#define NOTE 60',
      '#define MAKE(n) (0x20900000u | (n) << 8)',
      '#define LONG 0x20903C64 \\',
      '   0x20803C00',
      '#ifdef DEBUG',
      '0x20903C64',
      '#endif',
      '# a comment, not a directive',
    ].join('\n');
    const result = ok(parseUmpHex(text));
    assert.deepEqual(words(result), [[0x20903c64]]);
    assert.deepEqual(
      result.skipped.map((s) => [s.line, s.reason]),
      [
        [1, '#include: a preprocessor directive'],
        [2, '#define CHANNEL: its value is not whole hex words'],
        [3, '#define NOTE: its value is not whole hex words'],
        [4, '#define MAKE(…) is a function-like macro'],
        [5, '#define LONG: its value is not whole hex words'],
        [7, '#ifdef: a preprocessor directive'],
        [9, '#endif: a preprocessor directive'],
      ],
    );
    assert.equal(result.skipped[4].text, '#define LONG 0x20903C64 \\\n   0x20803C00');
  });

  void it('keeps # after a word as a comment, and nothing is skipped in plain hex', () => {
    const result = ok(parseUmpHex('0x20903C64 # define NOTE 0x20803C00'));
    assert.deepEqual(words(result), [[0x20903c64]]);
    assert.deepEqual(result.skipped, []);
  });
});

void describe('parseUmpHex: byte order', () => {
  void it('reads byte groups big-endian by default and little-endian only when asked', () => {
    assert.deepEqual(words(parseUmpHex('64 3C 90 20')), [[0x643c9020]]);
    assert.deepEqual(words(parseUmpHex('64 3C 90 20', { byteOrder: 'littleEndianBytes' })), [[0x20903c64]]);
    assert.deepEqual(words(parseUmpHex('00 3C 90 40 00 00 FF FF', { byteOrder: 'littleEndianBytes' })), [
      [0x40903c00, 0xffff0000],
    ]);
    // A whole word is a value in either order.
    assert.deepEqual(words(parseUmpHex('0x20903C64', { byteOrder: 'littleEndianBytes' })), [[0x20903c64]]);
  });
});
