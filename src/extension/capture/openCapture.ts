// midiScope.openCapture: a capture file in a monitor that listens to nothing: the same grid,
// filters, details and exports. The file is read in the extension host; the webview only ever
// gets the rows on screen, so a huge file is never sent to it whole. A malformed file opens up
// to its first error, which is reported with its line or offset.
import * as vscode from 'vscode';
import type { MonitorApi, MonitorHandle } from '../../views/monitor';
import { failure, type CommandFailure } from '../commands/commandServices';
import { fillCapture, readCaptureFile, readingProblem } from './captureFileIo';

export type OpenCaptureResult =
  | {
      ok: true;
      messages: number;
      format: string;
      endpoints: string[];
      problem?: string;
      notes: string[];
      monitor: MonitorHandle;
    }
  | CommandFailure;

export const captureFileFilters = {
  'Captures (.ump, .midi2, MIDI Clip, .syx)': ['ump', 'midi2', 'midi2clip', 'mid2', 'syx', 'txt'],
  'All files': ['*'],
};

export async function openCapture(
  monitorApi: MonitorApi,
  log: vscode.LogOutputChannel,
  argument: unknown,
): Promise<OpenCaptureResult> {
  const uri =
    argument instanceof vscode.Uri
      ? argument
      : (
          await vscode.window.showOpenDialog({
            title: 'Open Capture',
            canSelectMany: false,
            filters: captureFileFilters,
          })
        )?.[0];
  if (!uri) return failure('cancelled');
  const file = await readCaptureFile(uri);
  const { table, info, notes } = file.reading;
  const monitor = await monitorApi.openFile({
    title: `MIDI Capture: ${file.name}`,
    endpointNames: info.endpoints,
    capacity: table.count,
    fill: (capture) => fillCapture(capture, table),
  });
  const problem = readingProblem(file);
  if (problem) {
    log.warn(`openCapture: ${problem}`);
    void vscode.window.showWarningMessage(problem);
  }
  for (const note of notes) log.info(`openCapture: ${file.name}: ${note}`);
  log.info(`openCapture: ${table.count} message(s) from ${uri.toString()} as ${file.format}`);
  return {
    ok: true,
    messages: table.count,
    format: file.format,
    endpoints: info.endpoints,
    problem,
    notes,
    monitor,
  };
}
