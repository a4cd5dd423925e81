import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  WheelAccumulator,
  maxSpacerHeightPx,
  maxTopRow,
  rowForScrollTop,
  scrollTopForRow,
  spacerHeightPx,
  visibleRowCount,
} from '../../../webview/monitor/virtualScroll';

const million = { rowCount: 1_000_000, rowHeightPx: 22, viewportHeightPx: 440 };
const small = { rowCount: 100, rowHeightPx: 20, viewportHeightPx: 200 };

void describe('virtual scroll math', () => {
  void it('caps the spacer below browser limits for a million rows but not for a short list', () => {
    assert.equal(spacerHeightPx(million), maxSpacerHeightPx);
    assert.ok(1_000_000 * 22 > maxSpacerHeightPx);
    assert.equal(spacerHeightPx(small), 2000);
  });

  void it('maps the ends of the scrollbar to the first and last screens', () => {
    assert.equal(visibleRowCount(million), 20);
    assert.equal(maxTopRow(million), 999_980);
    assert.equal(rowForScrollTop(0, million), 0);
    assert.equal(rowForScrollTop(maxSpacerHeightPx - 440, million), 999_980);
    assert.equal(scrollTopForRow(999_980, million), maxSpacerHeightPx - 440);
  });

  void it('round-trips rows through scroll positions wherever the list is', () => {
    for (const geometry of [million, small]) {
      for (const row of [0, 1, 7, Math.floor(maxTopRow(geometry) / 2), maxTopRow(geometry)]) {
        const back = rowForScrollTop(scrollTopForRow(row, geometry), geometry);
        assert.equal(back, row, `row ${row} of ${geometry.rowCount}`);
      }
    }
  });

  void it('clamps positions outside the list', () => {
    assert.equal(rowForScrollTop(-50, small), 0);
    assert.equal(rowForScrollTop(1e9, small), maxTopRow(small));
    assert.equal(scrollTopForRow(1e9, small), 1800);
  });

  void it('has nothing to scroll when every row fits', () => {
    const fits = { rowCount: 5, rowHeightPx: 20, viewportHeightPx: 200 };
    assert.equal(maxTopRow(fits), 0);
    assert.equal(scrollTopForRow(3, fits), 0);
    assert.equal(rowForScrollTop(100, fits), 0);
  });
});

void describe('WheelAccumulator', () => {
  void it('turns pixel deltas into whole rows and keeps the remainder', () => {
    const wheel = new WheelAccumulator();
    assert.equal(wheel.rows(10, 0, small), 0);
    assert.equal(wheel.rows(10, 0, small), 1);
    assert.equal(wheel.rows(-45, 0, small), -2);
  });

  void it('counts lines and pages', () => {
    assert.equal(new WheelAccumulator().rows(3, 1, small), 3);
    assert.equal(new WheelAccumulator().rows(1, 2, small), 10);
  });
});
