// The codec's own UTF-8 against the platform's TextEncoder / TextDecoder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8, encodeUtf8 } from '../../../src/ump';

void describe('UTF-8', () => {
  void it('encodes like TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.deepEqual(encodeUtf8(text), new TextEncoder().encode(text));
      }),
    );
  });

  void it('decodes any bytes like TextDecoder without fatal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        assert.equal(decodeUtf8(bytes), new TextDecoder().decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  void it('decodes malformed sequences the WHATWG way', () => {
    const cases: Array<[number[], string]> = [
      [[0xe2, 0x82], '\ufffd'],
      [[0xe0, 0x80, 0x80], '\ufffd\ufffd\ufffd'],
      [[0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
      [[0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
      [[0xc3, 0x41], '\ufffdA'],
      [[0xf0, 0x9d, 0x84, 0x9e], '𝄞'],
    ];
    for (const [bytes, text] of cases) assert.equal(decodeUtf8(bytes), text);
  });
});
