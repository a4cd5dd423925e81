// Copy Selection as Code: each language's array, in both explicit word orders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { umpAsCode } from '../../../src/extension/language/codeGeneration';
import { parseUmpHex } from '../../../src/ump';

const messages = [[0x20903c64], [0x40903c00, 0xffff0000]];

void describe('umpAsCode', () => {
  void it('writes a C uint32_t array of big-endian words with names', () => {
    assert.equal(
      umpAsCode(messages, 'c', 'bigEndianWords'),
      [
        '// UMP: 32-bit words, first word first',
        'static const uint32_t ump[] = {',
        '    0x20903C64,             // Note On: note 60 vel 100',
        '    0x40903C00, 0xFFFF0000, // Note On: note 60 vel 0xFFFF',
        '};',
        '',
      ].join('\n'),
    );
  });

  void it('writes Rust, Python and JavaScript arrays', () => {
    assert.match(umpAsCode(messages, 'rust', 'bigEndianWords'), /const UMP: \[u32; 3\] = \[/);
    assert.match(umpAsCode(messages, 'python', 'bigEndianWords'), /^ump = \[$/m);
    assert.match(umpAsCode(messages, 'python', 'bigEndianWords'), /0x20903C64, {14}# Note On/);
    assert.match(umpAsCode(messages, 'javascript', 'bigEndianWords'), /new Uint32Array\(\[/);
  });

  void it('writes little-endian bytes that parse back to the same words only when asked to', () => {
    const code = umpAsCode(messages, 'rust', 'littleEndianBytes');
    assert.match(code, /const UMP_LE: \[u8; 12\] = \[/);
    assert.match(code, /0x64, 0x3C, 0x90, 0x20,/);
    const body = code
      .split('\n')
      .slice(2, -2)
      .join('\n')
      .replace(/\/\/.*$/gm, '');
    const parsed = parseUmpHex(body, { byteOrder: 'littleEndianBytes' });
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.messages.map((m) => Array.from(m.words)),
      messages,
    );
  });

  void it('pastes back: what it writes parses to the same messages, its declaration recorded as skipped', () => {
    for (const language of ['c', 'rust', 'python', 'javascript'] as const) {
      for (const byteOrder of ['bigEndianWords', 'littleEndianBytes'] as const) {
        const parsed = parseUmpHex(umpAsCode(messages, language, byteOrder), { byteOrder });
        assert.ok(parsed.ok, `${language} ${byteOrder}: ${parsed.ok ? '' : parsed.error.message}`);
        assert.deepEqual(
          parsed.messages.map((m) => Array.from(m.words)),
          messages,
          `${language} ${byteOrder}`,
        );
        assert.deepEqual(
          parsed.skipped.map((s) => s.reason),
          ['declaration: its array literal is read'],
          `${language} ${byteOrder}`,
        );
      }
    }
  });
});
