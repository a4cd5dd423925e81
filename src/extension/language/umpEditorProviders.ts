// Hover, CodeLens, inlay hints and formatting for `.ump` documents.
import * as vscode from 'vscode';
import { decodeUmp, summaryUnder } from '../../ump';
import type { SendTargets } from '../sending/sendTargets';
import type { EndpointCatalog } from '../endpointCatalog';
import { formatUmpText } from './umpFormatter';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { umpHoverMarkdown } from './umpHoverText';
import type { UmpModelCache } from './umpModelCache';
import { messageAt } from './umpDocumentModel';
import { directiveAbove, resolveEndpoint } from './endpointDirectives';
import { endpointDirectiveHover } from './endpointDirectiveProviders';

export const inlayHintsSetting = 'ump.inlayHints';

export class UmpHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly cache: UmpModelCache,
    private readonly catalog: EndpointCatalog,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const directive = endpointDirectiveHover(this.cache, this.catalog, document, position);
    if (directive !== undefined) return directive;
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
    const model = this.cache.get(document);
    const endpoints = this.catalog.findAll();
    for (const block of model.blocks) {
      if (block.messages.length === 0) continue;
      const range = new vscode.Range(block.startLine, 0, block.startLine, 0);
      // An `#endpoint` above the block decides where it goes (resolved again when clicked).
      const directive = directiveAbove(model.endpointDirectives, block.startLine);
      const resolution =
        directive === undefined || directive.argument === ''
          ? undefined
          : resolveEndpoint(directive.argument, endpoints);
      const args = (mode: string, endpointDeviceId?: string): unknown[] => [
        {
          uri: document.uri.toString(),
          startLine: block.startLine,
          endLine: block.endLine,
          mode,
          endpointDeviceId,
          endpointDirective:
            directive === undefined || endpointDeviceId !== undefined
              ? undefined
              : { argument: directive.argument, line: directive.line },
        },
      ];
      const to =
        resolution === undefined
          ? ''
          : resolution.kind === 'unknown'
            ? ` to "${directive?.argument ?? ''}" (not there now)`
            : ` to ${resolution.endpoint.name}`;
      const count = block.messages.length;
      const what = `${count} message${count === 1 ? '' : 's'}`;
      if (!block.timed) {
        lenses.push(
          new vscode.CodeLens(range, {
            title: `$(send) Send ${what}${to}`,
            command: 'midiScope.sendBlock',
            arguments: args('send'),
          }),
        );
      }
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(watch) Schedule${to}`,
          command: 'midiScope.sendBlock',
          arguments: args('schedule'),
        }),
      );
      if (lastEndpoint !== undefined && directive === undefined) {
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
      const summary = summaryUnder(decoded, readDisplaySettings(() => undefined).numbering);
      const label = `${decoded.name}${summary === '' ? '' : ` · ${summary}`}${message.problems.length > 0 ? ' ⚠' : ''}`;
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
