// Names of MIDI Scope's settings, in one place so code, tests and package.json agree.
import * as vscode from 'vscode';

export const configurationSection = 'midiScope';
export const loopbackPairsSetting = 'loopbackPairs';
export const defaultEndpointSetting = 'defaultEndpoint';

/** The endpoint id send commands use without asking, or undefined to ask. */
export function readDefaultEndpoint(): string | undefined {
  const value = vscode.workspace.getConfiguration(configurationSection).get<unknown>(defaultEndpointSetting);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
