// MIDI: Discover Endpoint, its detail view and copies, and MIDI: Create Virtual Device.
import * as vscode from 'vscode';
import { exampleDeviceJson, parseVirtualDeviceDeclaration } from '../../virtualDevice';
import { associationIdArgument, endpointIdArgument } from '../commands/commandArguments';
import {
  failure,
  registerMidiCommand,
  UserFacingError,
  type CommandServices,
} from '../commands/commandServices';
import { DiscoveryDocuments } from './discoveryDocuments';
import type { DiscoveryStore } from './discoveryStore';
import type { VirtualDeviceRegistry } from './virtualDeviceRegistry';

export interface DiscoveryServices extends CommandServices {
  discoveries: DiscoveryStore;
  discoveryDocuments: DiscoveryDocuments;
  virtualDevices: VirtualDeviceRegistry;
}

/** The endpoint from the tree or the arguments, else one the person picks; undefined if cancelled. */
export async function endpointFor(
  services: CommandServices,
  command: string,
  argument: unknown,
  title: string,
): Promise<string | undefined> {
  const given = endpointIdArgument(command, argument);
  if (given !== undefined) {
    if (services.catalog.find(given) === undefined)
      throw new UserFacingError(`No MIDI endpoint has the id "${given}"`);
    return given;
  }
  const picked = await vscode.window.showQuickPick(
    services.catalog.findAll().map((endpoint) => ({
      label: endpoint.name,
      description: endpoint.endpointDeviceId,
      id: endpoint.endpointDeviceId,
    })),
    { title, placeHolder: 'Endpoint' },
  );
  return picked?.id;
}

