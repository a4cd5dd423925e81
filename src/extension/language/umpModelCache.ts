// One UmpDocumentModel per open `.ump` document version, so diagnostics, hovers, CodeLens and
// inlay hints share a parse. A new version is built from the last one: only the blocks the edit
// touched are parsed again (a hover right after typing in a long file stays quick).
import type * as vscode from 'vscode';
import { buildUmpDocumentModel, type BuiltUmpDocument, type UmpDocumentModel } from './umpDocumentModel';

export class UmpModelCache {
  private readonly models = new Map<string, BuiltUmpDocument & { version: number }>();

  get(document: vscode.TextDocument): UmpDocumentModel {
    const key = document.uri.toString();
    const cached = this.models.get(key);
    if (cached !== undefined && cached.version === document.version) return cached.model;
    const text = document.getText();
    const model = buildUmpDocumentModel(text, cached);
    this.models.set(key, { version: document.version, text, model });
    return model;
  }

  forget(document: vscode.TextDocument): void {
    this.models.delete(document.uri.toString());
  }
}
