import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaptureRing } from '../../../src/views/monitor/captureRing';
import { LogicalRows, rowOpenFlag } from '../../../src/views/monitor/logicalRows';

/** A SysEx7 packet (status 0 complete, 1 start, 2 continue, 3 end) on `group`. */
function sysEx7(group: number, status: number): Uint32Array {
  return new Uint32Array([(0x3 << 28) | (group << 24) | (status << 20) | (6 << 16), 0]);
}

const noteOn = new Uint32Array([0x20903c64]);

function capture(capacity: number) {
  const ring = new CaptureRing(capacity);
  const rows = new LogicalRows(ring);
  const add = (words: Uint32Array, endpointIndex = 0): boolean =>
    rows.addPacket(ring.push(words, 0, words.length, 0, endpointIndex), endpointIndex);
  return { ring, rows, add };
}

void describe('LogicalRows', () => {
  void it('gives every single-packet message its own row', () => {
    const { rows, add } = capture(8);
    assert.equal(add(noteOn), true);
    assert.equal(add(sysEx7(0, 0)), true);
    assert.equal(rows.endRowId, 2);
    assert.deepEqual(rows.packetSeqs(1), [1]);
    assert.equal(rows.rowFlags(1), 0);
  });

  void it('joins a SysEx7 start, continues and end into one row, even with traffic in between', () => {
    const { rows, add } = capture(16);
    add(sysEx7(2, 1));
    add(noteOn);
    assert.equal(add(sysEx7(2, 2)), false);
    add(noteOn);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag);
    assert.equal(add(sysEx7(2, 3)), false);
    assert.equal(rows.endRowId, 3);
    assert.deepEqual(rows.packetSeqs(0), [0, 2, 4]);
    assert.equal(rows.packetCount(0), 3);
    assert.equal(rows.rowFlags(0), 0);
  });

  void it('keeps messages on different groups and endpoints apart', () => {
    const { rows, add } = capture(16);
    add(sysEx7(0, 1), 0);
    add(sysEx7(1, 1), 0);
    add(sysEx7(0, 1), 1);
    add(sysEx7(1, 3), 0);
    add(sysEx7(0, 3), 1);
    add(sysEx7(0, 3), 0);
    assert.equal(rows.endRowId, 3);
    assert.deepEqual(rows.packetSeqs(0), [0, 5]);
    assert.deepEqual(rows.packetSeqs(1), [1, 3]);
    assert.deepEqual(rows.packetSeqs(2), [2, 4]);
  });

  void it('leaves a message open when a new start interrupts it, and a lone end stands alone', () => {
    const { rows, add } = capture(16);
    add(sysEx7(0, 1));
    add(sysEx7(0, 1));
    assert.equal(add(sysEx7(0, 3)), false);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag, 'the interrupted message stays incomplete');
    assert.deepEqual(rows.packetSeqs(1), [1, 2]);
    assert.equal(add(sysEx7(0, 3)), true, 'an end without a start is a row of its own');
    assert.equal(rows.packetCount(2), 1);
  });

  void it('drops rows whose first packet was evicted and starts a new row for their late continuation', () => {
    const { ring, rows, add } = capture(3);
    add(sysEx7(0, 1));
    add(noteOn);
    add(noteOn);
    add(noteOn); // evicts the start
    assert.equal(ring.firstSeq, 1);
    assert.equal(rows.firstRowId, 1);
    assert.equal(rows.has(0), false);
    assert.equal(add(sysEx7(0, 3)), true);
    assert.equal(rows.endRowId, 5);
  });

  void it('limits packetSeqs to the requested number', () => {
    const { rows, add } = capture(16);
    add(sysEx7(0, 1));
    for (let i = 0; i < 5; i++) add(sysEx7(0, 2));
    assert.deepEqual(rows.packetSeqs(0, 2), [0, 1]);
  });

  void it('never holds more rows than the ring holds packets', () => {
    const { ring, rows, add } = capture(4);
    for (let i = 0; i < 100; i++) add(i % 3 === 0 ? sysEx7(0, 1) : i % 3 === 1 ? noteOn : sysEx7(0, 3));
    assert.ok(rows.endRowId - rows.firstRowId <= ring.capacity);
    for (let row = rows.firstRowId; row < rows.endRowId; row++) {
      for (const seq of rows.packetSeqs(row))
        assert.ok(ring.has(seq), `row ${row} packet ${seq} is in the ring`);
    }
  });
});
