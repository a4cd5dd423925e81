// The Test Explorer's tree: a TestItem per *.umptest file in the workspace and one per test in
// it, at its lines. Files are found at start and followed by a watcher; an open editor's text
// (saved or not) wins over the file on disk.
import * as vscode from 'vscode';
import { parseTestFile, type ParseResult } from '../../testing';
import { TestFileDiagnostics } from './testFileDiagnostics';

export const testFileGlob = '**/*.umptest';

export function testItemId(uri: vscode.Uri, testName: string): string {
  return `${uri.toString()}::${testName}`;
}

export class TestFileTree implements vscode.Disposable {
  private readonly diagnostics = new TestFileDiagnostics();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  /** The last parse of each file, by URI. */
  readonly parsed = new Map<string, ParseResult>();

  constructor(private readonly controller: vscode.TestController) {
    const watcher = vscode.workspace.createFileSystemWatcher(testFileGlob);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFromDisk(uri)),
      watcher.onDidChange((uri) => void this.refreshFromDisk(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidOpenTextDocument((document) => this.refreshFromDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.refreshFromDocument(event.document)),
    );
    for (const document of vscode.workspace.textDocuments) this.refreshFromDocument(document);
  }

  /** Finds every test file in the workspace. */
  async discover(): Promise<void> {
    const uris = await vscode.workspace.findFiles(testFileGlob, '**/node_modules/**');
    await Promise.all(uris.map((uri) => this.refreshFromDisk(uri)));
  }

  /** The file's current text: the open document's when there is one. */
  async textOf(uri: vscode.Uri): Promise<string> {
    const open = vscode.workspace.textDocuments.find(
      (document) => document.uri.toString() === uri.toString(),
    );
    if (open) return open.getText();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    try {
      this.update(uri, await this.textOf(uri));
    } catch {
      this.remove(uri); // gone between the event and the read
    }
  }

  private refreshFromDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'file' && document.uri.path.endsWith('.umptest')) {
      this.update(document.uri, document.getText());
    }
  }

  /** Parses `text` and makes the file's items and diagnostics match it. */
  update(uri: vscode.Uri, text: string): ParseResult {
    const result = parseTestFile(text);
    this.parsed.set(uri.toString(), result);
    this.diagnostics.set(uri, result.diagnostics);
    let fileItem = this.controller.items.get(uri.toString());
    if (fileItem === undefined) {
      fileItem = this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
      this.controller.items.add(fileItem);
    }
    fileItem.error =
      result.diagnostics.length > 0
        ? `${result.diagnostics.length} syntax error(s); the first on line ${result.diagnostics[0].span.line + 1}: ${result.diagnostics[0].message}`
        : undefined;
    const children = result.file.tests.map((test) => {
      const item = this.controller.createTestItem(testItemId(uri, test.name), test.name, uri);
      item.range = new vscode.Range(test.span.line, 0, test.endLine, 3);
      return item;
    });
    fileItem.children.replace(children);
    return result;
  }

  private remove(uri: vscode.Uri): void {
    this.controller.items.delete(uri.toString());
    this.parsed.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
