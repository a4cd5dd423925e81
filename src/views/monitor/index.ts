// The monitor's entry point: registers midiScope.openMonitor and the panel serializer that
// brings monitors back after a reload, and returns the API tests (and the extension's
// activation API, as `monitor`) use to open and inspect monitors.
import * as vscode from 'vscode';
import type { MonitorEngineSource } from './endpointListener';
import { pickEndpoints } from './endpointPicker';
import type { Capture } from './capture';
import { MonitorPanel, type MonitorHandle } from './monitorPanel';
import { fileEndpointPrefix, fileSource } from './monitorSource';
import { readMonitorSettings } from './monitorSettings';
import { endpointIdsFromArguments } from './openMonitorArguments';
import { protocolLimits, type EndpointLabel } from './protocol';
import { webviewOptions } from './webviewHtml';

export type { MonitorCounterSnapshot, MonitorHandle } from './monitorPanel';
export type { MonitorEngine, MonitorEngineSource } from './endpointListener';

export const monitorViewType = 'midiScope.monitor';
export const openMonitorCommand = 'midiScope.openMonitor';

export interface MonitorApi {
  /** Opens a monitor listening to these endpoints (ids the engine does not know are reported). */
  open(endpointDeviceIds: readonly string[]): MonitorHandle;
  /** Does what the serializer does after a reload: revives `panel` from the webview's saved state. */
  restore(panel: vscode.WebviewPanel, state: unknown): MonitorHandle;
  /** Monitors open now, oldest first. */
  readonly monitors: readonly MonitorHandle[];
  readonly onDidOpenMonitor: vscode.Event<MonitorHandle>;
  /** Opens a monitor over messages from a file: `fill` puts them into its capture once. */
  openFile(file: {
    title: string;
    endpointNames: readonly string[];
    capacity: number;
    fill(capture: Capture): void;
  }): MonitorHandle;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Endpoint ids saved by the webview (MonitorWebviewState), validated: state is untrusted input. */
function savedEndpointIds(state: unknown): string[] {
  if (typeof state !== 'object' || state === null) return [];
  const ids = (state as { endpointDeviceIds?: unknown }).endpointDeviceIds;
  if (!Array.isArray(ids)) return [];
  return ids
    .filter((id): id is string => typeof id === 'string' && id !== '' && !id.startsWith(fileEndpointPrefix))
    .slice(0, protocolLimits.maxEndpoints);
}

export function registerMonitor(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  engineSource: MonitorEngineSource,
): MonitorApi {
  const monitors: MonitorHandle[] = [];
  const openEmitter = new vscode.EventEmitter<MonitorHandle>();

  const labels = (endpointDeviceIds: readonly string[]): EndpointLabel[] => {
    if (endpointDeviceIds.length > protocolLimits.maxEndpoints) {
      throw new RangeError(
        `A monitor listens to at most ${protocolLimits.maxEndpoints} endpoints, got ${endpointDeviceIds.length}`,
      );
    }
    const known = new Map(
      engineSource
        .require()
        .MidiEndpointDeviceInformation.findAll()
        .map((e) => [e.endpointDeviceId, e.name]),
    );
    return endpointDeviceIds.map((endpointDeviceId, index) => ({
      index,
      endpointDeviceId,
      name: known.get(endpointDeviceId) ?? endpointDeviceId,
    }));
  };

  const attach = (panel: vscode.WebviewPanel, endpointDeviceIds: readonly string[]): MonitorHandle => {
    const engine = engineSource.require();
    const monitor = new MonitorPanel(panel, labels(endpointDeviceIds), {
      engine,
      ticksPerSecond: engine.MidiClock.timestampFrequency,
      extensionUri: context.extensionUri,
      log,
      settings: readMonitorSettings((refused) => {
        log.warn(refused);
        void vscode.window.showWarningMessage(`MIDI Scope monitor: ${refused}`);
      }),
    });
    monitors.push(monitor);
    monitor.onDidDispose(() => monitors.splice(monitors.indexOf(monitor), 1));
    log.info(`monitor opened on ${endpointDeviceIds.join(', ') || 'no endpoint'}`);
    openEmitter.fire(monitor);
    return monitor;
  };

  const api: MonitorApi = {
    open(endpointDeviceIds) {
      const panel = vscode.window.createWebviewPanel(
        monitorViewType,
        'MIDI Monitor',
        vscode.ViewColumn.Active,
        webviewOptions(context.extensionUri),
      );
      try {
        return attach(panel, endpointDeviceIds);
      } catch (error) {
        panel.dispose();
        throw error;
      }
    },
    restore(panel, state) {
      panel.webview.options = webviewOptions(context.extensionUri);
      return attach(panel, savedEndpointIds(state));
    },
    openFile(file) {
      const panel = vscode.window.createWebviewPanel(
        monitorViewType,
        file.title,
        vscode.ViewColumn.Active,
        webviewOptions(context.extensionUri),
      );
      const endpoints = file.endpointNames.map((name, index) => ({
        index,
        endpointDeviceId: `${fileEndpointPrefix}${name}`,
        name,
      }));
      const settings = readMonitorSettings((warning) => log.warn(warning));
      const engine = engineSource.require();
      const monitor = new MonitorPanel(panel, endpoints, {
        engine,
        ticksPerSecond: engine.MidiClock.timestampFrequency,
        extensionUri: context.extensionUri,
        log,
        settings: { ...settings, captureMessages: Math.max(1, file.capacity) },
        source: (capture) => {
          file.fill(capture);
          return fileSource;
        },
      });
      panel.title = file.title;
      monitors.push(monitor);
      monitor.onDidDispose(() => monitors.splice(monitors.indexOf(monitor), 1));
      log.info(`monitor opened on the capture ${file.title}`);
      openEmitter.fire(monitor);
      return monitor;
    },
    get monitors() {
      return [...monitors];
    },
    onDidOpenMonitor: openEmitter.event,
  };

  context.subscriptions.push(
    openEmitter,
    vscode.commands.registerCommand(openMonitorCommand, async (...args: unknown[]) => {
      try {
        const ids =
          endpointIdsFromArguments(args) ??
          (await pickEndpoints(engineSource.require().MidiEndpointDeviceInformation.findAll()));
        if (ids) api.open(ids);
      } catch (error) {
        log.error(`${openMonitorCommand}: ${errorText(error)}`);
        void vscode.window.showErrorMessage(`Cannot open the MIDI monitor: ${errorText(error)}`);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(monitorViewType, {
      deserializeWebviewPanel(panel, state: unknown) {
        try {
          api.restore(panel, state);
        } catch (error) {
          log.error(`monitor: cannot restore a monitor panel: ${errorText(error)}`);
          panel.dispose();
        }
        return Promise.resolve();
      },
    }),
    { dispose: () => [...monitors].forEach((monitor) => monitor.dispose()) },
  );
  return api;
}
