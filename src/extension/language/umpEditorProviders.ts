// Hover, CodeLens, inlay hints and formatting for `.ump` documents.
import * as vscode from 'vscode';
import { decodeUmp } from '../../ump';
import type { SendTargets } from '../sending/sendTargets';
import type { EndpointCatalog } from '../endpointCatalog';
import { formatUmpText } from './umpFormatter';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { umpHoverMarkdown } from './umpHoverText';
import type { UmpModelCache } from './umpModelCache';
import { messageAt } from './umpDocumentModel';

export const inlayHintsSetting = 'ump.inlayHints';

export class UmpHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: UmpModelCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const message = messageAt(this.cache.get(document), document.offsetAt(position));
    if (message === undefined) return undefined;
    const first = message.wordRanges[0];
    const last = message.wordRanges[message.wordRanges.length - 1];
    const markdown = new vscode.MarkdownString(
      umpHoverMarkdown(message.words, message.problems, readDisplaySettings(() => undefined).numbering),
      true,
    );
    return new vscode.Hover(
      markdown,
      new vscode.Range(document.positionAt(first.offset), document.positionAt(last.offset + last.length)),
    );
  }
}

export class UmpCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly cache: UmpModelCache,
    private readonly targets: SendTargets,
    private readonly catalog: EndpointCatalog,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    const last = this.targets.lastTarget;
    const lastEndpoint = last === undefined ? undefined : this.catalog.find(last);
    for (const block of this.cache.get(document).blocks) {
      if (block.messages.length === 0) continue;
      const range = new vscode.Range(block.startLine, 0, block.startLine, 0);
      const args = (mode: string, endpointDeviceId?: string): unknown[] => [
        {
          uri: document.uri.toString(),
          startLine: block.startLine,
          endLine: block.endLine,
          mode,
          endpointDeviceId,
        },
      ];
      const count = block.messages.length;
      const what = `${count} message${count === 1 ? '' : 's'}`;
      if (!block.timed) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `$(send) Send ${what}`,
            command: 'midiScope.sendBlock',
            arguments: args('send'),
          }),
        );
      }
      lenses.push(
        new vscode.CodeLens(range, {
          title: '$(watch) Schedule',
          command: 'midiScope.sendBlock',
          arguments: args('schedule'),
        }),
      );
      if (lastEndpoint !== undefined) {
        const mode = block.timed ? 'schedule' : 'send';
        lenses.push(
          new vscode.CodeLens(range, {
            title: `$(history) ${block.timed ? 'Schedule' : 'Send'} to ${lastEndpoint.name}`,
            command: 'midiScope.sendBlock',
            arguments: args(mode, lastEndpoint.endpointDeviceId),
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class UmpInlayHintsProvider implements vscode.InlayHintsProvider {
  constructor(private readonly cache: UmpModelCache) {}

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (vscode.workspace.getConfiguration('midiScope', document).get<boolean>(inlayHintsSetting) !== true)
      return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const hints: vscode.InlayHint[] = [];
    for (const message of this.cache.get(document).messages) {
      const last = message.wordRanges[message.wordRanges.length - 1];
      const at = last.offset + last.length;
      if (at < start || at > end) continue;
      const decoded = decodeUmp(message.words);
      const label = `${decoded.name}${decoded.summary === '' ? '' : ` · ${decoded.summary}`}${message.problems.length > 0 ? ' ⚠' : ''}`;
      const hint = new vscode.InlayHint(document.positionAt(at), label);
      hint.paddingLeft = true;
      hints.push(hint);
    }
    return hints;
  }
}

export class UmpFormattingProvider implements vscode.DocumentFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument): vscode.TextEdit[] {
    return formatUmpText(document.getText()).map((edit) =>
      vscode.TextEdit.replace(document.lineAt(edit.line).range, edit.text),
    );
  }
}
