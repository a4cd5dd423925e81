import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFilter, type FilterSpec } from '../../../src/views/monitor/protocol';
import { compileRowFilter, isEmptyFilter, type RowSubject } from '../../../src/views/monitor/rowFilter';

function subject(word0: number, endpointIndex = 0): RowSubject {
  return { words: new Uint32Array([word0, 0, 0, 0]), offset: 0, endpointIndex };
}

const filter = (partial: Partial<FilterSpec>): FilterSpec => ({ ...emptyFilter, ...partial });
const noText = () => '';

void describe('compileRowFilter', () => {
  void it('an empty filter is recognised as such', () => {
    assert.equal(isEmptyFilter(emptyFilter), true);
    assert.equal(isEmptyFilter(filter({ text: '   ' })), true);
    assert.equal(isEmptyFilter(filter({ groups: [1] })), false);
  });

  void it('keeps only the chosen endpoints and message types', () => {
    const keep = compileRowFilter(filter({ endpoints: [1], messageTypes: [0x2] }), noText);
    assert.equal(keep(subject(0x20903c64, 1)), true);
    assert.equal(keep(subject(0x20903c64, 0)), false);
    assert.equal(keep(subject(0x40903c00, 1)), false);
  });

  void it('matches groups and channels from the first word; groupless messages never match a group', () => {
    const group5 = compileRowFilter(filter({ groups: [5] }), noText);
    assert.equal(group5(subject(0x25937864)), true);
    assert.equal(group5(subject(0x24937864)), false);
    assert.equal(group5(subject(0x00000000)), false, 'utility messages have no group');
    assert.equal(group5(subject(0xf5000000)), false, 'UMP stream messages have no group');

    const channel3 = compileRowFilter(filter({ channels: [3] }), noText);
    assert.equal(channel3(subject(0x25937864)), true);
    assert.equal(channel3(subject(0x45937864)), true);
    assert.equal(channel3(subject(0x15f80000)), false, 'system messages have no channel');
    assert.equal(channel3(subject(0xd0030000)), true, 'flex data addressed to channel 3');
    assert.equal(channel3(subject(0xd0130000)), false, 'flex data addressed to the group');
  });

  void it('searches the row text case-insensitively, and only after the cheap tests pass', () => {
    let textCalls = 0;
    const keep = compileRowFilter(filter({ messageTypes: [0x2], text: 'Note On' }), () => {
      textCalls++;
      return 'note on c4 velocity 100';
    });
    assert.equal(keep(subject(0x20903c64)), true);
    assert.equal(keep(subject(0x40903c64)), false);
    assert.equal(textCalls, 1);
    const miss = compileRowFilter(filter({ text: 'sysex' }), () => 'note on');
    assert.equal(miss(subject(0x20903c64)), false);
  });
});
