// Where a new monitor opens: with the other monitors, where the user last put one, else below
// the code (one group) or beside it (several groups), never on top of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planPlacement } from '../../../src/views/monitor/monitorPlacement';

void describe('monitor placement', () => {
  void it('opens below the code when there is one editor group', () => {
    assert.deepEqual(planPlacement([{ viewColumn: 1, hasMonitor: false }], undefined), { kind: 'below' });
    assert.deepEqual(planPlacement([], undefined), { kind: 'below' });
  });

  void it('opens beside the active group when there are several', () => {
    const groups = [
      { viewColumn: 1, hasMonitor: false },
      { viewColumn: 2, hasMonitor: false },
    ];
    assert.deepEqual(planPlacement(groups, undefined), { kind: 'beside' });
  });

  void it('joins a group that shows a monitor already', () => {
    const groups = [
      { viewColumn: 1, hasMonitor: false },
      { viewColumn: 2, hasMonitor: true },
    ];
    assert.deepEqual(planPlacement(groups, 1), { kind: 'group', viewColumn: 2 });
  });

  void it('goes where the user last moved a monitor, while that group exists', () => {
    const groups = [
      { viewColumn: 1, hasMonitor: false },
      { viewColumn: 3, hasMonitor: false },
    ];
    assert.deepEqual(planPlacement(groups, 3), { kind: 'group', viewColumn: 3 });
    assert.deepEqual(planPlacement(groups, 2), { kind: 'beside' });
  });
});
