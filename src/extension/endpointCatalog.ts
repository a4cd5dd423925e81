// The endpoints the extension shows and sends to: the engine's list, its watcher events, and
// which loopback pairs are persistent. The tree and the pickers read it; nothing polls it.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../engine/types';
import type { EndpointsTreeSource } from '../views/endpoints/endpointsTreeDataProvider';
import type { TransportView } from '../views/endpoints/endpointsTreeNodes';
import type { PairPersistence } from './loopback/pairPersistence';
import { Disposable } from './disposable';
import type { EngineHost } from './engineHost';

export interface PersistenceSource {
  persistenceOf(associationId: string): PairPersistence;
  readonly onDidChangePersistence: vscode.Event<void>;
}

export class EndpointCatalog extends Disposable implements EndpointsTreeSource {
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeEndpoints = this.changeEmitter.event;

  constructor(
    private readonly engineHost: EngineHost,
    private readonly persistence: PersistenceSource,
    log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(persistence.onDidChangePersistence(() => this.changeEmitter.fire()));
    if (engineHost.isAvailable) {
      const watcher = engineHost.require().MidiEndpointDeviceInformation.createWatcher();
      this.register(
        watcher.onChanged((events) => {
          for (const { change, endpoint } of events)
            log.debug(`endpoint ${change}: ${endpoint.name} (${endpoint.endpointDeviceId})`);
          this.changeEmitter.fire();
        }),
      );
      this.register(watcher);
    }
  }

  get unavailableReason(): string | undefined {
    return this.engineHost.unavailableReason;
  }

  findAll(): readonly MidiEndpointDeviceInformation[] {
    return this.engineHost.isAvailable
      ? this.engineHost.require().MidiEndpointDeviceInformation.findAll()
      : [];
  }

  transports(): readonly TransportView[] {
    return this.engineHost.isAvailable ? this.engineHost.require().MidiTransports.list() : [];
  }

  find(endpointDeviceId: string): MidiEndpointDeviceInformation | undefined {
    return this.findAll().find((endpoint) => endpoint.endpointDeviceId === endpointDeviceId);
  }

  persistenceOf(associationId: string): PairPersistence {
    return this.persistence.persistenceOf(associationId);
  }
}
