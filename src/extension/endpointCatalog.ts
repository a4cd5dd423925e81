// The endpoints the extension shows and sends to: the engine's list, its watcher events, and
// which loopback pairs are persistent. The tree and the pickers read it; nothing polls it.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../engine/types';
import type { EndpointsTreeSource } from '../views/endpoints/endpointsTreeDataProvider';
import type { TransportView } from '../views/endpoints/endpointsTreeNodes';
import { PublicationProblemLog } from '../views/endpoints/publicationProblems';
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
      const endpoints = engineHost.require().MidiEndpointDeviceInformation;
      // What ALSA could not publish: each problem once in the log when it appears (the tree shows
      // it on the endpoint's row while it lasts). Notes are info, failures warnings.
      const problems = new PublicationProblemLog({
        warn: (line) => log.warn(line),
        info: (line) => log.info(line),
      });
      const watcher = endpoints.createWatcher();
      this.register(
        watcher.onChanged((events) => {
          for (const { change, endpoint } of events) {
            log.debug(`endpoint ${change}: ${endpoint.name} (${endpoint.endpointDeviceId})`);
            if (change === 'removed') {
              problems.removed(endpoint.endpointDeviceId);
            } else {
              problems.seen(endpoint);
            }
          }
          this.changeEmitter.fire();
        }),
      );
      this.register(watcher);
      // Those there before the watcher (the diagnostics pair, published when the engine started).
      for (const endpoint of endpoints.findAll()) problems.seen(endpoint);
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
