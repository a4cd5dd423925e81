import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocatePacketsBlock,
  allocateRowsBlock,
  readPacketsBlock,
  readRowsBlock,
  writePacket,
  writeRow,
} from '../../../src/views/monitor/rowsBlock';

void describe('row and packet blocks', () => {
  void it('round-trips rows through one ArrayBuffer', () => {
    const words = new Uint32Array([0x40903c00, 0xc0000000, 0, 0, 0x20903c64, 0, 0, 0]);
    const block = allocateRowsBlock(2);
    writeRow(
      block,
      0,
      { seq: 2 ** 40, timestamp: 123.5, endpointIndex: 3, packetCount: 1, flags: 0 },
      words,
      0,
    );
    writeRow(block, 1, { seq: 7, timestamp: 9, endpointIndex: 0, packetCount: 4, flags: 1 }, words, 4);
    const rows = readRowsBlock(block.buffer, 2);
    assert.equal(rows[0].seq, 2 ** 40);
    assert.equal(rows[0].timestamp, 123.5);
    assert.equal(rows[0].endpointIndex, 3);
    assert.deepEqual([...rows[0].words], [0x40903c00, 0xc0000000, 0, 0]);
    assert.deepEqual(
      { ...rows[1], words: [...rows[1].words] },
      {
        seq: 7,
        timestamp: 9,
        endpointIndex: 0,
        packetCount: 4,
        flags: 1,
        words: [0x20903c64, 0, 0, 0],
      },
    );
  });

  void it('round-trips packets', () => {
    const block = allocatePacketsBlock(1);
    writePacket(block, 0, 5, 6, new Uint32Array([1, 2, 3, 4]), 0);
    const [packet] = readPacketsBlock(block.buffer, 1);
    assert.deepEqual({ ...packet, words: [...packet.words] }, { seq: 5, timestamp: 6, words: [1, 2, 3, 4] });
  });

  void it('rejects a buffer whose size does not match the count', () => {
    assert.throws(() => readRowsBlock(new ArrayBuffer(10), 1), /block of 1 items should be 44 bytes, got 10/);
  });

  void it('an empty block is valid', () => {
    assert.deepEqual(readRowsBlock(allocateRowsBlock(0).buffer, 0), []);
  });
});
