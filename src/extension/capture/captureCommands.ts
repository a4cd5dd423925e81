// Registers the capture commands: save, open, replay, compare, statistics and round trip.
import * as vscode from 'vscode';
import type { MonitorApi } from '../../views/monitor';
import { registerMidiCommand, type CommandServices } from '../commands/commandServices';
import { captureStatistics } from './captureStatistics';
import { CompareDocuments, compareCapturesCommand, compareScheme } from './compareCaptures';
import { openCapture } from './openCapture';
import { ReplayStatusItem, replayCapture } from './replayCapture';
import { selectedRowsReplay } from './replaySelectedRows';
import { roundTripCommand } from './roundTripCommand';
import { saveCapture } from './saveCapture';

export function registerCaptureCommands(
  services: CommandServices,
  monitorApi: MonitorApi,
): vscode.Disposable[] {
  const documents = new CompareDocuments();
  const replayStatus = new ReplayStatusItem(services.sender);
  return [
    replayStatus,
    vscode.workspace.registerTextDocumentContentProvider(compareScheme, documents),
    registerMidiCommand(services, 'midiScope.saveCapture', (argument) =>
      saveCapture(monitorApi.monitors, typeof argument === 'object' && argument !== null ? argument : {}),
    ),
    registerMidiCommand(services, 'midiScope.openCapture', (argument) =>
      openCapture(monitorApi, services.log, argument),
    ),
    registerMidiCommand(services, 'midiScope.replayCapture', (argument) =>
      replayCapture(services, monitorApi.monitors, replayStatus, argument),
    ),
    registerMidiCommand(services, 'midiScope.replaySelectedRows', (argument) =>
      replayCapture(services, monitorApi.monitors, replayStatus, selectedRowsReplay(argument)),
    ),
    registerMidiCommand(services, 'midiScope.compareCaptures', (argument) =>
      compareCapturesCommand(documents, monitorApi.monitors, argument),
    ),
    registerMidiCommand(services, 'midiScope.captureStatistics', () =>
      captureStatistics(monitorApi.monitors),
    ),
    registerMidiCommand(services, 'midiScope.measureRoundTrip', (argument) =>
      roundTripCommand(services, argument),
    ),
  ];
}
