// Entry point: activate() builds the extension from small parts and returns its API;
// deactivate() disposes them and then stops the engine's native threads.
import * as vscode from 'vscode';
import { DiscoveryTreeDataProvider } from '../views/endpoints/discoveryTreeDataProvider';
import { EndpointsTreeDataProvider } from '../views/endpoints/endpointsTreeDataProvider';
import { registerMonitor, type MonitorApi } from '../views/monitor';
import { displayNumbering } from '../views/monitor/displaySettings';
import type { MidiScopeApi } from './api';
import type { CommandServices } from './commands/commandServices';
import { registerCaptureCommands } from './capture/captureCommands';
import { registerEndpointCommands } from './commands/endpointCommands';
import { registerLoopbackCommands } from './commands/loopbackCommands';
import { registerSendCommands } from './commands/sendCommands';
import { DiscoveryDocuments } from './discovery/discoveryDocuments';
import { registerDiscoveryCommands } from './discovery/discoveryCommands';
import { DiscoveryStore } from './discovery/discoveryStore';
import { MidiCiLinks, registerMidiCiCommands } from './discovery/midiCiCommands';
import { VirtualDeviceRegistry } from './discovery/virtualDeviceRegistry';
import { EndpointCatalog } from './endpointCatalog';
import { registerLanguageFeatures } from './language';
import { registerCopyRowsAsCode } from './language/copyRowsAsCode';
import { reportDeactivation } from './deactivationReport';
import { disposeAll } from './disposeAll';
import { EngineHost } from './engineHost';
import { followSchedulerPrecision } from './scheduler/schedulerPrecisionSetting';
import { followPublishLoopbacks } from './alsa/publishLoopbacksSetting';
import { LoopbackPairRegistry } from './loopback/loopbackPairRegistry';
import { registerNetwork } from './network';
import { SendProblems } from './sending/sendProblems';
import { SendTargets } from './sending/sendTargets';
import { UmpSender } from './sending/umpSender';
import { ScheduledStatusItem } from './statusBar/scheduledStatusItem';
import { reportScheduledFailures } from './sending/scheduledFailureReport';
import { registerTesting } from './testing';
import { registerWalkthrough } from './walkthrough';

interface Running {
  context: vscode.ExtensionContext;
  engineHost: EngineHost;
  log: vscode.LogOutputChannel;
}

let running: Running | undefined;

/** Set by the bundle's first statement (scripts/build.mjs); absent when tests load the sources. */
function bundleEvaluationMs(activateStarted: number): number | undefined {
  const bundleStart = (globalThis as { __midiScopeBundleStart?: number }).__midiScopeBundleStart;
  return bundleStart === undefined ? undefined : activateStarted - bundleStart;
}

