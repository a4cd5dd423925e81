import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DisplayRows } from '../../../webview/monitor/displayRows';

void describe('DisplayRows', () => {
  void it('without expansions, positions are view indexes counted from the start', () => {
    const display = new DisplayRows(100, 110);
    assert.equal(display.count, 10);
    assert.deepEqual(display.locate(3), { viewIndex: 103, child: -1 });
    assert.equal(display.positionOf({ viewIndex: 103, child: -1 }), 3);
  });

  void it('inserts packet lines under expanded rows', () => {
    const display = new DisplayRows(0, 10);
    display.expand(2, 3);
    display.expand(5, 2);
    assert.equal(display.count, 15);
    const expected = [
      [0, -1],
      [1, -1],
      [2, -1],
      [2, 0],
      [2, 1],
      [2, 2],
      [3, -1],
      [4, -1],
      [5, -1],
      [5, 0],
      [5, 1],
      [6, -1],
    ];
    expected.forEach(([viewIndex, child], position) => {
      assert.deepEqual(display.locate(position), { viewIndex, child }, `position ${position}`);
      assert.equal(display.positionOf({ viewIndex, child }), position);
    });
    assert.deepEqual(display.locate(14), { viewIndex: 9, child: -1 });
  });

  void it('collapses, ignores rows outside the range, and forgets rows that leave it', () => {
    const display = new DisplayRows(0, 10);
    display.expand(2, 3);
    display.expand(20, 3);
    assert.equal(display.count, 13);
    display.collapse(2);
    assert.equal(display.count, 10);
    display.expand(1, 4);
    display.setRange(5, 15);
    assert.equal(display.isExpanded(1), false);
    assert.equal(display.count, 10);
  });

  void it('re-expanding a row replaces its packet count', () => {
    const display = new DisplayRows(0, 4);
    display.expand(1, 2);
    display.expand(1, 5);
    assert.equal(display.count, 9);
  });
});
