import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateMeter } from '../../../src/views/monitor/rateMeter';

void describe('RateMeter', () => {
  void it('is 0 until time passes, then the count per second over the window', () => {
    const meter = new RateMeter(1000);
    assert.equal(meter.sample(0, 0), 0);
    assert.equal(meter.sample(500, 500), 1000);
    assert.equal(meter.sample(1000, 3000), 3000);
  });

  void it('forgets samples older than the window', () => {
    const meter = new RateMeter(1000);
    meter.sample(0, 0);
    meter.sample(1000, 1_000_000);
    meter.sample(2000, 1_000_000);
    assert.equal(meter.sample(3000, 1_000_000), 0);
  });

  void it('starts over after reset', () => {
    const meter = new RateMeter(1000);
    meter.sample(0, 100);
    meter.reset();
    assert.equal(meter.sample(10, 0), 0);
  });
});
