// The hex parser: every accepted spelling, grouping by message type, time offsets, and errors
// with their exact line, column, offset, length, token and count of complete messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUmpHex, type UmpHexParseError, type UmpHexParseResult } from '../../../src/ump';

function messagesOf(result: UmpHexParseResult): number[][] {
  assert.ok(result.ok, result.ok ? '' : `unexpected error: ${result.error.message}`);
  return result.messages.map((message) => Array.from(message.words));
}

function errorOf(result: UmpHexParseResult): UmpHexParseError {
  assert.ok(!result.ok, 'expected a parse error');
  return result.error;
}

/** The error's position fields, and that offset/length select text inside the token it names. */
function assertErrorAt(
  text: string,
  expected: Pick<UmpHexParseError, 'line' | 'column' | 'offset' | 'length' | 'token' | 'completeMessages'>,
  options?: { allowTimeOffsets?: boolean },
): UmpHexParseError {
  const error = errorOf(parseUmpHex(text, options));
  const { line, column, offset, length, token, completeMessages } = error;
  assert.deepEqual({ line, column, offset, length, token, completeMessages }, expected);
  assert.equal(text.slice(error.tokenOffset, error.tokenOffset + token.length), token);
  assert.ok(offset >= error.tokenOffset && offset + length <= error.tokenOffset + token.length);
  assert.ok(error.message.length > 0 && error.expected.length > 0);
  return error;
}

