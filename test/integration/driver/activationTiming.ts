// How long MIDI Scope takes to activate as a caller in the extension host sees it (loading its
// bundle included): the driver awaits extension.activate() once, right after start-up, before any
// suite has touched the extension, and writes the figure for the launcher.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { errorText } from './results';

export interface ActivationTiming {
  extensionId: string;
  /** Milliseconds from calling activate() to its promise settling. */
  awaitedMs?: number;
  /** Why there is no figure. */
  error?: string;
}

export async function timeActivation(extensionId: string, file: string): Promise<ActivationTiming> {
  const extension = vscode.extensions.getExtension(extensionId);
  let timing: ActivationTiming;
  if (extension === undefined) {
    timing = { extensionId, error: `${extensionId} is not installed in this extension host` };
  } else if (extension.isActive) {
    timing = {
      extensionId,
      error: 'it was already active when the driver started: no first activation to time',
    };
  } else {
    const started = performance.now();
    try {
      await extension.activate();
      timing = { extensionId, awaitedMs: performance.now() - started };
    } catch (error) {
      timing = { extensionId, error: `activate() failed: ${errorText(error)}` };
    }
  }
  writeFileSync(file, `${JSON.stringify(timing)}\n`);
  return timing;
}
