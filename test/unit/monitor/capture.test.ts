import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capture } from '../../../src/views/monitor/capture';
import { packetsBlock, rowsBlock, tailBlock } from '../../../src/views/monitor/captureBlocks';
import { emptyFilter } from '../../../src/views/monitor/protocol';
import { readPacketsBlock, readRowsBlock } from '../../../src/views/monitor/rowsBlock';
import { rowSearchText } from '../../../src/views/monitor/rowSearchText';

/** A batch as the engine delivers it: messages back to back, one timestamp each. */
function batch(...messages: number[][]): [Uint32Array, Float64Array, number] {
  return [new Uint32Array(messages.flat()), Float64Array.from(messages, (_, i) => 1000 + i), messages.length];
}

const noteOn = [0x20903c64];
const noteOff = [0x20803c00];
const midi2NoteOn = [0x40903c00, 0xffff0000];
const sysExStart = [0x30160102, 0x03040506];
const sysExEnd = [0x30320708, 0];

function newCapture(capacity = 100): Capture {
  return new Capture(capacity, (row) => rowSearchText(row, ['Diagnostics B', 'Pair B']));
}

void describe('Capture', () => {
  void it('splits batches into messages by their message type and keeps their timestamps', () => {
    const capture = newCapture();
    assert.deepEqual(capture.append(...batch(noteOn, midi2NoteOn, noteOff), 1), { appended: 3 });
    assert.equal(capture.received, 3);
    const rows = readRowsBlock(rowsBlock(capture, 0, 10).data, 3);
    assert.deepEqual(
      rows.map((row) => [row.seq, row.timestamp, row.endpointIndex, row.words[0], row.words[1]]),
      [
        [0, 1000, 1, 0x20903c64, 0],
        [1, 1001, 1, 0x40903c00, 0xffff0000],
        [2, 1002, 1, 0x20803c00, 0],
      ],
    );
  });

  void it('stops at a message the batch cuts short and says where', () => {
    const capture = newCapture();
    const words = new Uint32Array([0x20903c64, 0x40903c00]);
    const outcome = capture.append(words, new Float64Array(2), 2, 0);
    assert.deepEqual(outcome, { appended: 1, malformedAt: { message: 1, wordOffset: 1 } });
    assert.equal(capture.received, 1);
  });

  void it('shows a SysEx7 message as one row and hands out its packets', () => {
    const capture = newCapture();
    capture.append(...batch(sysExStart, noteOn, sysExEnd), 0);
    const range = capture.viewRange();
    assert.equal(range.end - range.start, 2);
    const [sysEx, note] = readRowsBlock(rowsBlock(capture, 0, 2).data, 2);
    assert.equal(sysEx.packetCount, 2);
    assert.equal(note.seq, 1);
    const packets = packetsBlock(capture, 0, 100);
    assert.ok(packets);
    assert.deepEqual(
      readPacketsBlock(packets.data, packets.count).map((packet) => packet.seq),
      [0, 2],
    );
  });

  void it('gives the delta base of a block: the timestamp of the view row before it', () => {
    const capture = newCapture();
    capture.append(...batch(noteOn, noteOn, noteOn), 0);
    assert.equal(rowsBlock(capture, 0, 1).previousTimestamp, null);
    assert.equal(rowsBlock(capture, 2, 1).previousTimestamp, 1001);
  });

  void it('clips requested ranges to the view and returns the newest rows as the tail', () => {
    const capture = newCapture(3);
    capture.append(...batch(noteOn, noteOn, noteOn, noteOn, noteOn), 0);
    const clipped = rowsBlock(capture, 0, 100);
    assert.deepEqual([clipped.from, clipped.count], [2, 3]);
    const tail = tailBlock(capture, 2);
    assert.deepEqual([tail.from, tail.count], [3, 2]);
    assert.equal(packetsBlock(capture, 0, 10), null, 'an evicted row has no packets');
  });

  void it('filters by a search in decoded names, renumbering the view in a new generation', () => {
    const capture = newCapture();
    capture.append(...batch(noteOn, noteOff, midi2NoteOn), 0);
    const before = capture.generation;
    capture.setFilter({ ...emptyFilter, text: 'note on' });
    assert.equal(capture.generation, before + 1);
    assert.equal(capture.scanFilter(1000), true);
    const view = capture.viewRange();
    assert.equal(view.end - view.start, 2);
    const rows = readRowsBlock(rowsBlock(capture, view.start, 10).data, 2);
    assert.deepEqual(
      rows.map((row) => row.seq),
      [0, 2],
    );
    capture.append(...batch(noteOn), 0);
    capture.scanFilter(1000);
    assert.equal(capture.viewRange().end, 3, 'new rows that match join the view');
  });

  void it('filters by endpoint name in the search text', () => {
    const capture = newCapture();
    capture.append(...batch(noteOn), 0);
    capture.append(...batch(noteOn), 1);
    capture.setFilter({ ...emptyFilter, text: 'pair b' });
    capture.scanFilter(1000);
    const view = capture.viewRange();
    assert.deepEqual(
      readRowsBlock(rowsBlock(capture, view.start, 10).data, 1).map((row) => row.endpointIndex),
      [1],
    );
  });

  void it('starts over on clear but keeps its filter', () => {
    const capture = newCapture();
    capture.setFilter({ ...emptyFilter, messageTypes: [0x2] });
    capture.append(...batch(noteOn, midi2NoteOn), 0);
    const generation = capture.generation;
    capture.clear();
    assert.equal(capture.received, 0);
    assert.equal(capture.generation, generation + 1);
    assert.deepEqual(capture.filter.messageTypes, [0x2]);
    assert.deepEqual(capture.viewRange(), {
      generation: generation + 1,
      start: 0,
      end: 0,
      filterProgress: null,
    });
  });

  void it('holds memory in proportion to its capacity, not to the traffic', () => {
    const capture = newCapture(1000);
    const before = capture.allocatedBytes;
    for (let i = 0; i < 50; i++) capture.append(...batch(...Array.from({ length: 100 }, () => noteOn)), 0);
    assert.equal(capture.allocatedBytes, before);
    assert.equal(capture.evicted, 4000);
    assert.equal(capture.ring.size, 1000);
  });
});
