import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CaptureRing, wordsPerSlot } from '../../../src/views/monitor/captureRing';

const noteOn = (note: number) => new Uint32Array([0x20903c00 | note]);

void describe('CaptureRing', () => {
  void it('numbers packets from 0 and returns their words, timestamp and endpoint', () => {
    const ring = new CaptureRing(4);
    const words = new Uint32Array([0x40903c00, 0xffff0000]);
    assert.equal(ring.push(words, 0, 2, 1234, 7), 0);
    assert.equal(ring.endSeq, 1);
    assert.equal(ring.firstWord(0), 0x40903c00);
    assert.deepEqual(
      [...ring.wordsArray.subarray(ring.wordOffset(0), ring.wordOffset(0) + wordsPerSlot)],
      [0x40903c00, 0xffff0000, 0, 0],
    );
    assert.equal(ring.timestamp(0), 1234);
    assert.equal(ring.endpointIndex(0), 7);
  });

  void it('evicts the oldest packets when full and counts them', () => {
    const ring = new CaptureRing(3);
    for (let i = 0; i < 5; i++) ring.push(noteOn(i), 0, 1, i, 0);
    assert.equal(ring.size, 3);
    assert.equal(ring.firstSeq, 2);
    assert.equal(ring.evicted, 2);
    assert.equal(ring.has(1), false);
    assert.equal(ring.has(2), true);
    assert.equal(ring.has(5), false);
    assert.equal(ring.firstWord(4) & 0xff, 4);
    assert.equal(ring.timestamp(2), 2);
  });

  void it('clears unused word slots so a short packet never shows an older long one', () => {
    const ring = new CaptureRing(1);
    ring.push(new Uint32Array([0xf0000000, 1, 2, 3]), 0, 4, 0, 0);
    ring.push(noteOn(1), 0, 1, 0, 0);
    const at = ring.wordOffset(1);
    assert.deepEqual([...ring.wordsArray.subarray(at, at + 4)], [0x20903c01, 0, 0, 0]);
  });

  void it('starts again from sequence 0 after clear', () => {
    const ring = new CaptureRing(2);
    ring.push(noteOn(1), 0, 1, 0, 0);
    ring.clear();
    assert.equal(ring.endSeq, 0);
    assert.equal(ring.size, 0);
    assert.equal(ring.push(noteOn(2), 0, 1, 0, 0), 0);
  });

  void it('reports the bytes it holds, proportional to its capacity', () => {
    assert.equal(new CaptureRing(1000).allocatedBytes, 1000 * (16 + 8 + 1));
  });

  void it('rejects a capacity that is not a positive whole number', () => {
    assert.throws(() => new CaptureRing(0), /capture capacity must be a whole number of messages ≥ 1, got 0/);
    assert.throws(() => new CaptureRing(2.5), /got 2.5/);
  });
});
