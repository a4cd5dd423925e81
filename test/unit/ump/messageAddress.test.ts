// Group and channel, pinned to UMP 1.1 (M2-104-UM): which message types carry a group, which a
// channel, and Flex Data's Address field (bits 21–20: 0 = one channel, 1 = the whole group with
// the channel field ignored, 2–3 reserved). The decoder reads them from the same place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as ump from '../../../src/ump';

/** Flex Data first word: group, form, address, channel field, status bank, status. */
function flexData(group: number, address: number, channel: number, bank = 0, status = 0): number {
  return ((0xd << 28) | (group << 24) | (address << 20) | (channel << 16) | (bank << 8) | status) >>> 0;
}

void describe('group and channel of a message (src/ump messageAddress)', () => {
  void it('channel voice (0x2, 0x4) carries both; system (0x1) and data (0x3, 0x5) only a group', () => {
    assert.deepEqual([ump.groupOf(0x2593_7864), ump.channelOf(0x2593_7864)], [5, 3]);
    assert.deepEqual([ump.groupOf(0x4a9f_3c00), ump.channelOf(0x4a9f_3c00)], [10, 15]);
    for (const word0 of [0x15f8_0000, 0x3716_0000, 0x5c01_0000]) {
      assert.equal(ump.groupOf(word0), (word0 >>> 24) & 0xf, word0.toString(16));
      assert.equal(ump.channelOf(word0), undefined, `${word0.toString(16)} has no channel`);
    }
  });

  void it('Utility (0x0), UMP Stream (0xF) and reserved types carry neither (undefined, never -1)', () => {
    for (const type of [0x0, 0x6, 0x7, 0x8, 0x9, 0xa, 0xb, 0xc, 0xe, 0xf]) {
      const word0 = ((type << 28) | 0x0f3f_ffff) >>> 0;
      assert.equal(ump.groupOf(word0), undefined, `type ${type.toString(16)}`);
      assert.equal(ump.channelOf(word0), undefined, `type ${type.toString(16)}`);
    }
  });

  void it("Flex Data always has its group; a channel only when its Address is 0 ('Channel')", () => {
    assert.equal(ump.FlexDataAddress.channel, 0);
    assert.equal(ump.FlexDataAddress.group, 1);
    assert.deepEqual([ump.groupOf(flexData(7, 0, 9)), ump.channelOf(flexData(7, 0, 9))], [7, 9]);
    assert.equal(ump.flexDataAddressOf(flexData(7, 1, 9)), 1);
    assert.deepEqual(
      [ump.groupOf(flexData(7, 1, 9)), ump.channelOf(flexData(7, 1, 9))],
      [7, undefined],
      'addressed to the group: the channel field is ignored',
    );
    for (const reserved of [2, 3]) {
      assert.deepEqual(
        [ump.groupOf(flexData(7, reserved, 9)), ump.channelOf(flexData(7, reserved, 9))],
        [7, undefined],
      );
    }
  });

  void it('the decoder shows the same group and channel, Flex Data text included', () => {
    const toChannel = ump.decodeUmp([flexData(2, 0, 4, 0x01, 0x01), 0x4869_0000, 0, 0]);
    assert.equal(toChannel.group, 2);
    assert.equal(toChannel.channel, 4);
    assert.deepEqual(
      toChannel.fields.slice(0, 2).map((field) => field.display),
      ['2 (Group 3)', '4 (Channel 5)'],
    );
    const toGroup = ump.decodeUmp([flexData(2, 1, 4, 0x01, 0x01), 0x4869_0000, 0, 0]);
    assert.equal(toGroup.group, 2);
    assert.equal(toGroup.channel, undefined);
    assert.equal(
      toGroup.fields.find((field) => field.name === 'Channel'),
      undefined,
    );
    assert.equal(toGroup.fields.find((field) => field.name === 'Address')?.display, '1 (Group)');
  });

  void it('for any first word, decodeUmp, groupOf and channelOf agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (word0) => {
        const decoded = ump.decodeUmp([word0, 0, 0, 0]);
        assert.equal(decoded.group, ump.groupOf(word0));
        assert.equal(decoded.channel, ump.channelOf(word0));
      }),
      { numRuns: 20_000 },
    );
  });

  void it('a text reassembled from Flex Data keeps a channel only when addressed to one', () => {
    const reassembler = new ump.UmpTextReassembler();
    const [toChannel] = reassembler.push([flexData(3, 0, 6, 0x01, 0x01), 0x4869_0000, 0, 0]);
    const [toGroup] = reassembler.push([flexData(3, 1, 6, 0x01, 0x01), 0x4869_0000, 0, 0]);
    assert.equal(toChannel.kind, 'text');
    assert.equal(toGroup.kind, 'text');
    assert.deepEqual([toChannel.group, toChannel.channel], [3, 6]);
    assert.deepEqual([toGroup.group, toGroup.channel], [3, undefined]);
  });
});
