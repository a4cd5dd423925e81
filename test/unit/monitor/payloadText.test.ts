import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildMixedDataSetPackets, buildSysEx7Packets } from '../../../src/ump';
import type { PacketRecord } from '../../../src/views/monitor/rowsBlock';
import { reassembledPayload } from '../../../webview/monitor/payloadText';

function records(packets: readonly Uint32Array[]): PacketRecord[] {
  return packets.map((words, seq) => ({ seq, timestamp: 0, words }));
}

void describe('reassembledPayload', () => {
  void it('joins the data bytes of a SysEx message', () => {
    const payload = reassembledPayload(records(buildSysEx7Packets(0, [1, 2, 3, 4, 5, 6, 7, 8])));
    assert.deepEqual(payload, { label: 'Data (8 bytes)', text: '01 02 03 04 05 06 07 08' });
  });

  void it('joins the payloads of a Mixed Data Set chunk up to its byte count, without the padding', () => {
    const bytes = Array.from({ length: 17 }, (_, i) => i + 0xa0);
    const ids = { manufacturerId: 0x7d, deviceId: 0, subId1: 0, subId2: 0 };
    const payload = reassembledPayload(records(buildMixedDataSetPackets(0, 4, ids, bytes)));
    assert.equal(payload?.label, 'Data (17 bytes)');
    assert.equal(payload?.text, bytes.map((byte) => byte.toString(16).toUpperCase()).join(' '));
  });
});
