// Capture files in the extension: reading one by its extension (a clip file also by its magic),
// moving a file's messages into a monitor's capture, and a monitor's messages into a table.
import * as vscode from 'vscode';
import { captureFormatOf, readCapture, type CaptureFormat } from '../../capture/captureFormats';
import { CaptureTable, whereOf, type CaptureReading } from '../../capture/captureTable';
import { clipFileMagic } from '../../capture/clipFileFormat';
import type { Capture } from '../../views/monitor/capture';
import { PacketWalk } from '../../views/monitor/capturePackets';
import type { MonitorHandle } from '../../views/monitor';

export interface CaptureFile {
  uri: vscode.Uri;
  name: string;
  format: CaptureFormat;
  reading: CaptureReading;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

export async function readCaptureFile(uri: vscode.Uri): Promise<CaptureFile> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  const name = baseName(uri);
  const magic = String.fromCharCode(...bytes.subarray(0, clipFileMagic.length));
  const format: CaptureFormat = magic === clipFileMagic ? 'clip' : (captureFormatOf(name) ?? 'ump');
  return { uri, name, format, reading: readCapture(bytes, format, { defaultEndpoint: name }) };
}

/** "3 messages; stopped at line 4, column 2: … (expected …)" for a reading with an error. */
export function readingProblem(file: CaptureFile): string | undefined {
  const { error } = file.reading;
  if (!error) return undefined;
  return `${file.name}: ${whereOf(error)}: ${error.message} (expected ${error.expected}). Opened the ${file.reading.table.count} message(s) before it.`;
}

/** Puts a table's messages into a monitor capture, in runs of one endpoint as batches arrive. */
export function fillCapture(capture: Capture, table: CaptureTable): void {
  const words = new Uint32Array(4 * 4096);
  const times = new Float64Array(4096);
  let wordCount = 0;
  let messages = 0;
  let endpoint = -1;
  const flush = (): void => {
    if (messages > 0) capture.append(words.subarray(0, wordCount), times, messages, endpoint);
    wordCount = 0;
    messages = 0;
  };
  for (let i = 0; i < table.count; i++) {
    const index = table.endpointIndex(i);
    if (index !== endpoint || messages === times.length) {
      flush();
      endpoint = index;
    }
    const size = table.wordCount(i);
    for (let w = 0; w < size; w++) words[wordCount++] = table.word(i, w);
    times[messages++] = table.ticks(i);
  }
  flush();
}

/** View rows of a monitor: the first view index and how many. */
export interface ViewRows {
  from: number;
  count: number;
}

/** A monitor's messages (all, those of the filtered view, or some of its rows) as a table. */
export function tableFromMonitor(
  monitor: MonitorHandle,
  scope: 'all' | 'view' | ViewRows,
): { table: CaptureTable; skipped: number } {
  const { capture, endpoints } = monitor.captured;
  const walk = new PacketWalk(capture, endpoints);
  const rows =
    scope === 'view' ? { from: capture.view.start, count: capture.view.end - capture.view.start } : scope;
  const packets = rows === 'all' ? walk.all() : walk.viewRows(rows.from, rows.count);
  const table = new CaptureTable(capture.ring.size);
  for (const packet of packets)
    table.add(packet.words, 0, packet.words.length, packet.timestamp, packet.endpoint.index);
  return { table, skipped: walk.skipped };
}

/** The monitor in the active editor group's front, else the only one open. */
export function activeMonitor(monitors: readonly MonitorHandle[]): MonitorHandle | undefined {
  return (
    monitors.find((monitor) => monitor.panel.active) ?? (monitors.length === 1 ? monitors[0] : undefined)
  );
}
