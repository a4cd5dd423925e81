// Reserved message types decode with their size; short, empty or odd input never throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeUmp } from '../../../src/ump';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: reserved message types', () => {
  const sizes: Array<[number, number]> = [
    [0x6, 1],
    [0x7, 1],
    [0x8, 2],
    [0x9, 2],
    [0xa, 2],
    [0xb, 3],
    [0xc, 3],
    [0xe, 4],
  ];
  for (const [type, size] of sizes) {
    void it(`type 0x${type.toString(16).toUpperCase()} is reserved and ${size} word(s) long`, () => {
      const words = [((type << 28) | 0x01234567) >>> 0, 0x89abcdef, 0x11111111, 0x22222222].slice(0, size);
      const decoded = expectDecoded(words, {
        name: `Reserved Message Type 0x${type.toString(16).toUpperCase()} (${size * 32}-bit)`,
        wordCount: size,
        reserved: true,
        group: undefined,
        status: 0,
      });
      assert.equal(decoded.messageType, type);
      assert.equal(
        decoded.fields[0].value,
        words.map((w) => w.toString(16).toUpperCase().padStart(8, '0')).join(' '),
      );
    });
  }
});

void describe('decodeUmp: offsets and short input', () => {
  void it('decodes the message at an offset', () => {
    const words = Uint32Array.of(0x20903c64, 0x40903c00, 0xffff0000);
    assert.equal(decodeUmp(words, 1).name, 'Note On');
    assert.equal(decodeUmp(words, 1).messageType, 0x4);
    assert.equal(decodeUmp(words, 1).fields.find((f) => f.name === 'Velocity')?.value, 0xffff);
  });

  void it('flags a message cut short as incomplete, keeping what the first word tells', () => {
    const decoded = decodeUmp([0x41953c00]);
    assert.equal(decoded.incomplete, true);
    assert.equal(decoded.name, 'Note On');
    assert.equal(decoded.wordCount, 2);
    assert.equal(decoded.group, 1);
    assert.equal(decoded.channel, 5);
    assert.equal(decoded.summary, 'incomplete: 1 of 2 words');
    assert.deepEqual(
      decoded.fields.map((f) => [f.name, f.value]),
      [
        ['Words Present', 1],
        ['Words Expected', 2],
      ],
    );
  });

  void it('reads no word past the end when the message runs over it', () => {
    const decoded = decodeUmp([0, 0xf0035363, 0x6f706500], 1);
    assert.equal(decoded.incomplete, true);
    assert.equal(decoded.name, 'Endpoint Name Notification');
    assert.equal(decoded.summary, 'incomplete: 2 of 4 words');
  });

  void it('gives "No Data" for no words, an offset past the end or a bad offset', () => {
    for (const [words, offset] of [
      [[], 0],
      [[0x20903c64], 1],
      [[0x20903c64], -1],
      [[0x20903c64], 0.5],
      [[0x20903c64], Number.NaN],
    ] as Array<[number[], number]>) {
      const decoded = decodeUmp(words, offset);
      assert.equal(decoded.name, 'No Data', `offset ${offset}`);
      assert.equal(decoded.incomplete, true);
      assert.equal(decoded.wordCount, 0);
      assert.equal(decoded.messageType, -1);
    }
  });

  void it('takes numbers by their low 32 bits and non-numbers as 0', () => {
    assert.equal(decodeUmp([0x20903c64 + 2 ** 32]).summary, 'note 60 vel 100');
    assert.equal(decodeUmp([0x20903c64 - 2 ** 32]).summary, 'note 60 vel 100');
    const holes = [0x40903c00, undefined] as unknown as number[];
    assert.equal(decodeUmp(holes).fields.find((f) => f.name === 'Velocity')?.value, 0);
  });
});
