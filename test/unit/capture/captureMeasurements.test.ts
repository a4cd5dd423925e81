import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkCounters,
  deltaStatistics,
  latencySummaryText,
  summarizeLatencies,
} from '../../../src/capture/captureMeasurements';

void describe('capture measurements', () => {
  void it('delta statistics: min, max, mean and standard deviation in µs', () => {
    // Deltas 10, 30, 20 µs at 10 MHz.
    const stats = deltaStatistics([0, 100, 400, 600], 4, 10_000_000);
    assert.equal(stats.count, 3);
    assert.equal(stats.minUs, 10);
    assert.equal(stats.maxUs, 30);
    assert.ok(Math.abs(stats.meanUs - 20) < 1e-9);
    assert.ok(Math.abs(stats.stdDevUs - Math.sqrt(200 / 3)) < 1e-9);
    assert.equal(deltaStatistics([5], 1, 1e7).count, 0);
  });

  void it('counters: skips count the lost values, reorders and duplicates are flagged, one-word messages carry none', () => {
    const lastWords = [7, undefined, 8, 9, 12, 11, 13, 13, 14];
    const report = checkCounters((i) => lastWords[i], lastWords.length);
    assert.equal(report.counted, 8);
    assert.equal(report.skips, 1); // 9 -> 12
    assert.equal(report.lost, 2);
    assert.equal(report.reordered, 1); // 11 after 12
    assert.equal(report.duplicates, 1);
    assert.deepEqual(report.events[0], { index: 4, kind: 'skip', expected: 10, got: 12 });
    assert.equal(checkCounters((i) => [0xffffffff, 0, 1][i], 3).skips, 0);
  });

  void it('latency summary: nearest-rank percentiles and a histogram that holds every sample', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    const summary = summarizeLatencies(samples, 10);
    assert.deepEqual([summary.p50Us, summary.p99Us, summary.maxUs, summary.minUs], [50, 99, 100, 1]);
    assert.equal(
      summary.bins.reduce((sum, bin) => sum + bin.count, 0),
      100,
    );
    assert.match(latencySummaryText(summary, 'loopback'), /p50 50\.0 µs {2}p99 99\.0 µs/);
  });
});
