import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildMixedDataSetPackets } from '../../../src/ump';
import { CaptureRing } from '../../../src/views/monitor/captureRing';
import { LogicalRows, rowOpenFlag } from '../../../src/views/monitor/logicalRows';

/** A SysEx7 packet (status 0 complete, 1 start, 2 continue, 3 end) on `group`. */
function sysEx7(group: number, status: number): Uint32Array {
  return new Uint32Array([(0x3 << 28) | (group << 24) | (status << 20) | (6 << 16), 0]);
}

const noteOn = new Uint32Array([0x20903c64]);

/** The header and payloads of one Mixed Data Set chunk of `byteCount` bytes. */
function mixedDataSetChunk(group: number, mdsId: number, byteCount: number): Uint32Array[] {
  const ids = { manufacturerId: 0x7d, deviceId: 0, subId1: 1, subId2: 2 };
  return buildMixedDataSetPackets(group, mdsId, ids, new Uint8Array(byteCount).fill(0x42));
}

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

  void it('joins a Mixed Data Set header and the payloads its byte count needs into one row', () => {
    const { rows, add } = capture(16);
    const [header, ...payloads] = mixedDataSetChunk(1, 5, 30);
    assert.equal(payloads.length, 3);
    assert.equal(add(header), true);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag);
    assert.equal(add(payloads[0]), false);
    add(noteOn);
    assert.equal(add(payloads[1]), false);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag, 'one payload still to come');
    assert.equal(add(payloads[2]), false);
    assert.equal(rows.rowFlags(0), 0, 'the last payload completes the chunk');
    assert.deepEqual(rows.packetSeqs(0), [0, 1, 3, 4]);
    assert.equal(add(payloads[2]), true, 'a payload beyond the byte count stands alone');
    assert.equal(rows.endRowId, 3);
  });

  void it('shows a Mixed Data Set header of 0 bytes as a whole row that closes an open chunk', () => {
    const { rows, add } = capture(16);
    const [open, openPayload] = mixedDataSetChunk(0, 0, 20);
    const [empty] = mixedDataSetChunk(0, 0, 0);
    add(open);
    assert.equal(add(empty), true);
    assert.equal(rows.rowFlags(1), 0);
    assert.equal(rows.packetCount(1), 1);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag, 'the interrupted chunk stays incomplete');
    assert.equal(add(openPayload), true, 'its payload no longer joins it');
    assert.equal(rows.packetCount(0), 1);
  });

  void it('lets a Mixed Data Set payload without a header stand alone', () => {
    const { rows, add } = capture(16);
    const [, payload] = mixedDataSetChunk(3, 7, 14);
    assert.equal(add(payload), true);
    assert.equal(add(payload), true);
    assert.equal(rows.endRowId, 2);
    assert.equal(rows.rowFlags(0), 0);
    assert.equal(rows.rowFlags(1), 0);
  });

  void it('leaves a Mixed Data Set chunk incomplete when a new header starts on its group and id', () => {
    const { rows, add } = capture(16);
    const [first, firstPayload] = mixedDataSetChunk(2, 9, 28);
    const [second, ...secondPayloads] = mixedDataSetChunk(2, 9, 15);
    add(first);
    add(firstPayload);
    assert.equal(add(second), true);
    for (const payload of secondPayloads) assert.equal(add(payload), false);
    assert.equal(rows.endRowId, 2);
    assert.deepEqual(rows.packetSeqs(0), [0, 1]);
    assert.equal(rows.rowFlags(0) & rowOpenFlag, rowOpenFlag, 'the interrupted chunk stays incomplete');
    assert.deepEqual(rows.packetSeqs(1), [2, 3, 4]);
    assert.equal(rows.rowFlags(1), 0);
  });

  void it('keeps interleaved Mixed Data Set chunks of other ids, groups and endpoints apart', () => {
    const { rows, add } = capture(32);
    const chunks = [
      { packets: mixedDataSetChunk(0, 1, 28), endpoint: 0 },
      { packets: mixedDataSetChunk(0, 2, 14), endpoint: 0 },
      { packets: mixedDataSetChunk(1, 1, 42), endpoint: 0 },
      { packets: mixedDataSetChunk(0, 1, 28), endpoint: 1 },
    ];
    const expected: number[][] = chunks.map(() => []);
    let seq = 0;
    for (let i = 0; i < 4; i++) {
      chunks.forEach(({ packets, endpoint }, chunk) => {
        if (i >= packets.length) return;
        add(packets[i], endpoint);
        expected[chunk].push(seq++);
      });
    }
    assert.equal(rows.endRowId, 4);
    expected.forEach((seqs, row) => {
      assert.deepEqual(rows.packetSeqs(row), seqs, `row ${row}`);
      assert.equal(rows.rowFlags(row), 0, `row ${row} is complete`);
    });
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
