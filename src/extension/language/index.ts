// `.ump` as a language (diagnostics, hover, CodeLens, inlay hints, formatter) and UMP hover in
// other languages' sources, registered together.
import * as vscode from 'vscode';
import type { CommandServices } from '../commands/commandServices';
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

export function registerLanguageFeatures(services: CommandServices): vscode.Disposable[] {
  const cache = new UmpModelCache();
  const selector: vscode.DocumentSelector = { language: umpLanguageId };
  const codeLens = new UmpCodeLensProvider(cache, services.targets, services.catalog);
  const inlayHints = new UmpInlayHintsProvider(cache);
  const inlayChanged = new vscode.EventEmitter<void>();
  return [
    ...registerUmpDiagnostics(cache),
    vscode.languages.registerHoverProvider(selector, new UmpHoverProvider(cache)),
    codeLens,
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    inlayChanged,
    vscode.languages.registerInlayHintsProvider(selector, {
      onDidChangeInlayHints: inlayChanged.event,
      provideInlayHints: (document, range) => inlayHints.provideInlayHints(document, range),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`midiScope.${inlayHintsSetting}`)) inlayChanged.fire();
    }),
    vscode.languages.registerDocumentFormattingEditProvider(selector, new UmpFormattingProvider()),
    registerSourceHexHover(),
    ...registerLanguageCommands(services, () => codeLens.refresh()),
  ];
}
