// Messages per second from a growing counter, averaged over a sliding window of samples.

interface Sample {
  timeMs: number;
  count: number;
}

export class RateMeter {
  private readonly samples: Sample[] = [];

  constructor(private readonly windowMs = 1000) {}

  /** Records the counter's value at `timeMs` and returns the rate over the window, per second. */
  sample(timeMs: number, count: number): number {
    this.samples.push({ timeMs, count });
    // Keep one sample at or before the window's start so the rate spans the whole window.
    while (this.samples.length > 2 && this.samples[1].timeMs <= timeMs - this.windowMs) this.samples.shift();
    const oldest = this.samples[0];
    const elapsedMs = timeMs - oldest.timeMs;
    return elapsedMs > 0 ? ((count - oldest.count) * 1000) / elapsedMs : 0;
  }

  reset(): void {
    this.samples.length = 0;
  }
}
