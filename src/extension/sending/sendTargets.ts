// Which endpoint a send goes to: an explicit id, else the `midiScope.defaultEndpoint` setting,
// else a quick pick with the last target of this workspace first.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import {
  endpointSummary,
  transportDisplayName,
  whereSendsGo,
} from '../../views/endpoints/endpointDescriptions';
import { readDefaultEndpoint } from '../configuration';
import type { EndpointCatalog } from '../endpointCatalog';

const lastTargetKey = 'midiScope.lastSendTarget';

export type TargetChoice =
  | { kind: 'endpoint'; endpoint: MidiEndpointDeviceInformation }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

interface EndpointPick extends vscode.QuickPickItem {
  endpoint: MidiEndpointDeviceInformation;
}

export class SendTargets {
  constructor(
    private readonly catalog: EndpointCatalog,
    private readonly workspaceState: vscode.Memento,
  ) {}

  get lastTarget(): string | undefined {
    return this.workspaceState.get<string>(lastTargetKey);
  }

  async remember(endpointDeviceId: string): Promise<void> {
    await this.workspaceState.update(lastTargetKey, endpointDeviceId);
  }

  async choose(explicitId: string | undefined, purpose: string): Promise<TargetChoice> {
    if (explicitId !== undefined) {
      const endpoint = this.catalog.find(explicitId);
      return endpoint
        ? { kind: 'endpoint', endpoint }
        : {
            kind: 'error',
            message: `No endpoint has the id "${explicitId}" (was its loopback pair removed?).`,
          };
    }
    const defaultId = readDefaultEndpoint();
    if (defaultId !== undefined) {
      const endpoint = this.catalog.find(defaultId);
      if (endpoint) return { kind: 'endpoint', endpoint };
      void vscode.window.showWarningMessage(
        `The setting midiScope.defaultEndpoint names "${defaultId}", which is not an endpoint now; pick one instead.`,
      );
    }
    return this.pick(purpose);
  }

  private async pick(purpose: string): Promise<TargetChoice> {
    const endpoints = this.catalog.findAll();
    if (endpoints.length === 0) return { kind: 'error', message: 'There is no endpoint to send to.' };
    const last = this.lastTarget;
    const names = new Map(endpoints.map((endpoint) => [endpoint.endpointDeviceId, endpoint.name]));
    const items: EndpointPick[] = endpoints.map((endpoint) => ({
      label: endpoint.name,
      description: `${transportDisplayName(endpoint.transport)} · ${endpointSummary(endpoint)}${endpoint.endpointDeviceId === last ? ' · last used' : ''}`,
      detail: whereSendsGo(endpoint, (id) => names.get(id)),
      iconPath: new vscode.ThemeIcon(endpoint.endpointDeviceId === last ? 'history' : 'plug'),
      endpoint,
    }));
    items.sort(
      (a, b) => Number(b.endpoint.endpointDeviceId === last) - Number(a.endpoint.endpointDeviceId === last),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: purpose,
      placeHolder: 'Endpoint to send to (messages sent to one side of a loopback arrive on the other)',
      matchOnDescription: true,
    });
    return picked ? { kind: 'endpoint', endpoint: picked.endpoint } : { kind: 'cancelled' };
  }
}
