// midiScope.saveCapture: the active monitor's capture (or its filtered view) to a file in one of
// the capture formats, streamed in chunks with progress and Cancel in a notification.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as vscode from 'vscode';
import {
  captureFormatDetails,
  captureFormats,
  createCaptureWriter,
  type CaptureFormat,
} from '../../capture/captureFormats';
import { MidiClock } from '../../engine';
import { PacketWalk } from '../../views/monitor/capturePackets';
import { isEmptyFilter } from '../../views/monitor/rowFilter';
import type { MonitorHandle } from '../../views/monitor';
import { UserFacingError, failure, type CommandFailure } from '../commands/commandServices';
import { activeMonitor } from './captureFileIo';

export interface SaveCaptureOptions {
  uri?: vscode.Uri;
  format?: CaptureFormat;
  scope?: 'all' | 'view';
}

export type SaveCaptureResult =
  { ok: true; uri: string; written: number; leftOut: string[]; cancelled: boolean } | CommandFailure;

/** Bytes gathered before each write and turn of the event loop. */
const chunkBytes = 1 << 20;

// The prompts keep open when the focus moves: Save runs from the monitor's title bar or the palette
// over it, and the monitor's webview takes the focus back as the command starts.
async function pickFormat(): Promise<CaptureFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    captureFormats.map((format) => ({
      label: captureFormatDetails[format].label,
      description: captureFormatDetails[format].description,
      format,
    })),
    { title: 'Save Capture', placeHolder: 'File format', ignoreFocusOut: true },
  );
  return picked?.format;
}

async function pickScope(monitor: MonitorHandle): Promise<'all' | 'view' | undefined> {
  const { capture } = monitor.captured;
  if (isEmptyFilter(capture.filter)) return 'all';
  const filtered = capture.view.end - capture.view.start;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Whole capture', description: `${capture.ring.size} messages`, scope: 'all' as const },
      { label: 'Filtered view', description: `${filtered} rows`, scope: 'view' as const },
    ],
    { title: 'Save Capture', ignoreFocusOut: true },
  );
  return picked?.scope;
}

export async function saveCapture(
  monitors: readonly MonitorHandle[],
  options: SaveCaptureOptions = {},
): Promise<SaveCaptureResult> {
  const monitor = activeMonitor(monitors);
  if (!monitor)
    throw new UserFacingError(
      'Save Capture: open a MIDI monitor first (or bring the one to save to the front).',
    );
  const format = options.format ?? (await pickFormat());
  if (!format) return failure('cancelled');
  const scope = options.scope ?? (await pickScope(monitor));
  if (!scope) return failure('cancelled');
  const extension = captureFormatDetails[format].extensions[0];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `midi-capture-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.${extension}`;
  const uri =
    options.uri ??
    (await vscode.window.showSaveDialog({
      title: 'Save Capture',
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { [captureFormatDetails[format].label]: captureFormatDetails[format].extensions },
    }));
  if (!uri) return failure('cancelled');
  const { capture, endpoints, ticksPerSecond } = monitor.captured;
  const names = endpoints.map((endpoint) => endpoint.name);
  const writer = createCaptureWriter(
    format,
    {
      endpoints: names,
      ticksPerSecond,
      title: `MIDI Scope capture of ${names.join(', ')}, saved ${new Date().toISOString()}`,
    },
    { wallClock: { epochMs: Date.now(), atTicks: MidiClock.now() } },
  );
  const walk = new PacketWalk(capture, endpoints);
  const total = scope === 'all' ? capture.ring.size : capture.view.end - capture.view.start;
  const packets = scope === 'all' ? walk.all() : walk.viewRows(capture.view.start, total);
  const sink = fileSink(uri);
  let cancelled = false;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Saving ${total} messages to ${uri.path.split('/').pop()}`,
      cancellable: true,
    },
    async (progress, token) => {
      let reported = 0;
      for (const packet of packets) {
        writer.add(packet.words, 0, packet.words.length, packet.timestamp, packet.endpoint.index);
        if (writer.pendingSize < chunkBytes) continue;
        await sink.write(writer.take());
        const done = Math.round((100 * writer.written) / Math.max(1, total));
        progress.report({ increment: done - reported, message: `${writer.written} of ${total}` });
        reported = done;
        await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested) {
          cancelled = true;
          break;
        }
      }
      await sink.write(writer.finish());
      await sink.close();
    },
  );
  const leftOut = [...writer.leftOut, ...(walk.skipped > 0 ? [`${walk.skipped} evicted while saving`] : [])];
  const report = `${cancelled ? 'Cancelled: saved the first' : 'Saved'} ${writer.written} message(s) to ${uri.fsPath || uri.toString()}${leftOut.length ? ` — left out: ${leftOut.join('; ')}` : ''}.`;
  void (cancelled || leftOut.length
    ? vscode.window.showWarningMessage(report)
    : vscode.window.showInformationMessage(report));
  return { ok: true, uri: uri.toString(), written: writer.written, leftOut, cancelled };
}

interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Streams to a local file; gathers for other file systems. */
function fileSink(uri: vscode.Uri): ByteSink {
  if (uri.scheme === 'file') {
    const stream = createWriteStream(uri.fsPath);
    const failed = once(stream, 'error').then(([error]) =>
      Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
    failed.catch(() => undefined);
    return {
      async write(bytes) {
        if (!stream.write(bytes)) await Promise.race([once(stream, 'drain'), failed]);
      },
      async close() {
        stream.end();
        await Promise.race([once(stream, 'finish'), failed]);
      },
    };
  }
  const parts: Uint8Array[] = [];
  return {
    write(bytes) {
      parts.push(bytes);
      return Promise.resolve();
    },
    close: async () => vscode.workspace.fs.writeFile(uri, Buffer.concat(parts)),
  };
}
