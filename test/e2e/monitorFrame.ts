// The frame that holds a monitor's webview content, once the workbench shows one.
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './workbench';

export function monitorFrame(page: Page, timeoutMs: number): Promise<Frame> {
  return waitFor(
    'the monitor webview',
    async () => {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator('#monitor-root .grid')
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return undefined;
    },
    { timeoutMs },
  );
}
