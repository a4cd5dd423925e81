// `midiScope.alsa.publishLoopbacks`: whether MIDI Scope's loopback sides and diagnostics pair are
// shown to other applications as ALSA sequencer ports. A machine setting (scope application): the
// ports are visible to every user of the sequencer, so a workspace must not be able to open them.
import * as vscode from 'vscode';
import { configurationSection } from '../configuration';
import type { EngineHost } from '../engineHost';

export const publishLoopbacksSetting = 'alsa.publishLoopbacks';

/** The configured choice; anything but a boolean is refused (publishing stays on) with a reason. */
export function readPublishLoopbacks(configuration: vscode.WorkspaceConfiguration): {
  publish: boolean;
  refused?: string;
} {
  const value = configuration.get<unknown>(publishLoopbacksSetting, true);
  if (typeof value === 'boolean') return { publish: value };
  return {
    publish: true,
    refused: `${configurationSection}.${publishLoopbacksSetting} is ${JSON.stringify(value)}; expected true or false: publishing`,
  };
}

/** Applies the setting now and whenever it changes. */
export function followPublishLoopbacks(
  engineHost: EngineHost,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  const apply = () => {
    if (!engineHost.isAvailable) return;
    const { publish, refused } = readPublishLoopbacks(
      vscode.workspace.getConfiguration(configurationSection),
    );
    if (refused) log.warn(refused);
    const { MidiTransports } = engineHost.require();
    if (MidiTransports.isPublishing() === publish) return;
    MidiTransports.setPublishing(publish);
    log.info(`own endpoints ${publish ? 'published to' : 'hidden from'} the OS (ALSA ports)`);
  };
  apply();
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`${configurationSection}.${publishLoopbacksSetting}`)) apply();
  });
}
