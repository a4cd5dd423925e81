// `.ump` as a language (diagnostics, hover, CodeLens, inlay hints, formatter, `#endpoint`
// completion) and UMP hover in other languages' sources, registered together.
import * as vscode from 'vscode';
import type { CommandServices } from '../commands/commandServices';
import { EndpointDirectiveCompletion } from './endpointDirectiveProviders';
import { registerLanguageCommands } from './languageCommands';
import { registerSourceHexHover } from './sourceHexHover';
import { registerUmpDiagnostics, umpLanguageId } from './umpDiagnostics';
import {
  UmpCodeLensProvider,
  UmpFormattingProvider,
  UmpHoverProvider,
  UmpInlayHintsProvider,
  inlayHintsSetting,
} from './umpEditorProviders';
import { UmpModelCache } from './umpModelCache';
import { displaySettingsSection } from '../../views/monitor/displaySettings';

export function registerLanguageFeatures(services: CommandServices): vscode.Disposable[] {
  const cache = new UmpModelCache();
  const selector: vscode.DocumentSelector = { language: umpLanguageId };
  const codeLens = new UmpCodeLensProvider(cache, services.targets, services.catalog);
  const inlayHints = new UmpInlayHintsProvider(cache);
  const inlayChanged = new vscode.EventEmitter<void>();
  return [
    ...registerUmpDiagnostics(cache, services.catalog),
    vscode.languages.registerHoverProvider(selector, new UmpHoverProvider(cache, services.catalog)),
    vscode.languages.registerCompletionItemProvider(
      selector,
      new EndpointDirectiveCompletion(services.catalog),
      ' ',
      '"',
    ),
    // CodeLens titles name the endpoint an `#endpoint` line resolves to: again when they change.
    services.catalog.onDidChangeEndpoints(() => codeLens.refresh()),
    codeLens,
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    inlayChanged,
    vscode.languages.registerInlayHintsProvider(selector, {
      onDidChangeInlayHints: inlayChanged.event,
      provideInlayHints: (document, range) => inlayHints.provideInlayHints(document, range),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The hints number groups as the user does (a function block's groups): again when that flips.
      if (
        event.affectsConfiguration(`midiScope.${inlayHintsSetting}`) ||
        event.affectsConfiguration(`${displaySettingsSection}.numbering`)
      )
        inlayChanged.fire();
    }),
    vscode.languages.registerDocumentFormattingEditProvider(selector, new UmpFormattingProvider()),
    registerSourceHexHover(),
    ...registerLanguageCommands(services, () => codeLens.refresh()),
  ];
}
