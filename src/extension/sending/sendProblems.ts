// Parse errors of the hex a send read from an editor, as diagnostics on their lines (the
// notification carries only a short sentence). A document's entry goes when it is edited or
// closed, and when a later send from it parses.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';

const source = 'MIDI Scope send';

export class SendProblems extends Disposable {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('midiScope.send'));

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.diagnostics.delete(event.document.uri);
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => this.diagnostics.delete(document.uri)),
    );
  }

  /**
   * Puts `message` on `range`, unless another source (the ump language's own diagnostics)
   * already reports a problem there: one message per problem.
   */
  report(uri: vscode.Uri, range: vscode.Range, message: string): void {
    const covered = vscode.languages
      .getDiagnostics(uri)
      .some((existing) => existing.source !== source && existing.range.intersection(range) !== undefined);
    if (covered) {
      this.diagnostics.delete(uri);
      return;
    }
    const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = source;
    this.diagnostics.set(uri, [diagnostic]);
  }

  clear(uri: vscode.Uri): void {
    this.diagnostics.delete(uri);
  }

  /** The diagnostics shown for `uri` (for tests). */
  of(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }
}