export function activate(context: vscode.ExtensionContext): MidiScopeApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('MIDI Scope', { log: true });
  const bundleMs = bundleEvaluationMs(started);
  // Where the first open of the MIDI view spends its time (test/e2e/harness.e2e.ts reads these).
  if (bundleMs !== undefined) log.info(`bundle evaluated ${bundleMs.toFixed(1)} ms before activate()`);
  context.subscriptions.push(log);
  const add = <T extends vscode.Disposable>(resource: T): T => {
    context.subscriptions.push(resource);
    return resource;
  };

  const engineHost = EngineHost.load(log);
  running = { context, engineHost, log };
  void vscode.commands.executeCommand('setContext', 'midiScope.engineAvailable', engineHost.isAvailable);
  context.subscriptions.push(followSchedulerPrecision(engineHost, log));
  context.subscriptions.push(followPublishLoopbacks(engineHost, log));

  const pairs = add(new LoopbackPairRegistry(engineHost, log));
  const catalog = add(new EndpointCatalog(engineHost, pairs, log));
  // Virtual devices have a group of their own in the tree: the registry comes before it.
  const virtualDevices = add(new VirtualDeviceRegistry(engineHost, log));
  const endpointsProvider = add(
    new EndpointsTreeDataProvider(
      catalog,
      virtualDevices,
      displayNumbering((warning) => log.warn(warning)),
    ),
  );
  const discoveries = add(new DiscoveryStore(engineHost, log));
  // Discovery results hang under their endpoints: the tree shows the endpoints provider wrapped.
  const discoveryTreeProvider = add(new DiscoveryTreeDataProvider(endpointsProvider, discoveries));
  add(
    vscode.window.createTreeView('midiScope.endpoints', {
      treeDataProvider: discoveryTreeProvider,
      showCollapseAll: true,
    }),
  );
  log.info(`endpoints tree registered ${(performance.now() - started).toFixed(1)} ms into activate()`);
  // Persistent pairs come after the tree: it shows its groups, then fills in as they are created.
  pairs.syncFromSettings();

  const sender = engineHost.isAvailable ? add(new UmpSender(engineHost.require())) : undefined;
  const scheduledStatus = sender ? add(new ScheduledStatusItem(sender)) : undefined;
  if (sender) {
    context.subscriptions.push(reportScheduledFailures(sender, log, (id) => catalog.find(id)?.name));
  }

  const services: CommandServices = {
    engineHost,
    catalog,
    pairs,
    sender,
    targets: new SendTargets(catalog, context.workspaceState),
    sendProblems: add(new SendProblems()),
    endpointsProvider,
    log,
  };
  // The monitor registers further down; removing a pair asks first when one listens to it.
  const registered: { monitor?: MonitorApi } = {};
  const monitoredEndpoints = (): string[] =>
    (registered.monitor?.monitors ?? []).flatMap((handle) => [...handle.endpointDeviceIds]);
  context.subscriptions.push(
    ...registerLoopbackCommands(services, monitoredEndpoints),
    ...registerSendCommands(services),
    ...registerEndpointCommands(services),
    ...registerLanguageFeatures(services),
  );
  void virtualDevices.syncFromSettings();
  const discoveryDocuments = add(new DiscoveryDocuments(discoveries, (id) => catalog.find(id)?.name ?? id));
  context.subscriptions.push(
    ...registerDiscoveryCommands({ ...services, discoveries, discoveryDocuments, virtualDevices }),
    ...registerMidiCiCommands(services, add(new MidiCiLinks(services))),
  );

  // The Network MIDI 2.0 host and clients, their tree and commands.
  const network = registerNetwork(context, log, engineHost);

  // The monitor registers its own command, panel serializer and settings.
  const monitor = registerMonitor(context, log, engineHost);
  registered.monitor = monitor;
  // *.umptest files in the Test Explorer.
  const testing = registerTesting(engineHost, log, monitor);
  context.subscriptions.push(...testing.disposables);
  context.subscriptions.push(...registerCaptureCommands(services, monitor));
  context.subscriptions.push(registerCopyRowsAsCode(services, monitor));

  // The walkthrough's commands; it opens by itself on the first run.
  context.subscriptions.push(...registerWalkthrough(context, log));

  log.info(`MIDI Scope activated in ${(performance.now() - started).toFixed(1)} ms`);
  return {
    engine: engineHost.engine,
    engineUnavailableReason: engineHost.unavailableReason,
    endpointsProvider,
    endpoints: catalog,
    loopbackPairs: pairs,
    sender,
    scheduledStatus,
    log,
    monitor,
    network,
    tests: testing.api,
    discoveries,
    discoveryTreeProvider,
    virtualDevices,
    discoveryDocuments,
  };
}

export function deactivate(): void {
  if (!running) return;
  const { context, engineHost, log } = running;
  running = undefined;
  const started = performance.now();
  // Everything that holds engine connections goes first (VS Code would dispose these only after
  // deactivate returns); then the engine joins its native threads.
  // One that throws must not keep the rest, or the engine, from stopping: each is logged.
  const failures = disposeAll(context.subscriptions.splice(0).filter((subscription) => subscription !== log));
  for (const error of failures) log.error('Deactivation: disposing a subscription failed:', error);
  const stopped = engineHost.shutdown(log);
  const summary =
    `MIDI Scope deactivated in ${(performance.now() - started).toFixed(1)} ms: ` +
    (stopped ? 'connections closed, engine threads joined' : 'the engine did not stop cleanly') +
    (failures.length > 0 ? `; ${failures.length} subscription(s) failed to dispose (see the log)` : '');
  log.info(summary);
  reportDeactivation(summary);
  log.dispose();
}
