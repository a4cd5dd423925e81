import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RowsBlock } from '../../../src/views/monitor/protocol';
import { allocateRowsBlock, writeRow } from '../../../src/views/monitor/rowsBlock';
import { RowCache, fetchBlockRows } from '../../../webview/monitor/rowCache';

/** A block of rows [from, from + count) whose timestamps are 10 × their index. */
function block(from: number, count: number, flags = 0): RowsBlock {
  const writer = allocateRowsBlock(count);
  const words = new Uint32Array([0x20903c64, 0, 0, 0]);
  for (let i = 0; i < count; i++) {
    writeRow(
      writer,
      i,
      { seq: from + i, timestamp: 10 * (from + i), endpointIndex: 0, packetCount: 1, flags },
      words,
      0,
    );
  }
  return { from, count, previousTimestamp: from > 0 ? 10 * (from - 1) : null, data: writer.buffer };
}

/** A cache whose fetches are answered by hand, to check what it asks for and when. */
function harness(maxRows?: number) {
  const requests: { from: number; count: number; answer(rows: RowsBlock | undefined): void }[] = [];
  let loaded = 0;
  const cache = new RowCache<string>(
    (from, count) => new Promise((resolve) => requests.push({ from, count, answer: resolve })),
    () => loaded++,
    (error) => assert.fail(error),
    maxRows,
  );
  return { cache, requests, loadedCount: () => loaded };
}

/** Lets resolved promises run their callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

void describe('RowCache', () => {
  void it('fetches aligned blocks once, and fills rows with their previous timestamps', async () => {
    const { cache, requests, loadedCount } = harness();
    cache.ensure(100, 120);
    cache.ensure(100, 120);
    assert.deepEqual(
      requests.map((r) => [r.from, r.count]),
      [[0, fetchBlockRows]],
    );
    requests[0].answer(block(0, fetchBlockRows));
    await settle();
    assert.equal(loadedCount(), 1);
    assert.equal(cache.get(100)?.previousTimestamp, 990);
    assert.equal(cache.get(0)?.previousTimestamp, null);
    cache.ensure(100, 120);
    assert.equal(requests.length, 1, 'cached rows are not fetched again');
  });

  void it('spans several blocks when the range crosses a boundary', () => {
    const { cache, requests } = harness();
    cache.ensure(fetchBlockRows - 2, fetchBlockRows + 2);
    assert.deepEqual(
      requests.map((r) => r.from),
      [0, fetchBlockRows],
    );
  });

  void it('throws away answers that arrive after a reset', async () => {
    const { cache, requests } = harness();
    cache.ensure(0, 10);
    cache.reset();
    requests[0].answer(block(0, 10));
    await settle();
    assert.equal(cache.size, 0);
    cache.ensure(0, 10);
    assert.equal(requests.length, 2, 'the block can be fetched again after a reset');
  });

  void it('drops incomplete rows so they are fetched fresh, and rows outside the view', () => {
    const { cache } = harness();
    cache.insert(block(0, 4));
    cache.insert(block(4, 2, 1));
    cache.dropOpenRows();
    assert.equal(cache.size, 4);
    cache.dropOutside(2, 10);
    assert.equal(cache.size, 2);
    assert.equal(cache.get(1), undefined);
  });

  void it('stays bounded, keeping the rows nearest the screen', () => {
    const { cache } = harness(100);
    cache.insert(block(0, 300));
    cache.trim(150, 170);
    assert.equal(cache.size, 100);
    assert.ok(cache.get(150) && cache.get(169) && cache.get(120) && cache.get(199));
    assert.equal(cache.get(0), undefined);
    assert.equal(cache.get(299), undefined);
  });
});
