// One UmpDocumentModel per open `.ump` document version, so diagnostics, hovers, CodeLens and
// inlay hints share a parse.
import type * as vscode from 'vscode';
import { buildUmpDocumentModel, type UmpDocumentModel } from './umpDocumentModel';

export class UmpModelCache {
  private readonly models = new Map<string, { version: number; model: UmpDocumentModel }>();

  get(document: vscode.TextDocument): UmpDocumentModel {
    const key = document.uri.toString();
    const cached = this.models.get(key);
    if (cached !== undefined && cached.version === document.version) return cached.model;
    const model = buildUmpDocumentModel(document.getText());
    this.models.set(key, { version: document.version, model });
    return model;
  }

  forget(document: vscode.TextDocument): void {
    this.models.delete(document.uri.toString());
  }
}
