import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capture } from '../../../src/views/monitor/capture';
import { PacketWalk, rowsAsHex } from '../../../src/views/monitor/capturePackets';
import { parseUmpHex } from '../../../src/ump';
import { emptyFilter } from '../../../src/views/monitor/protocol';

const endpoints = [{ index: 0, endpointDeviceId: 'a', name: 'A' }];

function capture(capacity: number, ...messages: number[][]): Capture {
  const result = new Capture(capacity, () => '');
  result.append(new Uint32Array(messages.flat()), new Float64Array(messages.length), messages.length, 0);
  return result;
}

const noteOn = [0x20903c64];
const midi2 = [0x40903c00, 0x12345678];
const sysExStart = [0x30160102, 0x03040506];
const sysExEnd = [0x30320708, 0];

void describe('PacketWalk', () => {
  void it('walks every captured message with exactly its words', () => {
    const walk = new PacketWalk(capture(10, noteOn, midi2), endpoints);
    assert.deepEqual(
      [...walk.all()].map((p) => [p.seq, [...p.words], p.endpoint.name]),
      [
        [0, [0x20903c64], 'A'],
        [1, [0x40903c00, 0x12345678], 'A'],
      ],
    );
    assert.equal(walk.skipped, 0);
  });

  void it('walks view rows with all their packets, clipped to the view', () => {
    const walk = new PacketWalk(capture(10, sysExStart, noteOn, sysExEnd, noteOn), endpoints);
    assert.deepEqual(
      [...walk.viewRows(0, 1)].map((p) => p.seq),
      [0, 2],
    );
    assert.deepEqual(
      [...walk.viewRows(1, 100)].map((p) => p.seq),
      [1, 3],
    );
  });

  void it('follows the filter: only rows of the filtered view', () => {
    const source = capture(10, noteOn, midi2, noteOn);
    source.setFilter({ ...emptyFilter, messageTypes: [0x4] });
    source.scanFilter(100);
    const walk = new PacketWalk(source, endpoints);
    assert.deepEqual(
      [...walk.viewRows(source.view.start, 10)].map((p) => p.seq),
      [1],
    );
  });

  void it('counts messages evicted while the walk was paused instead of writing stale slots', () => {
    const source = capture(4, noteOn, noteOn, noteOn, noteOn);
    const walk = new PacketWalk(source, endpoints);
    const packets = walk.all();
    const first = packets.next();
    assert.equal(first.done ? 'done' : first.value.seq, 0);
    source.append(new Uint32Array([0x20903c64, 0x20903c64]), new Float64Array(2), 2, 0);
    assert.deepEqual(
      [...packets].map((p) => p.seq),
      [2, 3],
    );
    assert.equal(walk.skipped, 1);
  });

  void it('stops a view walk when the view is renumbered', () => {
    const source = capture(10, noteOn, noteOn, noteOn);
    const walk = new PacketWalk(source, endpoints);
    const packets = walk.viewRows(0, 3);
    packets.next();
    source.clear();
    assert.deepEqual([...packets], []);
    assert.equal(walk.skipped, 2);
  });

  void it('copies view rows as hex the send commands parse back, up to a limit', () => {
    const source = capture(10, sysExStart, noteOn, sysExEnd, midi2);
    const copied = rowsAsHex(source, endpoints, 10_000_000, 0, 2, 100);
    assert.equal(copied.messages, 3, 'the SysEx row brings both its packets');
    const parsed = parseUmpHex(copied.text);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.messages.map((message) => [...message.words]),
      [sysExStart, sysExEnd, noteOn],
    );
    assert.equal(rowsAsHex(source, endpoints, 10_000_000, 0, 3, 2).messages, 2);
  });
});
