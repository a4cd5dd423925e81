// midiScope.refreshEndpoints, midiScope.copyEndpointId and midiScope.showLog.
import * as vscode from 'vscode';
import { associationIdArgument, endpointIdArgument } from './commandArguments';
import { failure, registerMidiCommand, type CommandFailure, type CommandServices } from './commandServices';

type CopyResult = { ok: true; copied: string } | CommandFailure;

/** From an endpoint: its endpoint id; from a pair: its association id; else asks for an endpoint. */
async function copyEndpointId(services: CommandServices, argument: unknown): Promise<CopyResult> {
  const command = 'midiScope.copyEndpointId';
  let copied = endpointIdArgument(command, argument);
  if (copied === undefined && typeof argument === 'object' && argument !== null) {
    copied = associationIdArgument(command, argument);
  }
  if (copied === undefined) {
    const picked = await vscode.window.showQuickPick(
      services.catalog.findAll().map((endpoint) => ({
        label: endpoint.name,
        description: endpoint.endpointDeviceId,
        id: endpoint.endpointDeviceId,
      })),
      { title: 'Copy Endpoint Id', placeHolder: 'Endpoint whose id to copy' },
    );
    if (!picked) return failure('cancelled');
    copied = picked.id;
  }
  await vscode.env.clipboard.writeText(copied);
  vscode.window.setStatusBarMessage(`Copied ${copied}`, 3000);
  return { ok: true, copied };
}

export function registerEndpointCommands(services: CommandServices): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.refreshEndpoints', () => {
      services.endpointsProvider.refresh();
      return { ok: true };
    }),
    registerMidiCommand(services, 'midiScope.copyEndpointId', (argument) =>
      copyEndpointId(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.showLog', () => {
      services.log.show();
      return { ok: true };
    }),
  ];
}
