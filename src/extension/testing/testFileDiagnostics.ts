// Syntax errors of test files as editor diagnostics (squiggles and the Problems panel), with the
// position, the token and what was expected there.
import * as vscode from 'vscode';
import type { Diagnostic } from '../../testing';
import { spanRange } from './spanRange';

export class TestFileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('umptest');

  set(uri: vscode.Uri, diagnostics: readonly Diagnostic[]): void {
    this.collection.set(
      uri,
      diagnostics.map((d) => {
        const diagnostic = new vscode.Diagnostic(
          spanRange(d.span),
          `${d.message} (expected ${d.expected})`,
          vscode.DiagnosticSeverity.Error,
        );
        diagnostic.source = 'umptest';
        return diagnostic;
      }),
    );
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
