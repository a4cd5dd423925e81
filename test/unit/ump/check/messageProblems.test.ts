// Every per-message problem code, each with a vector built from M2-104-UM v1.1's format tables
// that has the problem and a neighbour that does not: the test fails when its check is removed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUmp, decodeUmp, showNumbered } from '../../../../src/ump';
import { messageVectors } from './messageVectors';

const hex = (words: number[]): string =>
  words.map((w) => w.toString(16).toUpperCase().padStart(8, '0')).join(' ');

void describe('checkUmp: one message on its own', () => {
  for (const vector of messageVectors) {
    void it(`${vector.code}: ${vector.what}`, () => {
      const found = checkUmp(vector.words).filter((problem) => problem.code === vector.code);
      assert.equal(
        found.length,
        1,
        `${hex(vector.words)}: one ${vector.code}, got ${JSON.stringify(checkUmp(vector.words))}`,
      );
      assert.deepEqual(
        [found[0].word, found[0].highBit, found[0].lowBit],
        [vector.word, vector.highBit, vector.lowBit],
        'word and bit range',
      );
      assert.ok(found[0].text.length > 0);
      assert.deepEqual(checkUmp(vector.clean), [], `${hex(vector.clean)} is clean`);
    });
  }

  void it('the decoder still decodes and marks the message (0x20903CFF: vel 127 with a problem)', () => {
    const decoded = decodeUmp([0x20903cff]);
    assert.equal(decoded.name, 'Note On');
    assert.equal(decoded.summary, 'note 60 vel 127');
    assert.equal(decoded.problems?.[0].code, 'dataHighBitSet');
    assert.match(showNumbered(decoded.problems?.[0].text ?? [], 'oneBased'), /0xFF/);
    assert.equal(decodeUmp([0x20903c64]).problems, undefined);
  });

  void it('reads the message at an offset and ignores words after it', () => {
    assert.deepEqual(checkUmp([0x20903c64, 0x20903cff], 0), []);
    assert.equal(checkUmp([0x20903c64, 0x20903cff], 1)[0].code, 'dataHighBitSet');
    assert.deepEqual(checkUmp([], 0), []);
  });
});
