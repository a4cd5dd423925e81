import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PacketForm } from '../../../src/ump';
import { packetContinuation } from '../../../src/views/monitor/packetContinuation';

void describe('packetContinuation', () => {
  void it('reads the SysEx7 status nibble as the position, keyed by group', () => {
    assert.deepEqual(packetContinuation(0x35160000)?.position, PacketForm.Start);
    assert.equal(packetContinuation(0x35360000)?.position, PacketForm.End);
    assert.equal(packetContinuation(0x35160000)?.key, packetContinuation(0x35260000)?.key);
    assert.notEqual(packetContinuation(0x35160000)?.key, packetContinuation(0x36160000)?.key);
    assert.equal(packetContinuation(0x35460000), undefined, 'reserved SysEx7 statuses stand alone');
  });

  void it('keys SysEx8 by group and stream id', () => {
    const start = packetContinuation(0x501e0700);
    assert.equal(start?.position, PacketForm.Start);
    assert.equal(start?.packetsToFollow, undefined, 'a SysEx8 start ends with its end packet');
    assert.equal(start?.key, packetContinuation(0x502e0700)?.key);
    assert.notEqual(start?.key, packetContinuation(0x502e0800)?.key, 'other stream id');
    assert.equal(packetContinuation(0x50a00000), undefined, 'reserved Data 128 statuses stand alone');
  });

  void it('starts a Mixed Data Set chunk at its header, with a payload per 14 bytes to follow', () => {
    // header on group 2, MDS id 3: 29 bytes need 3 payloads, 28 need 2, 0 need none
    const header = packetContinuation(0x5283001d);
    assert.equal(header?.position, PacketForm.Start);
    assert.equal(header?.packetsToFollow, 3);
    assert.equal(packetContinuation(0x5283001c)?.packetsToFollow, 2);
    assert.equal(packetContinuation(0x52830000)?.packetsToFollow, 0);
    assert.equal(packetContinuation(0x5283ffff)?.packetsToFollow, 4682);
    const payload = packetContinuation(0x52930000);
    assert.equal(payload?.position, PacketForm.Continue);
    assert.equal(payload?.key, header?.key);
    assert.notEqual(packetContinuation(0x52940000)?.key, header?.key, 'other MDS id');
    assert.notEqual(packetContinuation(0x53930000)?.key, header?.key, 'other group');
    assert.notEqual(packetContinuation(0x50202300)?.key, header?.key, 'SysEx8 on group 0, stream id 0x23');
  });

  void it('reads the Flex Data format bits, keyed by status bank and status', () => {
    // metadata text (bank 1, status 1) start/end on group 0, channel 0
    const start = packetContinuation(0xd0500101);
    const end = packetContinuation(0xd0d00101);
    assert.equal(start?.position, PacketForm.Start);
    assert.equal(end?.position, PacketForm.End);
    assert.equal(start?.key, end?.key);
    assert.notEqual(start?.key, packetContinuation(0xd0500102)?.key);
  });

  void it('reads the UMP Stream format bits; function block names are keyed by block number', () => {
    const nameStart = packetContinuation(0xf4030000);
    assert.equal(nameStart?.position, PacketForm.Start);
    assert.equal(packetContinuation(0xfc030000)?.position, PacketForm.End);
    assert.notEqual(packetContinuation(0xf4120100)?.key, packetContinuation(0xf4120200)?.key);
  });

  void it('says nothing of messages that always stand alone', () => {
    for (const word of [0x00000000, 0x10f80000, 0x20903c64, 0x40903c00, 0x60000000, 0xe0000000]) {
      assert.equal(packetContinuation(word), undefined, word.toString(16));
    }
  });

  void it('keeps every key below 2^30 so endpoint-qualified keys stay exact', () => {
    for (const word of [0x3f3f0000, 0x5f3fff00, 0x5f8fffff, 0x5f9f0000, 0xdfffffff, 0xffffffff]) {
      const key = packetContinuation(word)?.key ?? 0;
      assert.ok(key >= 0 && key < 2 ** 30, `${word.toString(16)} → ${key}`);
    }
  });
});
