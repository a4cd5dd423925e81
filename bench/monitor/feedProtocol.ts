// What the monitor benchmark's two halves agree on: the launcher (monitorFeed.bench.ts, plain
// Node driving the workbench) and the feed (hostFeed.ts, inside the extension host). The feed
// reports its phases as lines in the driver's progress file and waits for the launcher's go file.

/** Which monitor the extension host feeds: MIDI Scope's, or the naive peer. */
export type FeedVariant = 'monitor' | 'naive';

/** Environment variable (code-server passes it to the extension host) naming the variant. */
export const variantVariable = 'MIDI_SCOPE_BENCH_VARIANT';

export const feedRatePerSecond = 1_000_000;
export const feedSeconds = 10;
/** After the feed, how long the monitor may take to show the last messages. */
export const settleSeconds = 10;

export const phase = {
  /** The monitor's webview is up: the launcher may install its probes, then create the go file. */
  ready: 'bench: ready',
  feeding: 'bench: feeding',
  fed: 'bench: fed',
} as const;

/** The file whose appearance starts the feed: the results file's name plus this. */
export const goSuffix = '.go';
/** The file the launcher creates once it has read its figures from the webview after `fed`:
 * until then the feed keeps the monitor open (closing it would take the webview's frame away). */
export const measuredSuffix = '.measured';

export interface LatencyFigures {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface HostFeedResults {
  variant: FeedVariant;
  /** Messages the sender handed to the engine. */
  sent: number;
  /** Messages the monitor's connection received. */
  received: number;
  /** Messages the engine dropped on the monitor's connection (its receive ring was full). */
  engineDropped: number;
  /** Messages that fell out of the capture ring (MIDI Scope's monitor only). */
  evicted: number;
  /** Messages on screen when the feed stopped, and once the monitor settled. */
  shownAtFeedEnd: number;
  shownAfterSettle: number;
  settleMs: number;
  /** Seconds the feed actually took. */
  feedSeconds: number;
  /** Event-loop delay of the extension host during the feed, in ms. */
  eventLoopLagMs: LatencyFigures;
  /** Extension host memory in MB: before the monitor opened, and the peak during feed and settle. */
  hostMemoryMB: { baselineRss: number; peakRss: number; peakHeapUsed: number; peakArrayBuffers: number };
  /** Bytes the capture holds (MIDI Scope's monitor only). */
  captureBytes: number;
  error?: string;
}
