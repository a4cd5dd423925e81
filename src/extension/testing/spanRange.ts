// Where a test file's spans are in a VS Code document.
import * as vscode from 'vscode';
import type { Span } from '../../testing';

export function spanRange(span: Span): vscode.Range {
  return new vscode.Range(span.line, span.column, span.line, span.column + Math.max(span.length, 1));
}
