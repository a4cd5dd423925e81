// Measurements taken inside a webview's frame in the browser: a requestAnimationFrame counter
// (frames per second and the longest frame while the monitor follows the feed), the JS heap and
// the number of DOM elements. The scripts run through the DevTools protocol, so the webview's
// Content Security Policy does not apply to them; they are strings because this file is compiled
// without the DOM library.
import type { Frame, Page } from 'playwright-core';

export interface FrameFigures {
  frames: number;
  seconds: number;
  framesPerSecond: number;
  worstFrameMs: number;
}

export interface WebviewMemory {
  jsHeapMB: number;
  domElements: number;
  /** How the heap was measured. */
  source: string;
}

const install = `(() => {
  const probe = { times: [], running: false };
  const tick = (time) => {
    if (!probe.running) return;
    probe.times.push(time);
    requestAnimationFrame(tick);
  };
  probe.start = () => { probe.times = []; probe.running = true; requestAnimationFrame(tick); };
  probe.stop = () => {
    probe.running = false;
    const times = probe.times;
    let worst = 0;
    for (let i = 1; i < times.length; i++) worst = Math.max(worst, times[i] - times[i - 1]);
    const seconds = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
    return { frames: times.length, seconds, framesPerSecond: seconds > 0 ? (times.length - 1) / seconds : 0, worstFrameMs: worst };
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

export function webviewProbe(page: Page, frame: Frame) {
  return {
    install: () => evaluateWithin<void>(frame, install),
    start: () => evaluateWithin<void>(frame, 'window.__midiScopeBenchProbe.start()'),
    stop: () => evaluateWithin<FrameFigures>(frame, 'window.__midiScopeBenchProbe.stop()'),

    /**
     * The webview's own isolate through a DevTools session when the frame runs out of process;
     * otherwise performance.memory in the frame (Chromium rounds it, and it then covers the whole
     * renderer the webview shares).
     */
    async memory(): Promise<WebviewMemory> {
      const domElements = await evaluateWithin<number>(frame, "document.getElementsByTagName('*').length");
      try {
        const session = await page.context().newCDPSession(frame);
        const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
        await session.detach();
        return {
          jsHeapMB: usage.usedSize / 1024 / 1024,
          domElements,
          source: 'Runtime.getHeapUsage of the webview frame',
        };
      } catch {
        const used = await evaluateWithin<number>(
          frame,
          'performance.memory ? performance.memory.usedJSHeapSize : -1',
        );
        return {
          jsHeapMB: used / 1024 / 1024,
          domElements,
          source: 'performance.memory in the webview frame (shared renderer, rounded)',
        };
      }
    },
  };
}
