// The half of the monitor benchmark that runs inside the extension host (the integration test
// driver loads it in place of the suites): opens a monitor on the diagnostics loopback B — MIDI
// Scope's or the naive peer — waits for the launcher's go, feeds 1,000,000 messages a second into
// loopback A for 10 s, and measures the host's event-loop delay, its memory, and what the monitor
// received and showed. Results go to the driver's results file.
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../src/extension/api';
import type { MonitorHandle } from '../../src/views/monitor';
import { progressFileVariable, resultsFileVariable } from '../../test/integration/driver/results';
import {
  feedRatePerSecond,
  feedSeconds,
  goSuffix,
  measuredSuffix,
  phase,
  settleSeconds,
  variantVariable,
  type FeedVariant,
  type HostFeedResults,
} from './feedProtocol';
import { NaiveMonitor } from './naiveMonitor';
import { feedAtRate } from './pacedSender';

const goTimeoutMs = 120_000;
const megabyte = 1024 * 1024;

/** What the benchmark reads from either monitor. */
interface MonitorUnderTest extends vscode.Disposable {
  readonly ready: boolean;
  readonly received: number;
  readonly shown: number;
  readonly engineDropped: number;
  readonly evicted: number;
  readonly captureBytes: number;
}

function midiScopeMonitor(handle: MonitorHandle): MonitorUnderTest {
  return {
    get ready() {
      return handle.isWebviewReady;
    },
    get received() {
      return handle.counters.received;
    },
    get shown() {
      return handle.counters.shown;
    },
    get engineDropped() {
      return handle.counters.engineDropped;
    },
    get evicted() {
      return handle.counters.evicted;
    },
    get captureBytes() {
      return handle.counters.captureBytes;
    },
    dispose: () => handle.dispose(),
  };
}

function naiveMonitor(monitor: NaiveMonitor): MonitorUnderTest {
  return {
    get ready() {
      return monitor.ready;
    },
    get received() {
      return monitor.received;
    },
    get shown() {
      return monitor.shown;
    },
    get engineDropped() {
      return monitor.engineDropped;
    },
    evicted: 0,
    captureBytes: 0,
    dispose: () => monitor.dispose(),
  };
}

/** Polls `condition` until it holds (true) or the time is up (false). */
async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** Peak process memory, sampled every 50 ms while running. */
class MemoryPeaks {
  rss = 0;
  heapUsed = 0;
  arrayBuffers = 0;
  private readonly timer = setInterval(() => this.sample(), 50);

  sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heapUsed = Math.max(this.heapUsed, usage.heapUsed);
    this.arrayBuffers = Math.max(this.arrayBuffers, usage.arrayBuffers);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

async function feed(
  variant: FeedVariant,
  progress: (line: string) => void,
  goFile: string,
): Promise<HostFeedResults> {
  const extension = vscode.extensions.getExtension<MidiScopeApi>('midi-scope.midi-scope');
  if (!extension) throw new Error('MIDI Scope is not installed in this extension host');
  const api = await extension.activate();
  if (!api.engine)
    throw new Error(`the MIDI engine is unavailable: ${api.engineUnavailableReason ?? 'unknown'}`);
  const { MidiDiagnostics, MidiSession } = api.engine;
  const baselineRss = process.memoryUsage().rss;

  const target = MidiDiagnostics.diagnosticsLoopbackBEndpointId;
  const monitor =
    variant === 'monitor'
      ? midiScopeMonitor(await api.monitor.open([target]))
      : naiveMonitor(new NaiveMonitor(api, target));
  const session = MidiSession.create('monitor benchmark feed');
  try {
    if (!(await until(() => monitor.ready, 60_000))) {
      throw new Error('the monitor webview did not start within 60 s');
    }
    const sender = session.createEndpointConnection(MidiDiagnostics.diagnosticsLoopbackAEndpointId);
    if (!sender.open()) throw new Error('cannot open diagnostics loopback A to send');

    progress(phase.ready);
    if (!(await until(() => existsSync(goFile), goTimeoutMs))) {
      throw new Error(`the launcher did not create ${goFile} within ${goTimeoutMs / 1000} s`);
    }

    const memory = new MemoryPeaks();
    const lag = monitorEventLoopDelay({ resolution: 1 });
    progress(phase.feeding);
    lag.enable();
    const outcome = await feedAtRate(sender, feedRatePerSecond, feedSeconds);
    lag.disable();
    const shownAtFeedEnd = monitor.shown;
    progress(phase.fed);

    const settleStarted = performance.now();
    await until(
      () => monitor.received + monitor.engineDropped >= outcome.sent && monitor.shown >= monitor.received,
      settleSeconds * 1000,
    );
    const settleMs = performance.now() - settleStarted;
    memory.stop();
    const measuredFile = goFile.slice(0, -goSuffix.length) + measuredSuffix;
    if (!(await until(() => existsSync(measuredFile), goTimeoutMs))) {
      throw new Error(`the launcher did not create ${measuredFile} within ${goTimeoutMs / 1000} s`);
    }
    const toMs = (nanoseconds: number) => nanoseconds / 1e6;
    return {
      variant,
      sent: outcome.sent,
      received: monitor.received,
      engineDropped: monitor.engineDropped,
      evicted: monitor.evicted,
      shownAtFeedEnd,
      shownAfterSettle: monitor.shown,
      settleMs,
      feedSeconds: outcome.seconds,
      eventLoopLagMs: {
        p50: toMs(lag.percentile(50)),
        p99: toMs(lag.percentile(99)),
        max: toMs(lag.max),
        mean: toMs(lag.mean),
      },
      hostMemoryMB: {
        baselineRss: baselineRss / megabyte,
        peakRss: memory.rss / megabyte,
        peakHeapUsed: memory.heapUsed / megabyte,
        peakArrayBuffers: memory.arrayBuffers / megabyte,
      },
      captureBytes: monitor.captureBytes,
    };
  } finally {
    session.close();
    monitor.dispose();
  }
}

/** The driver's entry point (it calls run() of its tests entry). */
export async function run(): Promise<void> {
  const resultsFile = process.env[resultsFileVariable];
  const progressFile = process.env[progressFileVariable];
  if (!resultsFile || !progressFile)
    throw new Error(`${resultsFileVariable} and ${progressFileVariable} must be set`);
  const variant: FeedVariant = process.env[variantVariable] === 'naive' ? 'naive' : 'monitor';
  const progress = (line: string) => appendFileSync(progressFile, `${line}\n`);
  let results: HostFeedResults | { error: string };
  try {
    results = await feed(variant, progress, `${resultsFile}${goSuffix}`);
  } catch (error) {
    results = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // Whole, then renamed into place: the launcher never reads half a file.
  writeFileSync(`${resultsFile}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${resultsFile}.partial`, resultsFile);
}
