// Hover decode of UMP hex literals (and arrays of them) in C, C++, Rust, Python, JavaScript and
// TypeScript sources, switched per language by `midiScope.hexHover.languages`.
import * as vscode from 'vscode';
import { findSourceUmp } from './sourceHexLiterals';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { umpHoverMarkdown } from './umpHoverText';

export const hexHoverLanguages = ['c', 'cpp', 'rust', 'python', 'javascript', 'typescript'] as const;
export const hexHoverSetting = 'hexHover.languages';
const mostShown = 8;

export class SourceHexHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const enabled = vscode.workspace
      .getConfiguration('midiScope', document)
      .get<Record<string, boolean>>(hexHoverSetting);
    if (enabled?.[document.languageId] === false) return undefined;
    const found = findSourceUmp(document.getText(), document.offsetAt(position));
    if (found === undefined) return undefined;
    const parts = found.messages
      .slice(0, mostShown)
      .map((words) => umpHoverMarkdown(words, undefined, readDisplaySettings(() => undefined).numbering));
    if (found.messages.length > mostShown)
      parts.push(`… and ${found.messages.length - mostShown} more messages`);
    return new vscode.Hover(
      new vscode.MarkdownString(`_UMP (MIDI Scope)_\n\n${parts.join('\n\n---\n\n')}`, true),
      new vscode.Range(document.positionAt(found.start), document.positionAt(found.end)),
    );
  }
}

export function registerSourceHexHover(): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    hexHoverLanguages.map((language) => ({ language })),
    new SourceHexHoverProvider(),
  );
}
