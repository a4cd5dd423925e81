// formatUmpHex / formatWord and the message type table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ump from '../../../src/ump';

void describe('formatUmpHex', () => {
  void it('writes one message per line, canonical 0x%08X words', () => {
    const words = Uint32Array.of(0x20903c64, 0x40903c00, 0xffff0000, 0x10f80000);
    assert.equal(ump.formatUmpHex(words), '0x20903C64\n0x40903C00 0xFFFF0000\n0x10F80000');
    assert.equal(ump.formatUmpHex(words, { prefix: false }), '20903C64\n40903C00 FFFF0000\n10F80000');
  });

  void it('writes a last message the words do not complete with the words there are', () => {
    assert.equal(ump.formatUmpHex([0x20903c64, 0x50050a01, 0x02030400]), '0x20903C64\n0x50050A01 0x02030400');
    assert.equal(ump.formatUmpHex([]), '');
  });

  void it('formatWord pads and uppercases', () => {
    assert.equal(ump.formatWord(0x20903c64), '0x20903C64');
    assert.equal(ump.formatWord(0), '0x00000000');
    assert.equal(ump.formatWord(0xffffffff), '0xFFFFFFFF');
    assert.equal(ump.formatWord(-1), '0xFFFFFFFF');
  });
});

void describe('message types', () => {
  void it('has the UMP v1.1 sizes', () => {
    assert.deepEqual([...ump.UMP_WORD_COUNTS], [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4]);
    assert.equal(ump.wordCountForMessageType(ump.MessageType.FlexData), 4);
    assert.equal(ump.wordCountForMessageType(ump.MessageType.Midi2ChannelVoice), 2);
    assert.equal(ump.wordCountForMessageType(ump.MessageType.Reserved96BitB), 3);
  });

  void it('reads the type from the top nibble', () => {
    assert.equal(ump.messageTypeOf(0x40903c00), ump.MessageType.Midi2ChannelVoice);
    assert.equal(ump.messageTypeOf(0xf0000101), ump.MessageType.UmpStream);
    assert.equal(ump.messageTypeOf(0x00000000), ump.MessageType.Utility);
  });

  void it('knows which types are reserved and which carry a group', () => {
    const reserved = ump.UMP_WORD_COUNTS.map((_, type) => type).filter((type) =>
      ump.isReservedMessageType(type),
    );
    assert.deepEqual(reserved, [0x6, 0x7, 0x8, 0x9, 0xa, 0xb, 0xc, 0xe]);
    const grouped = ump.UMP_WORD_COUNTS.map((_, type) => type).filter((type) => ump.hasGroup(type));
    assert.deepEqual(grouped, [0x1, 0x2, 0x3, 0x4, 0x5, 0xd]);
  });
});
