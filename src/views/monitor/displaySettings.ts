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
