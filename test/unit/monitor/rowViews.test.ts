import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaptureRing } from '../../../src/views/monitor/captureRing';
import { LogicalRows } from '../../../src/views/monitor/logicalRows';
import { AllRowsView, FilteredRowsView } from '../../../src/views/monitor/rowViews';

function capture(capacity: number) {
  const ring = new CaptureRing(capacity);
  const rows = new LogicalRows(ring);
  const add = (word0: number): void => {
    rows.addPacket(ring.push(new Uint32Array([word0]), 0, 1, 0, 0), 0);
  };
  return { ring, rows, add };
}

/** Keeps note-ons (status 0x9) of MIDI 1.0 channel voice. */
const noteOns = (row: { words: Uint32Array; offset: number }) =>
  (row.words[row.offset] & 0xfff00000) === 0x20900000;

void describe('AllRowsView', () => {
  void it('is every row, numbered by row id, starting after evictions', () => {
    const { rows, add } = capture(3);
    for (let i = 0; i < 5; i++) add(0x20903c00);
    const view = new AllRowsView(rows);
    assert.equal(view.start, 2);
    assert.equal(view.end, 5);
    assert.equal(view.rowIdAt(3), 3);
    assert.equal(view.progress, null);
  });
});

void describe('FilteredRowsView', () => {
  void it('scans existing rows in budgeted steps and reports its progress', () => {
    const { ring, rows, add } = capture(100);
    for (let i = 0; i < 10; i++) add(i % 2 === 0 ? 0x20903c00 : 0x20803c00);
    const view = new FilteredRowsView(ring, rows, noteOns);
    assert.deepEqual(view.progress, { scanned: 0, total: 10 });
    assert.equal(view.scan(4), 4);
    assert.deepEqual(view.progress, { scanned: 4, total: 10 });
    assert.equal(view.end - view.start, 2);
    view.scan(100);
    assert.equal(view.progress, null);
    assert.deepEqual(
      Array.from({ length: view.end - view.start }, (_, i) => view.rowIdAt(view.start + i)),
      [0, 2, 4, 6, 8],
    );
  });

  void it('takes new rows as they arrive and keeps view indexes stable', () => {
    const { ring, rows, add } = capture(100);
    add(0x20903c00);
    const view = new FilteredRowsView(ring, rows, noteOns);
    view.scan(100);
    add(0x20803c00);
    add(0x20903c01);
    view.scan(100);
    assert.equal(view.end, 2);
    assert.equal(view.rowIdAt(0), 0);
    assert.equal(view.rowIdAt(1), 2);
  });

  void it('drops evicted rows from its start, and skips rows evicted before it scanned them', () => {
    const { ring, rows, add } = capture(4);
    for (let i = 0; i < 4; i++) add(0x20903c00);
    const view = new FilteredRowsView(ring, rows, noteOns);
    view.scan(2);
    for (let i = 0; i < 6; i++) add(0x20903c00);
    assert.equal(view.start, 2, 'the two scanned rows were evicted');
    view.scan(100);
    assert.equal(view.end - view.start, 4, 'only the four rows still captured are in the view');
    assert.equal(view.rowIdAt(view.start), 6);
  });
});
