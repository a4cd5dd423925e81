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

/** Where the endpoint pick sits in a multi-step prompt ("1/3" beside the title). */
export interface PromptStep {
  step: number;
  totalSteps: number;
}

/** A quick pick that shows its step count (showQuickPick cannot). */
function pickWithStep(
  items: EndpointPick[],
  title: string,
  placeholder: string,
  position: PromptStep | undefined,
): Promise<EndpointPick | undefined> {
  const pick = vscode.window.createQuickPick<EndpointPick>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.items = items;
  pick.matchOnDescription = true;
  // Also asked by commands run from a monitor (Replay from its context menu, the palette over it):
  // its webview takes the focus back as the command starts, which would close the pick.
  pick.ignoreFocusOut = true;
  if (position) {
    pick.step = position.step;
    pick.totalSteps = position.totalSteps;
  }
  return new Promise((resolve) => {
    let chosen: EndpointPick | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0];
      if (chosen) pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
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

  /** Whether choose() will ask the person (no explicit id, no usable default endpoint). */
  willAsk(explicitId: string | undefined): boolean {
    if (explicitId !== undefined) return false;
    const defaultId = readDefaultEndpoint();
    return defaultId === undefined || this.catalog.find(defaultId) === undefined;
  }

  async choose(
    explicitId: string | undefined,
    purpose: string,
    position?: PromptStep,
  ): Promise<TargetChoice> {
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
    return this.pick(purpose, position);
  }

  private async pick(purpose: string, position: PromptStep | undefined): Promise<TargetChoice> {
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
    const picked = await pickWithStep(
      items,
      purpose,
      'Endpoint to send to (messages sent to one side of a loopback arrive on the other)',
      position,
    );
    return picked ? { kind: 'endpoint', endpoint: picked.endpoint } : { kind: 'cancelled' };
  }
}
