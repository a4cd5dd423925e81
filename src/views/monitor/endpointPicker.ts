// The quick pick that asks which endpoints a new monitor listens to (several may be chosen).
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine';
import { endpointSummary, transportDisplayName } from '../endpoints/endpointDescriptions';

interface EndpointPick extends vscode.QuickPickItem {
  endpointDeviceId: string;
}

/** The chosen endpoint ids, or undefined when the user cancelled or chose none. */
export async function pickEndpoints(
  endpoints: readonly MidiEndpointDeviceInformation[],
): Promise<string[] | undefined> {
  if (endpoints.length === 0) {
    void vscode.window.showWarningMessage('MIDI Monitor: there are no endpoints to listen to.');
    return undefined;
  }
  const items: EndpointPick[] = endpoints.map((endpoint) => ({
    label: endpoint.name,
    description: `${transportDisplayName(endpoint.transport)} · ${endpointSummary(endpoint)}`,
    detail: endpoint.endpointDeviceId,
    endpointDeviceId: endpoint.endpointDeviceId,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Open MIDI Monitor',
    placeHolder: 'Endpoints to listen to (messages they receive are shown)',
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    // Endpoints are ticked one by one: a focus change meanwhile (the walkthrough marks its step
    // done as the command starts, and redraws) must not throw the choice away.
    ignoreFocusOut: true,
  });
  return picked && picked.length > 0 ? picked.map((item) => item.endpointDeviceId) : undefined;
}
