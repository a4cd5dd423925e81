// When the notification of a schedule may go: its messages have left the scheduler.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scheduleDelivered } from '../../../src/extension/sending/scheduleTiming';

void describe('scheduleDelivered', () => {
  const watch = { pendingBefore: 3, lastDueAtMs: 10_000 };

  void it('waits while the schedule is still ahead', () => {
    assert.equal(scheduleDelivered(watch, 5, 9_999), false);
    // Due, but more is pending than before it: its messages have not all left yet.
    assert.equal(scheduleDelivered(watch, 4, 10_000), false);
  });

  void it('is done once nothing is pending, whenever that is (sent or cancelled)', () => {
    assert.equal(scheduleDelivered(watch, 0, 0), true);
  });

  void it('is done when due and only what was pending before remains', () => {
    assert.equal(scheduleDelivered(watch, 3, 10_000), true);
    assert.equal(scheduleDelivered(watch, 1, 12_000), true);
  });
});
