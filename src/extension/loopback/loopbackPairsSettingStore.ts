// Reads and writes the setting `midiScope.loopbackPairs`. Writes happen only on the person's
// action (creating or removing a persistent pair), and only touch the entry concerned: every
// other entry, malformed ones included, is written back exactly as it was.
//
// Where a new pair is written: the scope the effective value comes from. If the workspace sets
// midiScope.loopbackPairs (which hides the user's list: arrays do not merge), the pair goes into
// the workspace settings; otherwise into the user settings (ConfigurationTarget.Global), because a
// loopback pair is a tool of the person, not of a project.
import * as vscode from 'vscode';
import type { MidiLoopbackEndpointCreationConfig } from '../../engine/types';
import { configurationSection, loopbackPairsSetting } from '../configuration';
import { toSettingEntry } from './loopbackPairsSetting';

export const loopbackPairsSettingName = `${configurationSection}.${loopbackPairsSetting}`;

interface SettingScope {
  name: 'workspace' | 'user';
  target: vscode.ConfigurationTarget;
  entries: unknown[] | undefined;
}

/** The effective value, unvalidated (see readLoopbackPairsSetting). */
export function loopbackPairsSettingValue(): unknown {
  return vscode.workspace.getConfiguration(configurationSection).get<unknown>(loopbackPairsSetting);
}

function associationIdOf(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null
    ? (entry as Record<string, unknown>).associationId
    : undefined;
}

function settingScopes(): SettingScope[] {
  const inspected = vscode.workspace
    .getConfiguration(configurationSection)
    .inspect<unknown>(loopbackPairsSetting);
  const entries = (value: unknown): unknown[] | undefined =>
    value === undefined ? undefined : Array.isArray(value) ? [...(value as unknown[])] : [];
  return [
    {
      name: 'workspace',
      target: vscode.ConfigurationTarget.Workspace,
      entries: entries(inspected?.workspaceValue),
    },
    { name: 'user', target: vscode.ConfigurationTarget.Global, entries: entries(inspected?.globalValue) },
  ];
}

async function write(scope: SettingScope, entries: unknown[]): Promise<void> {
  await vscode.workspace
    .getConfiguration(configurationSection)
    .update(loopbackPairsSetting, entries, scope.target);
}

/** Appends the pair; returns the scope written ('workspace' or 'user'). */
export async function addPairToSetting(config: MidiLoopbackEndpointCreationConfig): Promise<string> {
  const scopes = settingScopes();
  const scope = scopes.find((candidate) => candidate.entries !== undefined) ?? scopes[1];
  await write(scope, [...(scope.entries ?? []), toSettingEntry(config)]);
  return scope.name;
}

/** Removes the pair's entry from every scope that has one; returns the scopes written. */
export async function removePairFromSetting(associationId: string): Promise<string[]> {
  const holding = settingScopes().filter((scope) =>
    (scope.entries ?? []).some((entry) => associationIdOf(entry) === associationId),
  );
  for (const scope of holding) {
    await write(
      scope,
      (scope.entries ?? []).filter((entry) => associationIdOf(entry) !== associationId),
    );
  }
  return holding.map((scope) => scope.name);
}
