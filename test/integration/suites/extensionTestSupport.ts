// Helpers shared by the extension's integration suites: the activation API, waiting for a
// condition with a deadline, listening on an endpoint, editors with hex text, and clean-up.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { MidiLoopbackEndpointCreationConfig } from '../../../src/engine/types';

export const extensionId = 'midi-scope.midi-scope';

export async function midiScope(): Promise<MidiScopeApi> {
  const extension = vscode.extensions.getExtension<MidiScopeApi>(extensionId);
  assert.ok(extension, `extension ${extensionId} is not installed`);
  const api = await extension.activate();
  assert.equal(api.engineUnavailableReason, undefined, 'the MIDI engine should load in this test host');
  return api;
}

/** Polls `probe` until it returns something truthy; fails with `what` after the deadline. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ReceivedMessage {
  words: number[];
  /** MidiClock ticks the engine stamped on it. */
  timestamp: number;
  /** performance.now() when the handler saw it. */
  arrivedAtMs: number;
}

export interface Listener extends vscode.Disposable {
  readonly received: ReceivedMessage[];
}

/** Opens a connection on `endpointDeviceId` and records every message it receives. */
export function listenOn(api: MidiScopeApi, endpointDeviceId: string): Listener {
  const session = api.engine.MidiSession.create('extension integration test');
  const connection = session.createEndpointConnection(endpointDeviceId);
  const received: ReceivedMessage[] = [];
  connection.onMessageReceived((message) => {
    received.push({
      words: Array.from(message.words),
      timestamp: message.timestamp,
      arrivedAtMs: performance.now(),
    });
  });
  connection.open();
  return { received, dispose: () => session.close() };
}

/** A loopback pair config no other test uses. */
export function uniquePairConfig(label: string): MidiLoopbackEndpointCreationConfig {
  const tag = randomBytes(3).toString('hex');
  return {
    associationId: `test-${label}-${tag}`,
    endpointA: {
      name: `Test ${label} ${tag} A`,
      description: `A side of ${label}`,
      uniqueId: `TEST-${tag}-A`,
    },
    endpointB: { name: `Test ${label} ${tag} B`, uniqueId: `TEST-${tag}-B` },
  };
}

export interface CreatedPair {
  associationId: string;
  endpointDeviceIdA: string;
  endpointDeviceIdB: string;
}

export async function createPair(
  config: MidiLoopbackEndpointCreationConfig,
  persistent = false,
): Promise<CreatedPair> {
  const result = await vscode.commands.executeCommand<{
    ok: boolean;
    associationId: string;
    endpointDeviceIdA: string;
    endpointDeviceIdB: string;
    errorInformation?: string;
    reason?: string;
  }>('midiScope.createLoopbackPair', { ...config, persistent });
  assert.equal(result.ok, true, `pair not created: ${result.errorInformation ?? result.reason}`);
  return result;
}

export async function removePair(associationId: string): Promise<void> {
  await vscode.commands.executeCommand('midiScope.removeLoopbackPair', { associationId });
}

let scratchDirectory: string | undefined;
let scratchFiles = 0;

/** A fresh file in a scratch directory, holding `text`. */
export function scratchFile(name: string, content: string | Uint8Array): vscode.Uri {
  scratchDirectory ??= mkdtempSync(join(tmpdir(), 'midi-scope-extension-test-'));
  const path = join(scratchDirectory, `${++scratchFiles}-${name}`);
  writeFileSync(path, content);
  return vscode.Uri.file(path);
}

/**
 * An editor on a saved file holding `text`, shown and active. (Saved, not untitled: closing a
 * dirty untitled editor would ask whether to save it.)
 */
export async function editorWith(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(scratchFile('selection.ump', text));
  return vscode.window.showTextDocument(document);
}

export async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Presses Enter in whatever quick input is open until `running` settles: how the tests answer
 * a command's quick pick or input box with its default (preselected) value.
 */
export async function acceptDefaultsUntil<T>(running: Thenable<T>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + 10_000;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return result;
}

export const loopbackPairsSetting = 'loopbackPairs';

export function midiScopeConfiguration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('midiScope');
}

/** The user-settings value of midiScope.loopbackPairs. */
export function userLoopbackPairs(): unknown[] {
  const value = midiScopeConfiguration().inspect<unknown[]>(loopbackPairsSetting)?.globalValue;
  return Array.isArray(value) ? value : [];
}

export async function setUserLoopbackPairs(value: unknown[] | undefined): Promise<void> {
  await midiScopeConfiguration().update(loopbackPairsSetting, value, vscode.ConfigurationTarget.Global);
}
