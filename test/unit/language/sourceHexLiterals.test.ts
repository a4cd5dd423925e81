// Hex in source code: UMP literals and arrays are found, other constants stay quiet.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSourceUmp } from '../../../src/extension/language/sourceHexLiterals';

const at = (text: string, needle: string): ReturnType<typeof findSourceUmp> =>
  findSourceUmp(text, text.indexOf(needle) + 2);

void describe('findSourceUmp', () => {
  void it('decodes a single 32-bit literal of a one-word message type, with suffixes', () => {
    assert.deepEqual(at('uint32_t on = 0x20903C64u;', '0x2090')?.messages, [[0x20903c64]]);
    assert.deepEqual(at('let on: u32 = 0x2090_3C64;', '0x2090')?.messages, [[0x20903c64]]);
  });

  void it('decodes an array whose words split into whole messages, across lines', () => {
    const text = 'const uint32_t m[] = {\n  0x40903C00, 0xFFFF0000,\n  0x20903C64 };';
    const found = at(text, '0x2090');
    assert.deepEqual(found?.messages, [[0x40903c00, 0xffff0000], [0x20903c64]]);
    assert.equal(text.slice(found?.start, found?.end).startsWith('{'), true);
  });

  void it('is quiet where the literal is clearly not UMP', () => {
    for (const [text, needle] of [
      ['x = 0xFF;', '0xFF'],
      ['magic = 0xDEADBEEF', '0xDEAD'],
      ['mask = 0xFFFFFFFF', '0xFFFF'],
      ['zero = 0x00000000', '0x0000'],
      ['crc = 0x12345678', '0x1234'],
      ['m = [0x40903C00]', '0x4090'],
      ['t = { 0x20903C64, 0x1234 }', '0x2090'],
      ['t = [0x20903C64, 0x40903C00]', '0x2090'],
    ]) {
      assert.equal(at(text, needle), undefined, text);
    }
  });
});
