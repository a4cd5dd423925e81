// `midiScope.scheduler.precision`: how hard the engine's scheduler thread works for punctuality,
// against the CPU it takes from the extension host every extension shares. A user setting only
// (scope application): a workspace must not be able to make the thread spin behind the user's back.
import * as vscode from 'vscode';
import { midiSchedulerPrecisions, type MidiSchedulerPrecision } from '../../engine';
import { configurationSection } from '../configuration';
import type { EngineHost } from '../engineHost';

export const schedulerPrecisionSetting = 'scheduler.precision';

/** The configured precision, or an explanation of why the value was refused. */
export function readSchedulerPrecision(configuration: vscode.WorkspaceConfiguration): {
  precision: MidiSchedulerPrecision;
  refused?: string;
} {
  const value = configuration.get<unknown>(schedulerPrecisionSetting, 'balanced');
  if (typeof value === 'string' && (midiSchedulerPrecisions as readonly string[]).includes(value)) {
    return { precision: value as MidiSchedulerPrecision };
  }
  return {
    precision: 'balanced',
    refused:
      `${configurationSection}.${schedulerPrecisionSetting} is ${JSON.stringify(value)}; ` +
      `expected one of ${midiSchedulerPrecisions.join(', ')}: using balanced`,
  };
}

/** Applies the setting now and whenever it changes. */
export function followSchedulerPrecision(
  engineHost: EngineHost,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const apply = () => {
    if (!engineHost.isAvailable) return;
    const { precision, refused } = readSchedulerPrecision(
      vscode.workspace.getConfiguration(configurationSection),
    );
    if (refused) log.warn(refused);
    const { MidiScheduler } = engineHost.require();
    if (MidiScheduler.precision === precision) return;
    MidiScheduler.precision = precision;
    log.info(`scheduler precision: ${precision}`);
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${configurationSection}.${schedulerPrecisionSetting}`)) apply();
  });
}
