// midiScope.compareCaptures: two captures side by side in VS Code's diff editor. Each side is a
// text rendering, one message per line with its decoded fields, aligned on the messages (not on
// time: see src/capture/captureCompare.ts), so the editor marks missing and added messages as
// removed and inserted lines and, inside a changed pair, the fields that differ. Its navigation,
// inline/side-by-side toggle and search come with it.
import * as vscode from 'vscode';
import { compareCaptures, compareTexts, type CompareOptions } from '../../capture/captureCompare';
import type { CaptureTable } from '../../capture/captureTable';
import type { MonitorHandle } from '../../views/monitor';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { UserFacingError, failure, type CommandFailure } from '../commands/commandServices';
import { activeMonitor, readCaptureFile, readingProblem, tableFromMonitor } from './captureFileIo';
import { captureFileFilters } from './openCapture';

export const compareScheme = 'midiscope-compare';

/** The texts the diff editor shows, by path; kept until the extension stops (they are small). */
export class CompareDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 1;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  add(name: string, text: string): vscode.Uri {
    const path = `/${this.next++}/${name}.txt`;
    this.texts.set(path, text);
    // Only the latest few comparisons stay: each holds two renderings.
    if (this.texts.size > 16) this.texts.delete(this.texts.keys().next().value as string);
    return vscode.Uri.from({ scheme: compareScheme, path });
  }
}

export interface CompareArguments extends CompareOptions {
  left?: string;
  right?: string;
  /** Use the active monitor's capture as the left side. */
  leftMonitor?: boolean;
}

export type CompareCommandResult =
  | {
      ok: true;
      same: number;
      changed: number;
      missing: number;
      added: number;
      ignored: [number, number];
      leftUri: string;
      rightUri: string;
    }
  | CommandFailure;

interface Side {
  table: CaptureTable;
  name: string;
}

async function fileSide(uriText: string | undefined, title: string): Promise<Side | undefined> {
  const uri = uriText
    ? vscode.Uri.parse(uriText)
    : (await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: captureFileFilters }))?.[0];
  if (!uri) return undefined;
  const file = await readCaptureFile(uri);
  const problem = readingProblem(file);
  if (problem) void vscode.window.showWarningMessage(`Compare Captures: ${problem}`);
  return { table: file.reading.table, name: file.name };
}

// Keeps open when the focus moves: Compare often runs over a monitor, whose webview takes the focus
// back as the command starts.
async function pickIgnored(): Promise<CompareOptions | undefined> {
  const items = [
    { label: 'JR clock and timestamps', key: 'ignoreJrTimestamps' as const, picked: true },
    { label: 'NOOPs', key: 'ignoreNoops' as const, picked: true },
    { label: 'Timing clock (0xF8)', key: 'ignoreClock' as const, picked: false },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Compare Captures: leave out',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return Object.fromEntries(picked.map((item) => [item.key, true]));
}

export async function compareCapturesCommand(
  documents: CompareDocuments,
  monitors: readonly MonitorHandle[],
  argument: unknown,
): Promise<CompareCommandResult> {
  const args = (typeof argument === 'object' && argument !== null ? argument : {}) as CompareArguments;
  let left: Side | undefined;
  if (args.leftMonitor) {
    const monitor = activeMonitor(monitors);
    if (!monitor) throw new UserFacingError('Compare Captures: there is no active monitor to compare.');
    left = {
      table: tableFromMonitor(monitor, 'view').table,
      name: monitor.panel.title.replace(/[\\/:]/g, '-'),
    };
  } else {
    left = await fileSide(args.left, 'Compare Captures: the first (left) capture');
  }
  if (!left) return failure('cancelled');
  const right = await fileSide(args.right, 'Compare Captures: the second (right) capture');
  if (!right) return failure('cancelled');
  const hasOptions =
    args.ignoreClock !== undefined ||
    args.ignoreJrTimestamps !== undefined ||
    args.ignoreNoops !== undefined ||
    args.left !== undefined;
  const options = hasOptions ? args : await pickIgnored();
  if (!options) return failure('cancelled');
  const result = compareCaptures(left.table, right.table, options);
  const { numbering } = readDisplaySettings(() => undefined);
  const texts = compareTexts(left.table, right.table, result, numbering);
  const leftUri = documents.add(left.name, texts.left);
  const rightUri = documents.add(right.name, texts.right);
  const summary = `${result.same} same, ${result.changed} changed, ${result.missing} missing, ${result.added} added${result.approximate ? ' (many differences: the middle is paired by position)' : ''}`;
  await vscode.commands.executeCommand(
    'vscode.diff',
    leftUri,
    rightUri,
    `${left.name} ↔ ${right.name}: ${summary}`,
  );
  return {
    ok: true,
    same: result.same,
    changed: result.changed,
    missing: result.missing,
    added: result.added,
    ignored: result.ignored,
    leftUri: leftUri.toString(),
    rightUri: rightUri.toString(),
  };
}
