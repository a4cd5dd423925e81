// Measurements taken inside a webview's frame in the browser: a requestAnimationFrame counter
// (frames per second and the longest frame while the monitor follows the feed), the peak JS heap
// and the number of DOM elements. The scripts run through the DevTools protocol, so the webview's
// Content Security Policy does not apply to them; they are strings because this file is compiled
// without the DOM library.
import type { Frame } from 'playwright-core';

export interface FrameFigures {
  frames: number;
  seconds: number;
  framesPerSecond: number;
  worstFrameMs: number;
  /**
   * Peak of performance.memory.usedJSHeapSize sampled in the frame while measuring, in MB. In
   * code-server the webview shares the workbench's renderer, so this is the renderer's heap,
   * rounded by Chromium; -1 when the browser does not offer it.
   */
  peakJsHeapMB: number;
}

const install = `(() => {
  const probe = { times: [], running: false, peakHeap: -1, sampler: undefined };
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : -1);
  const tick = (time) => {
    if (!probe.running) return;
    probe.times.push(time);
    requestAnimationFrame(tick);
  };
  probe.start = () => {
    probe.times = [];
    probe.running = true;
    probe.peakHeap = heap();
    probe.sampler = setInterval(() => (probe.peakHeap = Math.max(probe.peakHeap, heap())), 250);
    requestAnimationFrame(tick);
  };
  probe.stop = () => {
    probe.running = false;
    clearInterval(probe.sampler);
    probe.peakHeap = Math.max(probe.peakHeap, heap());
    const times = probe.times;
    let worst = 0;
    for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i] - times[i - 1]);
    const seconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
    return {
      frames: times.length,
      seconds,
      framesPerSecond: seconds > 0 ? (times.length - 1) / seconds : 0,
      worstFrameMs: worst,
      peakJsHeapMB: probe.peakHeap < 0 ? -1 : probe.peakHeap / 1024 / 1024,
    };
  };
  window.__midiScopeBenchProbe = probe;
})()`;

/** A frame busy with a flood may answer late; never wait forever. */
async function evaluateWithin<T>(frame: Frame, expression: string, timeoutMs = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the webview did not answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([frame.evaluate<T>(expression), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function webviewProbe(frame: Frame) {
  return {
    install: () => evaluateWithin<void>(frame, install),
    start: () => evaluateWithin<void>(frame, 'window.__midiScopeBenchProbe.start()'),
    stop: () => evaluateWithin<FrameFigures>(frame, 'window.__midiScopeBenchProbe.stop()'),
    /** Elements in the webview's document: what virtualization keeps small. */
    domElements: () => evaluateWithin<number>(frame, "document.getElementsByTagName('*').length"),
    /** The monitor's problems counter as shown (null where there is none: the naive monitor). */
    problemsShown: () =>
      evaluateWithin<string | null>(
        frame,
        "document.querySelector('[data-counter=\"problems\"]')?.getAttribute('data-value') ?? null",
      ),
  };
}
