// Diagnostics as you type in `.ump` files: a block's parse error (where, the token, what was
// expected), the conformance problems of every message on the bits they concern (errors red,
// reserved bits and other warnings yellow, notes blue), what the parser skipped, and `#endpoint`
// lines that name no endpoint the engine has now (again when endpoints come and go). Group and
// channel numbers in the problems follow midiScope.display.numbering, again when it changes.
import * as vscode from 'vscode';
import { showNumbered, type GroupChannelNumbering } from '../../ump';
import { displaySettingsSection, readDisplaySettings } from '../../views/monitor/displaySettings';
import { endpointDirectiveProblem, type NamedEndpoint } from './endpointDirectives';
import { problemTextRange } from './problemRanges';
import type { UmpModelCache } from './umpModelCache';

export const umpLanguageId = 'ump';
const settleMs = 150;

const severities = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

/** The endpoints `#endpoint` lines are checked against, and when that list changes. */
export interface EndpointList {
  findAll(): readonly NamedEndpoint[];
  readonly onDidChangeEndpoints: vscode.Event<void>;
}

export function umpDiagnostics(
  document: vscode.TextDocument,
  cache: UmpModelCache,
  endpoints: readonly NamedEndpoint[],
  numbering: GroupChannelNumbering = 'oneBased',
): vscode.Diagnostic[] {
  const model = cache.get(document);
  const text = document.getText();
  const range = (offset: number, length: number): vscode.Range =>
    new vscode.Range(document.positionAt(offset), document.positionAt(offset + Math.max(length, 1)));
  const diagnostics: vscode.Diagnostic[] = [];
  for (const block of model.blocks) {
    if (block.error !== undefined) {
      const { error } = block;
      const diagnostic = new vscode.Diagnostic(
        range(error.offset, error.length),
        `${error.message} (expected ${error.expected})`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'MIDI Scope';
      diagnostic.code = 'parse';
      diagnostics.push(diagnostic);
    }
    for (const skipped of block.skipped) {
      const diagnostic = new vscode.Diagnostic(
        range(skipped.offset, skipped.length),
        `Skipped: ${skipped.reason}`,
        vscode.DiagnosticSeverity.Hint,
      );
      diagnostic.source = 'MIDI Scope';
      diagnostic.code = 'skipped';
      diagnostics.push(diagnostic);
    }
    for (const message of block.messages) {
      for (const problem of message.problems) {
        const where = problemTextRange(message, problem, text);
        const diagnostic = new vscode.Diagnostic(
          range(where.offset, where.length),
          showNumbered(problem.text, numbering),
          severities[problem.severity],
        );
        diagnostic.source = 'MIDI Scope';
        diagnostic.code = problem.code;
        diagnostics.push(diagnostic);
      }
    }
  }
  for (const directive of model.endpointDirectives) {
    const problem = endpointDirectiveProblem(directive, endpoints);
    if (problem === undefined) continue;
    const diagnostic = new vscode.Diagnostic(
      directive.argument === ''
        ? range(directive.offset, directive.length)
        : range(directive.argumentOffset, directive.argumentLength),
      problem.text,
      severities[problem.severity],
    );
    diagnostic.source = 'MIDI Scope';
    diagnostic.code = problem.code;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Keeps the collection in step with open `.ump` documents, a short settle after each edit. */
export function registerUmpDiagnostics(cache: UmpModelCache, endpoints: EndpointList): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('midiScope.ump');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = (document: vscode.TextDocument): void => {
    if (document.languageId !== umpLanguageId) return;
    const { numbering } = readDisplaySettings(() => undefined);
    collection.set(document.uri, umpDiagnostics(document, cache, endpoints.findAll(), numbering));
  };
  const schedule = (document: vscode.TextDocument): void => {
    if (document.languageId !== umpLanguageId) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        update(document);
      }, settleMs),
    );
  };
  vscode.workspace.textDocuments.forEach(update);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    // Devices come and go: an `#endpoint` warning comes or goes with them.
    endpoints.onDidChangeEndpoints(() => vscode.workspace.textDocuments.forEach(update)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(displaySettingsSection)) vscode.workspace.textDocuments.forEach(update);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => schedule(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      collection.delete(document.uri);
      cache.forget(document);
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  ];
}
