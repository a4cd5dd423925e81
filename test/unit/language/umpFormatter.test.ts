// The `.ump` formatter: 0x%08X words, byte groups joined, offsets and comments aligned per block,
// anything it does not understand left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatUmpText } from '../../../src/extension/language/umpFormatter';

function format(text: string): string {
  const lines = text.split('\n');
  for (const edit of formatUmpText(text)) lines[edit.line] = edit.text;
  return lines.join('\n');
}

void describe('formatUmpText', () => {
  void it('normalizes words and aligns offsets and comments in a block', () => {
    const input = ['20903c64 // on', '+10ms 0x2080_3C00 // off', '+250ms 40903c00   ffff0000'].join('\n');
    assert.equal(
      format(input),
      ['       0x20903C64 // on', '+10ms  0x20803C00 // off', '+250ms 0x40903C00 0xFFFF0000'].join('\n'),
    );
  });

  void it('joins byte groups into words and keeps comments, blank lines and other blocks apart', () => {
    const input = ['# note', '20 90 3C 64 ; on', '', '0x20803c00'].join('\n');
    assert.equal(format(input), ['# note', '0x20903C64 ; on', '', '0x20803C00'].join('\n'));
  });

  void it('leaves block comments, directives and odd bytes as written', () => {
    const input = ['/* 20903c64', '*/', '#define X 0x20903c64', '20 90 3C'].join('\n');
    assert.deepEqual(formatUmpText(input), []);
  });

  void it('is stable: formatting twice changes nothing more', () => {
    const once = format('20903c64 // a\n+1ms 20803c00 // bb\n');
    assert.deepEqual(formatUmpText(once), []);
  });

  void it('keeps an array literal one: 0x%08X words, commas and brackets where they were', () => {
    assert.equal(format('{ 0x20903c64,0x20803C00u }, '), '{0x20903C64, 0x20803C00},');
    assert.equal(format('[0x40903c00_u32 , 0xffff_0000u32];'), '[0x40903C00, 0xFFFF0000];');
    assert.equal(format('{ {0x20903c64}, (0x20803c00) }'), '{{0x20903C64}, (0x20803C00)}');
  });

  void it('lines an array up under its first element, comments in one column, declarations as written', () => {
    const input = [
      'static const uint32_t ump[] = {  // pasted from C',
      '0x20903c64, // on',
      '  0x40903c00,   0xffff0000,   // MIDI 2.0 on',
      '// a comment of its own',
      '    20803c00,',
      '};',
      '',
      '[0x20903c64,   // first',
      '0x20803c00]   // last',
      '',
      'const UMP: [u32; 2] = [',
      '\t0x20903C64, 0x20803C00',
      '];',
    ].join('\n');
    assert.equal(
      format(input),
      [
        'static const uint32_t ump[] = {  // pasted from C',
        '    0x20903C64,             // on',
        '    0x40903C00, 0xFFFF0000, // MIDI 2.0 on',
        '    // a comment of its own',
        '    0x20803C00,',
        '};',
        '',
        '[0x20903C64, // first',
        ' 0x20803C00] // last',
        '',
        'const UMP: [u32; 2] = [',
        '    0x20903C64, 0x20803C00',
        '];',
      ].join('\n'),
    );
    assert.deepEqual(formatUmpText(format(input)), [], 'stable');
  });

  void it('keeps byte elements as bytes (a little-endian dump is not joined into words)', () => {
    assert.equal(
      format('uint8_t le[] = {\n  0x64,0x3c, 0x90,0x20 };'),
      'uint8_t le[] = {\n    0x64, 0x3C, 0x90, 0x20};',
    );
  });

  void it('leaves an array literal with a bad token or a block comment as written', () => {
    assert.deepEqual(formatUmpText('{0x20903c64, 0xZZ}'), []);
    assert.deepEqual(formatUmpText('{0x20903c64, /* x */ 0x20803c00}'), []);
  });

  void it('formats what comes after an array literal as before', () => {
    assert.equal(format('{0x20903c64}\n20803c00  // off'), '{0x20903C64}\n0x20803C00 // off');
  });
});
