// How values are shown (midiScope.display.*): the numbering of groups and channels. One reading
// for every place that shows them: monitor rows, details, filters and hovers.
import * as vscode from 'vscode';
import { numberings, type DisplaySettings, type Numbering } from './protocol';

export const displaySettingsSection = 'midiScope.display';

/** The user's numbering; a value that is not one of the choices is said through `warn`. */
export function readDisplaySettings(warn: (message: string) => void): DisplaySettings {
  const value = vscode.workspace
    .getConfiguration(displaySettingsSection)
    .get<unknown>('numbering', 'oneBased');
  if ((numberings as readonly unknown[]).includes(value)) return { numbering: value as Numbering };
  warn(
    `${displaySettingsSection}.numbering must be one of ${numberings.join(', ')}, got ${JSON.stringify(value)}; using oneBased`,
  );
  return { numbering: 'oneBased' };
}

/**
 * The numbering as a view that is not the monitor follows it (the Endpoints tree): read when asked,
 * with an event when midiScope.display changes.
 */
export function displayNumbering(warn: (message: string) => void): {
  readonly numbering: Numbering;
  readonly onDidChange: vscode.Event<void>;
} {
  return {
    get numbering() {
      return readDisplaySettings(warn).numbering;
    },
    onDidChange: (listener, thisArgs, disposables) =>
      vscode.workspace.onDidChangeConfiguration(
        (event) => {
          if (event.affectsConfiguration(displaySettingsSection)) listener.call(thisArgs, undefined);
        },
        undefined,
        disposables,
      ),
  };
}
