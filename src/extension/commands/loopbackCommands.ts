// midiScope.createLoopbackPair and midiScope.removeLoopbackPair.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import { parsePairConfigArgument } from '../loopback/pairValidation';
import type { CreatePairResult, RemovePairResult } from '../loopback/loopbackPairRegistry';
import { associationIdArgument, isContextArgument } from './commandArguments';
import { failure, registerMidiCommand, type CommandFailure, type CommandServices } from './commandServices';
import { askForLoopbackPair } from './createPairWizard';

export type CreateLoopbackPairCommandResult = (CreatePairResult & { ok: boolean }) | CommandFailure;
export type RemoveLoopbackPairCommandResult = (RemovePairResult & { ok: boolean }) | CommandFailure;

/**
 * Without an argument it asks with a multi-step quick input; with
 * `{ endpointA, endpointB, associationId?, persistent? }` it creates exactly that.
 */
async function createLoopbackPair(
  services: CommandServices,
  argument: unknown,
): Promise<CreateLoopbackPairCommandResult> {
  services.engineHost.require();
  let request;
  if (argument === undefined || isContextArgument(argument)) {
    const answer = await askForLoopbackPair(services.pairs.existing());
    if (!answer) return failure('cancelled');
    request = answer;
  } else {
    const { persistent, ...config } = parsePairConfigArgument(argument);
    request = { config, persistence: persistent ? ('persistent' as const) : ('transient' as const) };
  }
  const result = await services.pairs.create(request.config, request.persistence);
  if (!result.success) {
    services.log.warn(`loopback pair not created: ${result.errorInformation}`);
    void vscode.window.showErrorMessage(
      `MIDI Scope could not create the loopback pair: ${result.errorInformation}`,
    );
    return { ...result, ok: false };
  }
  const { endpointA, endpointB } = request.config;
  // Short enough for a toast's one line; the tree's row says "transient" or "persistent".
  const kept = result.persistence === 'persistent' ? `, kept in ${result.savedIn ?? 'user'} settings` : '';
  void vscode.window.showInformationMessage(
    `Created loopback pair "${endpointA.name}" ↔ "${endpointB.name}"${kept}.`,
  );
  return { ...result, ok: true };
}

interface PairPick extends vscode.QuickPickItem {
  associationId: string;
}

function pairPicks(services: CommandServices): PairPick[] {
  const pairs = new Map<string, MidiEndpointDeviceInformation[]>();
  for (const endpoint of services.catalog.findAll()) {
    const associationId = endpoint.loopback?.associationId;
    if (endpoint.transport !== 'loopback' || associationId === undefined) continue;
    pairs.set(associationId, [...(pairs.get(associationId) ?? []), endpoint]);
  }
  return [...pairs].map(([associationId, sides]) => ({
    label: sides
      .sort((a, b) => (a.loopback?.side ?? '').localeCompare(b.loopback?.side ?? ''))
      .map((side) => `${side.loopback?.side ?? ''} ${side.name}`)
      .join(' ↔ '),
    description: `${associationId} · ${services.catalog.persistenceOf(associationId)}`,
    associationId,
  }));
}

/** Which endpoints the open monitors listen to (the monitor registers after these commands). */
export type MonitoredEndpoints = () => readonly string[];

/** A pair node of the tree: the command ran from the tree's menu. */
function isTreeNode(argument: unknown): boolean {
  return typeof argument === 'object' && argument !== null && 'kind' in argument;
}

/**
 * Asks before removing a pair that is persistent or has monitors open on it; true to go on.
 * (A modal: the pair's setting entry and the monitors' connections go with it.)
 */
async function confirmRemoval(
  services: CommandServices,
  associationId: string,
  monitoredEndpoints: MonitoredEndpoints,
): Promise<boolean> {
  const sides = services.catalog
    .findAll()
    .filter((endpoint) => endpoint.loopback?.associationId === associationId);
  const watched = new Set(monitoredEndpoints());
  const monitored = sides.filter((endpoint) => watched.has(endpoint.endpointDeviceId));
  const persistent = services.catalog.persistenceOf(associationId) === 'persistent';
  if (!persistent && monitored.length === 0) return true;
  const names = services.pairs.pairNames(associationId) ?? associationId;
  const reasons: string[] = [];
  if (persistent)
    reasons.push('It is persistent: its entry in the setting midiScope.loopbackPairs is removed too.');
  if (monitored.length > 0) {
    const which = monitored.map((endpoint) => `"${endpoint.name}"`).join(' and ');
    reasons.push(`A monitor is open on ${which}: it stops receiving.`);
  }
  const choice = await vscode.window.showWarningMessage(
    `Remove loopback pair ${names}?`,
    { modal: true, detail: reasons.join('\n') },
    'Remove',
  );
  return choice === 'Remove';
}

/**
 * Takes a pair node from the tree, an association id, `{ associationId }`, or asks. A person
 * (the palette or the tree's menu) is asked to confirm a persistent or monitored pair; code
 * that passes an id has decided already.
 */
async function removeLoopbackPair(
  services: CommandServices,
  argument: unknown,
  monitoredEndpoints: MonitoredEndpoints,
): Promise<RemoveLoopbackPairCommandResult> {
  services.engineHost.require();
  let associationId = associationIdArgument('midiScope.removeLoopbackPair', argument);
  const byPerson = associationId === undefined || isTreeNode(argument);
  if (associationId === undefined) {
    const picks = pairPicks(services);
    if (picks.length === 0) {
      void vscode.window.showInformationMessage('There is no loopback pair to remove.');
      return failure('there is no loopback pair to remove');
    }
    const picked = await vscode.window.showQuickPick(picks, {
      title: 'Remove Loopback Pair',
      placeHolder: 'Pair to remove (a persistent pair is also removed from settings)',
    });
    if (!picked) return failure('cancelled');
    associationId = picked.associationId;
  }
  if (byPerson && !(await confirmRemoval(services, associationId, monitoredEndpoints)))
    return failure('cancelled');
  const result = await services.pairs.remove(associationId);
  if (result.success) void vscode.window.showInformationMessage(result.message);
  else void vscode.window.showErrorMessage(result.message);
  return { ...result, ok: result.success };
}

export function registerLoopbackCommands(
  services: CommandServices,
  monitoredEndpoints: MonitoredEndpoints,
): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.createLoopbackPair', (argument) =>
      createLoopbackPair(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.removeLoopbackPair', (argument) =>
      removeLoopbackPair(services, argument, monitoredEndpoints),
    ),
  ];
}