void describe('parseUmpHex: accepted spellings', () => {
  void it('words with and without 0x, with underscores and C++ digit separators', () => {
    const text = "0x20903C64 20903c64 0x2090_3C64 0X2090'3C64";
    assert.deepEqual(messagesOf(parseUmpHex(text)), [[0x20903c64], [0x20903c64], [0x20903c64], [0x20903c64]]);
  });

  void it('byte groups make words, even across lines', () => {
    assert.deepEqual(messagesOf(parseUmpHex('20 90 3C 64')), [[0x20903c64]]);
    assert.deepEqual(messagesOf(parseUmpHex('0x20, 0x90,\n0x3C, 0x64')), [[0x20903c64]]);
    assert.deepEqual(messagesOf(parseUmpHex('2090 3C64')), [[0x20903c64]]);
    assert.deepEqual(messagesOf(parseUmpHex('209030 64')), [[0x20903064]]);
  });

  void it('array literals of C, C++, Rust and JavaScript', () => {
    const c = 'uint32_t words[] = {0x40903C00u, 0xFFFF0000UL};'.slice('uint32_t words[] = '.length);
    assert.deepEqual(messagesOf(parseUmpHex(c)), [[0x40903c00, 0xffff0000]]);
    assert.deepEqual(messagesOf(parseUmpHex('[0x40903C00_u32, 0xFFFF_0000u32]')), [[0x40903c00, 0xffff0000]]);
    assert.deepEqual(messagesOf(parseUmpHex('[0x40903c00, 0xffff0000];')), [[0x40903c00, 0xffff0000]]);
    assert.deepEqual(messagesOf(parseUmpHex('{ {0x20903C64}, (0x20803C00) }')), [[0x20903c64], [0x20803c00]]);
    assert.deepEqual(messagesOf(parseUmpHex('[0x20903c64n, 0x10f80000n]')), [[0x20903c64], [0x10f80000]]);
  });

  void it('array literals with their declaration, which is skipped and recorded', () => {
    const cases: Array<[string, string]> = [
      ['static const uint32_t ump[] = {0x20903C64u};', 'static const uint32_t ump[] ='],
      ['const UMP: [u32; 1] = [0x20903C64];', 'const UMP: [u32; 1] ='],
      ['let ump: number[] = [0x20903c64]', 'let ump: number[] ='],
      ['const ump = new Uint32Array([0x20903C64]);', 'const ump = new Uint32Array('],
      ['  ump = [  # Python', 'ump = ['.slice(0, 5)],
    ];
    for (const [text, head] of cases) {
      const result = parseUmpHex(text.includes('#') ? `${text}\n0x20903C64\n]` : text);
      assert.ok(result.ok, `${text}: ${result.ok ? '' : result.error.message}`);
      assert.deepEqual(messagesOf(result), [[0x20903c64]], text);
      assert.deepEqual(
        result.skipped.map((s) => [s.text, s.column, s.reason]),
        [[head, text.indexOf(head[0]) + 1, 'declaration: its array literal is read']],
        text,
      );
    }
  });

  void it('a line with an = that is not an array declaration is still an error at its first token', () => {
    const result = parseUmpHex('x = 0x20903C64');
    assert.ok(!result.ok);
    assert.equal(result.error.token, 'x');
  });

  void it('groups words into messages by the first word’s message type', () => {
    const text = '0x40903C00 0xFFFF0000 0x20903C64 0x50050A01 0x02030400 0x00000000 0x00000000 0x10F80000';
    const result = parseUmpHex(text);
    assert.deepEqual(messagesOf(result), [
      [0x40903c00, 0xffff0000],
      [0x20903c64],
      [0x50050a01, 0x02030400, 0, 0],
      [0x10f80000],
    ]);
    assert.ok(result.ok);
    assert.equal(result.wordCount, 8);
  });

  void it('line comments with //, # and ;, and block comments', () => {
    const text = [
      '// a note on, then off',
      '0x20903C64 // on',
      '# off:',
      '0x20803C00 # off',
      '; asm-style comment line',
      '   ;; indented',
      '0x10F80000 ; clock',
      '/* a block',
      '   comment */ 0x10FA0000 /* start */',
    ].join('\n');
    assert.deepEqual(messagesOf(parseUmpHex(text)), [[0x20903c64], [0x20803c00], [0x10f80000], [0x10fa0000]]);
  });

  void it('a semicolon after a token or before a word is a separator', () => {
    assert.deepEqual(messagesOf(parseUmpHex('0x20903C64;0x20803C00')), [[0x20903c64], [0x20803c00]]);
    assert.deepEqual(messagesOf(parseUmpHex('0x20903C64; 0x20803C00')), [[0x20903c64], [0x20803c00]]);
    assert.deepEqual(messagesOf(parseUmpHex('0x20903C64 ;0x20803C00')), [[0x20903c64], [0x20803c00]]);
    assert.deepEqual(messagesOf(parseUmpHex('0x20903C64 ; 0x20803C00')), [[0x20903c64]]);
  });

  void it('CRLF and CR line ends count lines like the editor', () => {
    const result = parseUmpHex('0x20903C64\r\n0x20803C00\r0x10F80000');
    assert.ok(result.ok);
    assert.deepEqual(
      result.messages.map((m) => [m.line, m.column]),
      [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
    );
  });

  void it('reports each message’s line and column', () => {
    const result = parseUmpHex('  0x40903C00\n    0xFFFF0000 0x20903C64');
    assert.ok(result.ok);
    assert.deepEqual(
      result.messages.map((m) => [m.line, m.column]),
      [
        [1, 3],
        [2, 16],
      ],
    );
  });

  void it('empty text and comments alone are zero messages', () => {
    assert.deepEqual(messagesOf(parseUmpHex('')), []);
    assert.deepEqual(messagesOf(parseUmpHex('  // nothing\n# here\n')), []);
  });
});

void describe('parseUmpHex: time offsets', () => {
  void it('+delay and @absolute at the start of a line, in us, ms and s', () => {
    const text =
      '+10ms 0x20903C64\n+250us 0x20803C00\n@1.5s 0x40903C00 0xFFFF0000\n0x10F80000\n+0.1ms 0x10FC0000';
    const result = parseUmpHex(text, { allowTimeOffsets: true });
    assert.ok(result.ok);
    assert.deepEqual(
      result.messages.map((m) => [m.delayUs, m.atUs, m.line, m.column]),
      [
        [10_000, undefined, 1, 7],
        [250, undefined, 2, 8],
        [undefined, 1_500_000, 3, 7],
        [undefined, undefined, 4, 1],
        [100, undefined, 5, 8],
      ],
    );
  });

  void it('a message that goes on over the next lines keeps its line’s offset', () => {
    const result = parseUmpHex('+10ms 0x40903C00\n  0xFFFF0000\n@20ms 20 90\n3C 64', {
      allowTimeOffsets: true,
    });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.deepEqual(
      result.messages.map((m) => [Array.from(m.words), m.delayUs, m.atUs]),
      [
        [[0x40903c00, 0xffff0000], 10_000, undefined],
        [[0x20903c64], undefined, 20_000],
      ],
    );
  });

  void it('the offset belongs to the first message on its line only', () => {
    const result = parseUmpHex('+5ms 0x20903C64 0x20803C00', { allowTimeOffsets: true });
    assert.ok(result.ok);
    assert.deepEqual(
      result.messages.map((m) => m.delayUs),
      [5000, undefined],
    );
  });

  void it('is an error unless allowed', () => {
    const error = assertErrorAt('0x20903C64\n+10ms 0x20803C00', {
      line: 2,
      column: 1,
      offset: 11,
      length: 5,
      token: '+10ms',
      completeMessages: 1,
    });
    assert.match(error.message, /only when scheduling/);
  });

  void it('must start its line, come between messages and have a message after it', () => {
    const options = { allowTimeOffsets: true };
    assertErrorAt(
      '0x20903C64 +10ms 0x20803C00',
      { line: 1, column: 12, offset: 11, length: 5, token: '+10ms', completeMessages: 1 },
      options,
    );
    assertErrorAt(
      '0x40903C00\n+10ms 0xFFFF0000',
      { line: 2, column: 1, offset: 11, length: 5, token: '+10ms', completeMessages: 0 },
      options,
    );
    assertErrorAt(
      '+10ms\n0x20903C64',
      { line: 1, column: 1, offset: 0, length: 5, token: '+10ms', completeMessages: 0 },
      options,
    );
    assertErrorAt(
      '0x20903C64\n@2s',
      { line: 2, column: 1, offset: 11, length: 3, token: '@2s', completeMessages: 1 },
      options,
    );
  });

  void it('needs a number and a unit', () => {
    const options = { allowTimeOffsets: true };
    const noUnit = assertErrorAt(
      '+10 0x20903C64',
      { line: 1, column: 1, offset: 0, length: 3, token: '+10', completeMessages: 0 },
      options,
    );
    assert.match(noUnit.expected, /us, ms or s/);
    assertErrorAt(
      '+ms 0x20903C64',
      { line: 1, column: 1, offset: 0, length: 3, token: '+ms', completeMessages: 0 },
      options,
    );
    assertErrorAt(
      '+10min 0x20903C64',
      { line: 1, column: 1, offset: 0, length: 6, token: '+10min', completeMessages: 0 },
      options,
    );
  });
});

void describe('parseUmpHex: errors name the place, the token and what was expected', () => {
  void it('an odd number of hex digits', () => {
    const error = assertErrorAt('0x20903C64\n  0x20903C6', {
      line: 2,
      column: 3,
      offset: 13,
      length: 9,
      token: '0x20903C6',
      completeMessages: 1,
    });
    assert.match(error.message, /odd number of hex digits \(7\)/);
  });

  void it('a character that is not hex', () => {
    // The position is the bad character's own (column 19), the token is reported whole.
    const error = assertErrorAt('0x20903C64, 0x2090G364', {
      line: 1,
      column: 19,
      offset: 18,
      length: 1,
      token: '0x2090G364',
      completeMessages: 1,
    });
    assert.equal(error.message, "'G' is not a hex digit (in '0x2090G364')");
    assertErrorAt('0x20903C64\n   20903C64 2090XY64', {
      line: 2,
      column: 17,
      offset: 27,
      length: 1,
      token: '2090XY64',
      completeMessages: 2,
    });
    assertErrorAt('note 0x20903C64', {
      line: 1,
      column: 1,
      offset: 0,
      length: 1,
      token: 'note',
      completeMessages: 0,
    });
    assertErrorAt('0x', { line: 1, column: 1, offset: 0, length: 2, token: '0x', completeMessages: 0 });
  });

  void it('more digits than a word holds', () => {
    assertErrorAt('0x20903C6400', {
      line: 1,
      column: 1,
      offset: 0,
      length: 12,
      token: '0x20903C6400',
      completeMessages: 0,
    });
  });

  void it('a message cut short by the end of the text covers the whole partial message', () => {
    const error = assertErrorAt('0x20903C64\n0x50050A01 0x02030400\n0x00000000', {
      line: 2,
      column: 1,
      offset: 11,
      length: 32,
      token: '0x50050A01 0x02030400\n0x00000000',
      completeMessages: 1,
    });
    assert.match(
      error.message,
      /cut short: a Data 128 \(SysEx8 \/ Mixed Data Set\) message \(type 0x5\) has 4 words, the text ends after 3/,
    );
    assert.equal(error.expected, '1 more word(s)');
  });

  void it('bytes that do not fill a whole word', () => {
    const atEnd = assertErrorAt('0x20903C64 20 90 3C', {
      line: 1,
      column: 12,
      offset: 11,
      length: 8,
      token: '20 90 3C',
      completeMessages: 1,
    });
    assert.match(atEnd.message, /3 byte\(s\) at the end of the text do not fill a whole 32-bit word/);
    const beforeWord = assertErrorAt('20 90\n0x20903C64', {
      line: 1,
      column: 1,
      offset: 0,
      length: 5,
      token: '20 90',
      completeMessages: 0,
    });
    assert.match(beforeWord.expected, /2 more byte\(s\)/);
  });

  void it('an unterminated block comment', () => {
    assertErrorAt('0x20903C64 /* open', {
      line: 1,
      column: 12,
      offset: 11,
      length: 2,
      token: '/*',
      completeMessages: 1,
    });
  });

  void it('columns count from the line start after CRLF', () => {
    assertErrorAt('0x20903C64\r\n\tzz', {
      line: 2,
      column: 2,
      offset: 13,
      length: 1,
      token: 'zz',
      completeMessages: 1,
    });
  });
});
