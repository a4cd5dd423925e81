// What the send commands read from the editor, and how a parse error is shown in it.
import * as vscode from 'vscode';
import type { UmpParseProblem } from './umpMessages';

export interface EditorUmpText {
  text: string;
  /** Document offset where `text` starts, to map parser positions back into the document. */
  startOffset: number;
  /** 0-based document line where `text` starts, to number messages by document line. */
  firstLine: number;
}

/** The primary selection, or the cursor's line when nothing is selected. */
export function selectedUmpText(editor: vscode.TextEditor): EditorUmpText {
  const { document, selection } = editor;
  const range = selection.isEmpty ? document.lineAt(selection.active.line).range : selection;
  return {
    text: document.getText(range),
    startOffset: document.offsetAt(range.start),
    firstLine: range.start.line,
  };
}

/**
 * Selects the offending text in the editor and says where it is in the document (not in the
 * selection): "file:line:column" of the bad character, and its range.
 */
export function revealParseProblem(
  editor: vscode.TextEditor,
  source: EditorUmpText,
  problem: UmpParseProblem,
): { where: string; range: vscode.Range } {
  const { document } = editor;
  const start = document.positionAt(source.startOffset + problem.offset);
  const end = document.positionAt(source.startOffset + problem.offset + Math.max(problem.length, 0));
  editor.selection = new vscode.Selection(start, end);
  const range = new vscode.Range(start, end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return {
    where: `${vscode.workspace.asRelativePath(document.uri)}:${start.line + 1}:${start.character + 1}`,
    range,
  };
}
