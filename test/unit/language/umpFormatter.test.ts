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

  void it('leaves array literals, block comments, directives and odd bytes as written', () => {
    const input = [
      '{ 0x20903c64, 0x20803c00 },',
      '/* 20903c64',
      '*/',
      '#define X 0x20903c64',
      '20 90 3C',
    ].join('\n');
    assert.deepEqual(formatUmpText(input), []);
  });

  void it('is stable: formatting twice changes nothing more', () => {
    const once = format('20903c64 // a\n+1ms 20803c00 // bb\n');
    assert.deepEqual(formatUmpText(once), []);
  });
});