async function discoverEndpointCommand(services: DiscoveryServices, argument: unknown) {
  const command = 'midiScope.discoverEndpoint';
  services.engineHost.require();
  const id = await endpointFor(services, command, argument, 'Discover Endpoint');
  if (id === undefined) return failure('cancelled');
  const name = services.catalog.find(id)?.name ?? id;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Discovering ${name}` },
    () => services.discoveries.discover(id),
  );
  const flagged = result.problems.length + result.missing.length;
  const summary =
    `${name}: discovery ${result.state === 'complete' ? 'complete' : 'timed out'}, ${result.functionBlocks.size} function blocks` +
    (flagged === 0 ? '' : `, ${result.problems.length} problems, ${result.missing.length} missing`);
  if (flagged === 0) vscode.window.setStatusBarMessage(summary, 5000);
  else {
    void vscode.window.showWarningMessage(summary, 'Show Details').then((choice) => {
      if (choice)
        void vscode.commands.executeCommand('midiScope.showDiscoveryDetails', { endpointDeviceId: id });
    });
  }
  return {
    ok: true as const,
    endpointDeviceId: id,
    state: result.state,
    functionBlocks: [...result.functionBlocks.keys()],
    problems: result.problems.map((p) => p.message),
    missing: result.missing,
  };
}

async function discoveredEndpoint(
  services: DiscoveryServices,
  command: string,
  argument: unknown,
): Promise<string | undefined> {
  const given = endpointIdArgument(command, argument);
  if (given !== undefined) return given;
  const ids = services.discoveries.discoveredEndpointIds;
  if (ids.length === 1) return ids[0];
  const picked = await vscode.window.showQuickPick(
    ids.map((id) => ({ label: services.catalog.find(id)?.name ?? id, description: id, id })),
    {
      title: 'Discovered endpoint',
      placeHolder: ids.length === 0 ? 'Nothing discovered yet: run MIDI: Discover Endpoint' : 'Endpoint',
    },
  );
  return picked?.id;
}

async function showDetails(services: DiscoveryServices, argument: unknown) {
  const id = await discoveredEndpoint(services, 'midiScope.showDiscoveryDetails', argument);
  if (id === undefined) return failure('cancelled');
  const document = await vscode.workspace.openTextDocument(DiscoveryDocuments.uriFor(id));
  await vscode.window.showTextDocument(document, { preview: false });
  return { ok: true as const, uri: document.uri.toString(), text: document.getText() };
}

async function copyDetails(services: DiscoveryServices, argument: unknown, format: 'text' | 'json') {
  const command = format === 'text' ? 'midiScope.copyDiscoveryAsText' : 'midiScope.copyDiscoveryAsJson';
  const id = await discoveredEndpoint(services, command, argument);
  if (id === undefined) return failure('cancelled');
  const copied =
    format === 'text' ? services.discoveryDocuments.text(id) : services.discoveryDocuments.json(id);
  if (copied === undefined)
    throw new UserFacingError(`${id} has not been discovered: run MIDI: Discover Endpoint on it first`);
  await vscode.env.clipboard.writeText(copied);
  vscode.window.setStatusBarMessage(
    `Copied the discovery of ${services.catalog.find(id)?.name ?? id} as ${format}`,
    3000,
  );
  return { ok: true as const, copied };
}

async function createVirtualDevice(services: DiscoveryServices, argument: unknown) {
  services.engineHost.require();
  let declarationJson: unknown = argument;
  if (
    argument === undefined ||
    argument === null ||
    typeof argument !== 'object' ||
    !('endpointName' in argument)
  ) {
    const choice = await vscode.window.showQuickPick(
      [
        { label: 'Example with 32 named function blocks', value: 32 },
        { label: 'Example with 4 function blocks', value: 4 },
        { label: 'From a JSON file…', value: 0 },
      ],
      { title: 'Create Virtual Device', placeHolder: 'What the device declares' },
    );
    if (choice === undefined) return failure('cancelled');
    if (choice.value === 0) {
      const files = await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { 'Virtual device': ['json'] },
      });
      if (files === undefined || files.length === 0) return failure('cancelled');
      try {
        const device = services.virtualDevices.create(await services.virtualDevices.readFile(files[0]));
        return {
          ok: true as const,
          endpointDeviceId: device.endpointDeviceId,
          deviceSideEndpointDeviceId: device.deviceSideEndpointDeviceId,
        };
      } catch (error) {
        throw new UserFacingError(error instanceof Error ? error.message : String(error));
      }
    }
    declarationJson = exampleDeviceJson(choice.value);
  }
  let declaration;
  try {
    declaration = parseVirtualDeviceDeclaration(declarationJson, 'the virtual device');
  } catch (error) {
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  }
  const device = services.virtualDevices.create(declaration);
  vscode.window.setStatusBarMessage(`Virtual device "${declaration.endpointName}" created`, 5000);
  return {
    ok: true as const,
    endpointDeviceId: device.endpointDeviceId,
    deviceSideEndpointDeviceId: device.deviceSideEndpointDeviceId,
  };
}

/** Stops a virtual device and removes its pair: from its row in the tree, an id, or a pick. */
async function removeVirtualDevice(services: DiscoveryServices, argument: unknown) {
  let associationId = associationIdArgument('midiScope.removeVirtualDevice', argument);
  if (associationId === undefined) {
    const devices = services.virtualDevices.list();
    if (devices.length === 0) {
      void vscode.window.showInformationMessage('There is no virtual device to remove.');
      return failure('there is no virtual device to remove');
    }
    const pick = await vscode.window.showQuickPick(
      devices.map((device) => ({
        label: device.declaration.endpointName,
        description: device.origin === 'settings' ? 'from settings' : 'created',
        associationId: device.associationId,
      })),
      { title: 'Remove Virtual Device' },
    );
    if (pick === undefined) return failure('cancelled');
    associationId = pick.associationId;
  }
  if (!services.virtualDevices.remove(associationId))
    throw new UserFacingError(`There is no virtual device ${associationId}.`);
  return { ok: true as const, associationId };
}

export function registerDiscoveryCommands(services: DiscoveryServices): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.discoverEndpoint', (argument) =>
      discoverEndpointCommand(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.showDiscoveryDetails', (argument) =>
      showDetails(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.copyDiscoveryAsText', (argument) =>
      copyDetails(services, argument, 'text'),
    ),
    registerMidiCommand(services, 'midiScope.copyDiscoveryAsJson', (argument) =>
      copyDetails(services, argument, 'json'),
    ),
    registerMidiCommand(services, 'midiScope.createVirtualDevice', (argument) =>
      createVirtualDevice(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.removeVirtualDevice', (argument) =>
      removeVirtualDevice(services, argument),
    ),
  ];
}
