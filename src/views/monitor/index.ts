// The monitor's entry point: registers midiScope.openMonitor and the panel serializer that
// brings monitors back after a reload, and returns the API tests (and the extension's
// activation API, as `monitor`) use to open and inspect monitors.
import * as vscode from 'vscode';
import type { MonitorEngineSource } from './endpointListener';
import { pickEndpoints } from './endpointPicker';
import type { Capture } from './capture';
import { MonitorPanel, type MonitorHandle } from './monitorPanel';
import { planPlacement } from './monitorPlacement';
import { readDisplaySettings, displaySettingsSection } from './displaySettings';
import { fileEndpointPrefix, fileSource } from './monitorSource';
import { readMonitorSettings } from './monitorSettings';
import { endpointIdsFromArguments } from './openMonitorArguments';
import { protocolLimits, type EndpointLabel, type MonitorLayout } from './protocol';
import { webviewOptions } from './webviewHtml';

export type { MonitorCounterSnapshot, MonitorHandle } from './monitorPanel';
export type { MonitorEngine, MonitorEngineSource } from './endpointListener';

export const monitorViewType = 'midiScope.monitor';
export const openMonitorCommand = 'midiScope.openMonitor';
/** Global state: the monitors' column layout. */
const layoutKey = 'midiScope.monitor.layout';
/** Global state: the folder of the last export. */
const exportFolderKey = 'midiScope.monitor.exportFolder';
/** Workspace state: the editor column the user last moved a monitor to. */
const viewColumnKey = 'midiScope.monitor.viewColumn';

export interface MonitorApi {
  /** Opens a monitor listening to these endpoints (ids the engine does not know are reported). */
  open(endpointDeviceIds: readonly string[]): Promise<MonitorHandle>;
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
  }): Promise<MonitorHandle>;
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
  const monitors: MonitorPanel[] = [];
  const panelDependencies = {
    layout: {
      get: () => context.globalState.get<MonitorLayout>(layoutKey) ?? null,
      save: (layout: MonitorLayout) => context.globalState.update(layoutKey, layout),
    },
    display: () => readDisplaySettings((warning) => log.warn(warning)),
    exportFolder: {
      get: () => {
        const saved = context.globalState.get<string>(exportFolderKey);
        return saved ? vscode.Uri.parse(saved) : undefined;
      },
      set: (folder: vscode.Uri) => void context.globalState.update(exportFolderKey, folder.toString()),
    },
  };

  /** Creates the panel where planPlacement says, and remembers where the user moves it. */
  const createPanel = async (title: string): Promise<vscode.WebviewPanel> => {
    const groups = vscode.window.tabGroups.all.map((group) => ({
      viewColumn: group.viewColumn,
      hasMonitor: group.tabs.some(
        (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(monitorViewType),
      ),
    }));
    const plan = planPlacement(groups, context.workspaceState.get<number>(viewColumnKey));
    let viewColumn: vscode.ViewColumn = vscode.ViewColumn.Beside;
    if (plan.kind === 'group') viewColumn = plan.viewColumn;
    if (plan.kind === 'below') {
      // Code above, monitor below: both keep the editor area's whole width.
      await vscode.commands.executeCommand('vscode.setEditorLayout', {
        orientation: 1,
        groups: [{ size: 0.45 }, { size: 0.55 }],
      });
      viewColumn = vscode.ViewColumn.Two;
    }
    const panel = vscode.window.createWebviewPanel(
      monitorViewType,
      title,
      { viewColumn, preserveFocus: false },
      webviewOptions(context.extensionUri),
    );
    // A locked group takes no editors it is not asked to: files open next to it, not on it.
    if (plan.kind !== 'group') await vscode.commands.executeCommand('workbench.action.lockEditorGroup');
    rememberColumn(panel);
    return panel;
  };

  const rememberColumn = (panel: vscode.WebviewPanel): void => {
    let placed = panel.viewColumn;
    panel.onDidChangeViewState(() => {
      if (panel.viewColumn === undefined || panel.viewColumn === placed) return;
      placed = panel.viewColumn;
      void context.workspaceState.update(viewColumnKey, placed);
    });
  };
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
      ...panelDependencies,
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
    async open(endpointDeviceIds) {
      labels(endpointDeviceIds);
      const panel = await createPanel('MIDI Monitor');
      try {
        return attach(panel, endpointDeviceIds);
      } catch (error) {
        panel.dispose();
        throw error;
      }
    },
    restore(panel, state) {
      panel.webview.options = webviewOptions(context.extensionUri);
      rememberColumn(panel);
      return attach(panel, savedEndpointIds(state));
    },
    async openFile(file) {
      const panel = await createPanel(file.title);
      const endpoints = file.endpointNames.map((name, index) => ({
        index,
        endpointDeviceId: `${fileEndpointPrefix}${name}`,
        name,
      }));
      const settings = readMonitorSettings((warning) => log.warn(warning));
      const engine = engineSource.require();
      const monitor = new MonitorPanel(panel, endpoints, {
        ...panelDependencies,
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
        if (ids) await api.open(ids);
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
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(displaySettingsSection)) return;
      const display = panelDependencies.display();
      for (const monitor of monitors) monitor.showDisplaySettings(display);
    }),
    { dispose: () => [...monitors].forEach((monitor) => monitor.dispose()) },
  );
  return api;
}
