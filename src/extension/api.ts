// What `activate` returns: `vscode.extensions.getExtension('midi-scope.midi-scope').exports`.
// Tests and other extensions use it to reach the same engine and views the commands use.
import type * as vscode from 'vscode';
import type { DiscoveryTreeDataProvider } from '../views/endpoints/discoveryTreeDataProvider';
import type { EndpointsTreeDataProvider } from '../views/endpoints/endpointsTreeDataProvider';
import type { MonitorApi } from '../views/monitor';
import type { DiscoveryDocuments } from './discovery/discoveryDocuments';
import type { DiscoveryStore } from './discovery/discoveryStore';
import type { VirtualDeviceRegistry } from './discovery/virtualDeviceRegistry';
import type { EndpointCatalog } from './endpointCatalog';
import type { EngineModule } from './engineHost';
import type { LoopbackPairRegistry } from './loopback/loopbackPairRegistry';
import type { NetworkManager } from './network/networkManager';
import type { UmpSender } from './sending/umpSender';
import type { ScheduledStatusItem } from './statusBar/scheduledStatusItem';
import type { TestingApi } from './testing';

export interface MidiScopeApi {
  /** The engine facade (src/engine), the same module the commands use. */
  readonly engine: EngineModule;
  /** Why the engine cannot be used, or undefined when it can. */
  readonly engineUnavailableReason: string | undefined;
  readonly endpointsProvider: EndpointsTreeDataProvider;
  readonly endpoints: EndpointCatalog;
  /** Loopback pairs created from the commands and the setting, and the setting's problems. */
  readonly loopbackPairs: LoopbackPairRegistry;
  /** The connections the send commands use; undefined when the engine is unavailable. */
  readonly sender: UmpSender | undefined;
  /** The status bar's count of scheduled messages (and of those that failed); with the sender. */
  readonly scheduledStatus: ScheduledStatusItem | undefined;
  readonly log: vscode.LogOutputChannel;
  /** Opens and lists traffic monitors (src/views/monitor). */
  readonly monitor: MonitorApi;
  /** The Network MIDI 2.0 host and clients (src/extension/network). */
  readonly network: NetworkManager;
  /** The Test Explorer's controller for *.umptest files and the latest results. */
  readonly tests: TestingApi;
  /** Endpoint discovery results by endpoint (MIDI: Discover Endpoint). */
  readonly discoveries: DiscoveryStore;
  /** The tree's provider: the endpoints with discovery results under them. */
  readonly discoveryTreeProvider: DiscoveryTreeDataProvider;
  readonly virtualDevices: VirtualDeviceRegistry;
  /** The detail view's text and JSON (what Copy Discovery as Text/JSON copy). */
  readonly discoveryDocuments: DiscoveryDocuments;
}
