import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAbsolute, formatBytes, formatCount, formatDelta } from '../../../webview/monitor/timeFormat';

const tenMegahertz = 10_000_000;

void describe('time and size formatting', () => {
  void it('shows absolute ticks as seconds with microseconds', () => {
    assert.equal(formatAbsolute(12_345_678_9, tenMegahertz), '12.345679');
    assert.equal(formatAbsolute(0, tenMegahertz), '0.000000');
  });

  void it('picks µs, ms or s for deltas', () => {
    assert.equal(formatDelta(0, tenMegahertz), '+0.0 µs');
    assert.equal(formatDelta(125, tenMegahertz), '+12.5 µs');
    assert.equal(formatDelta(32_500, tenMegahertz), '+3.250 ms');
    assert.equal(formatDelta(20_000_000, tenMegahertz), '+2.000 s');
    assert.equal(formatDelta(-10, tenMegahertz), '−1.0 µs');
  });

  void it('formats byte counts and grouped counts', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(2048), '2.0 KiB');
    assert.equal(formatBytes(42 * 1024 * 1024), '42.0 MiB');
    assert.equal(formatCount(1_000_000), '1\u202f000\u202f000');
  });
});
