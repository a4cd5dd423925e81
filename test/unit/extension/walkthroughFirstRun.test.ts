// The first-run walkthrough: MIDI Scope opens it on its first activation, once per machine, and
// never against its own setting or VS Code's openOnInstall.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FirstRunFacts } from '../../../src/extension/walkthroughFirstRun';
import { firstRunDecision } from '../../../src/extension/walkthroughFirstRun';

const firstRun: FirstRunFacts = {
  wanted: true,
  openOnInstall: true,
  decidedBefore: false,
};

void describe('firstRunDecision', () => {
  void it('opens it on the first activation', () => {
    assert.deepEqual(firstRunDecision(firstRun), { open: true, remember: true, reason: 'first run' });
  });

  void it('decides once per machine', () => {
    assert.deepEqual(firstRunDecision({ ...firstRun, decidedBefore: true }), {
      open: false,
      remember: false,
      reason: 'decided on an earlier run',
    });
  });

  void it('follows both settings, and decides again once they are turned back on', () => {
    for (const facts of [{ wanted: false }, { openOnInstall: false }]) {
      const decision = firstRunDecision({ ...firstRun, ...facts });
      assert.deepEqual([decision.open, decision.remember], [false, false]);
    }
  });
});
