// midiScope.copyRowsAsCode: "Copy as Code…" in the monitor's context menu. The selected rows
// (webview/monitor/selectionContext.ts puts them in the menu's context) become code the way the
// editor's Copy Selection as Code writes it: the same language and word-order picks, the same
// generator; a multi-packet row (a SysEx, a Flex Data text) gives each of its messages.
import type * as vscode from 'vscode';
import { activeMonitor } from '../capture/captureFileIo';
import { UserFacingError, registerMidiCommand, type CommandServices } from '../commands/commandServices';
import { PacketWalk } from '../../views/monitor/capturePackets';
import type { MonitorApi, MonitorHandle } from '../../views/monitor';
import { codeOptions, copyCode, type CopiedCode } from './copyCode';

const title = 'Copy as Code';

interface SelectedRows {
  generation?: number;
  from: number;
  count: number;
}

function selectedRows(argument: unknown): SelectedRows {
  const rows = (typeof argument === 'object' && argument !== null ? argument : {}) as {
    midiScopeRows?: Partial<SelectedRows>;
  };
  const value = rows.midiScopeRows;
  if (value === undefined)
    throw new UserFacingError(`${title}: select rows in a MIDI monitor first, then right-click them.`);
  const { from, count, generation } = value;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(count) ||
    (from ?? -1) < 0 ||
    (count ?? 0) < 1 ||
    (generation !== undefined && !Number.isInteger(generation))
  )
    throw new TypeError(
      `midiScope.copyRowsAsCode: midiScopeRows must be { from, count[, generation] } with whole numbers, from >= 0 and count >= 1, got ${JSON.stringify(value)}`,
    );
  return value as SelectedRows;
}

async function copyRowsAsCode(monitors: readonly MonitorHandle[], argument: unknown): Promise<CopiedCode> {
  const rows = selectedRows(argument);
  const monitor = activeMonitor(monitors);
  if (monitor === undefined) throw new UserFacingError(`${title}: there is no active monitor.`);
  const { capture, endpoints } = monitor.captured;
  if (rows.generation !== undefined && rows.generation !== capture.generation)
    throw new UserFacingError(
      `${title}: the monitor was cleared or filtered after the rows were selected. Select them again.`,
    );
  const walk = new PacketWalk(capture, endpoints);
  const messages = Array.from(walk.viewRows(rows.from, rows.count), (packet) => packet.words.slice());
  if (walk.skipped > 0 || messages.length === 0)
    throw new UserFacingError(
      `${title}: ${walk.skipped > 0 ? `${walk.skipped} of the selected rows are` : 'the selected rows are'} no longer in the monitor (older rows were evicted or the view changed). Select them again.`,
    );
  // Chosen from the monitor's context menu, whose webview takes the focus back meanwhile.
  return copyCode(title, messages, { ...codeOptions(argument), ignoreFocusOut: true });
}

export function registerCopyRowsAsCode(services: CommandServices, monitor: MonitorApi): vscode.Disposable {
  return registerMidiCommand(services, 'midiScope.copyRowsAsCode', (argument) =>
    copyRowsAsCode(monitor.monitors, argument),
  );
}
