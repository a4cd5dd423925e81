import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PacketsBlock } from '../../../src/views/monitor/protocol';
import {
  allocatePacketsBlock,
  rowFlagOpen,
  writePacket,
  type RowRecord,
} from '../../../src/views/monitor/rowsBlock';
import { PacketLists } from '../../../webview/monitor/packetLists';

function block(count: number): PacketsBlock {
  const writer = allocatePacketsBlock(count);
  for (let i = 0; i < count; i++)
    writePacket(writer, i, i, 10 * i, new Uint32Array([0x30160000 | i, 0, 0, 0]), 0);
  return { count, data: writer.buffer };
}

function row(packetCount: number, flags = 0): RowRecord {
  return { seq: 0, timestamp: 0, endpointIndex: 0, packetCount, flags, words: new Uint32Array(4) };
}

/** Lists whose fetches are answered by hand. */
function harness(mustKeep: (viewIndex: number) => boolean = () => false) {
  const pending: { viewIndex: number; answer(block: PacketsBlock | undefined): void }[] = [];
  const lists = new PacketLists(
    (viewIndex) => new Promise((resolve) => pending.push({ viewIndex, answer: resolve })),
    mustKeep,
  );
  return { lists, pending };
}

void describe('PacketLists', () => {
  void it('fetches a row once however often it is asked for, then serves it from the cache', async () => {
    const { lists, pending } = harness();
    const first = lists.load(5, row(3));
    const second = lists.load(5, row(3));
    assert.equal(pending.length, 1);
    pending[0].answer(block(3));
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a, b);
    assert.equal(a?.packets.length, 3);
    assert.equal(a?.truncated, false);
    assert.equal(lists.get(5), a);
    await lists.load(5, row(3));
    assert.equal(pending.length, 1);
  });

  void it('says when the host sent fewer packets than the row has, or the message is incomplete', async () => {
    const { lists, pending } = harness();
    const loading = lists.load(1, row(10, rowFlagOpen));
    pending[0].answer(block(4));
    const list = await loading;
    assert.equal(list?.truncated, true);
    assert.equal(list?.incomplete, true);
    assert.deepEqual(lists.dropIncomplete(), [1]);
    assert.equal(lists.get(1), undefined);
  });

  void it('ignores answers that arrive after a reset, and rows that are gone', async () => {
    const { lists, pending } = harness();
    const loading = lists.load(2, row(2));
    lists.reset();
    pending[0].answer(block(2));
    assert.equal(await loading, undefined);
    assert.equal(lists.get(2), undefined);
    const gone = lists.load(3, row(2));
    pending[1].answer(undefined);
    assert.equal(await gone, undefined);
  });

  void it('drops lists of evicted rows and, past its size, the oldest it need not keep', async () => {
    const { lists, pending } = harness((viewIndex) => viewIndex === 0);
    for (let viewIndex = 0; viewIndex <= 64; viewIndex++) {
      const loading = lists.load(viewIndex, row(2));
      pending[viewIndex].answer(block(2));
      await loading;
    }
    assert.ok(lists.get(0), 'an expanded row stays');
    assert.equal(lists.get(1), undefined, 'the oldest other row made room');
    lists.dropBefore(60);
    assert.equal(lists.get(0), undefined);
    assert.ok(lists.get(64));
  });
});
