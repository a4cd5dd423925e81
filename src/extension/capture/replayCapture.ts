// midiScope.replayCapture: a capture file (or the active monitor's capture) sent to an endpoint
// with its original timing through the engine's scheduler (one sendMultipleMessagesPacketList
// with a timestamp per message), at 0.25× to 4× or as fast as possible, optionally moved to one
// group. Progress shows in the status bar while messages are pending; a click cancels them.
import * as vscode from 'vscode';
import type { CaptureTable } from '../../capture/captureTable';
import { numberLabel } from '../../ump';
import type { MonitorHandle } from '../../views/monitor';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import { endpointIdArgument } from '../commands/commandArguments';
import {
  UserFacingError,
  failure,
  requireSender,
  type CommandFailure,
  type CommandServices,
} from '../commands/commandServices';
import { chooseEndpoint } from '../commands/sendDelivery';
import { Disposable } from '../disposable';
import type { UmpSender } from '../sending/umpSender';
import {
  activeMonitor,
  readCaptureFile,
  readingProblem,
  tableFromMonitor,
  type ViewRows,
} from './captureFileIo';
import { captureFileFilters } from './openCapture';
import { checkSpeed, remappedWords, replayOffsetsUs, replaySpeeds, type ReplaySpeed } from './replayTiming';

/** Time between the call and the first message, so the first ones are not late. */
const leadUs = 200_000;

export interface ReplayOptions {
  uri?: string;
  /** Replay the active monitor's capture (its filtered view) instead of a file. */
  monitor?: boolean;
  /** Only these rows of the active monitor's view (implies `monitor`); `generation` as the webview saw it. */
  rows?: ViewRows & { generation?: number };
  endpointDeviceId?: string;
  speed?: ReplaySpeed;
  /** 0–15: every grouped message goes to this group. */
  group?: number;
}

export type ReplayResult =
  | { ok: true; messages: number; endpointDeviceId: string; firstTimestamp: number; spanUs: number }
  | CommandFailure;

function replayOptions(argument: unknown): ReplayOptions {
  if (argument instanceof vscode.Uri) return { uri: argument.toString() };
  if (argument === undefined) return {};
  if (typeof argument !== 'object' || argument === null)
    throw new TypeError('midiScope.replayCapture takes a Uri or an options object');
  const options = argument as ReplayOptions;
  if (options.speed !== undefined) checkSpeed(options.speed);
  if (
    options.group !== undefined &&
    !(Number.isInteger(options.group) && options.group >= 0 && options.group <= 15)
  ) {
    throw new TypeError(`group must be 0 to 15, got ${String(options.group)}`);
  }
  if (options.endpointDeviceId !== undefined) endpointIdArgument('midiScope.replayCapture', options);
  if (options.rows !== undefined) {
    const { from, count, generation } = options.rows;
    if (
      !(Number.isInteger(from) && from >= 0 && Number.isInteger(count) && count >= 1) ||
      (generation !== undefined && !Number.isInteger(generation))
    )
      throw new TypeError(
        `rows must be { from, count[, generation] } with whole numbers, from >= 0 and count >= 1, got ${JSON.stringify(options.rows)}`,
      );
    return { ...options, monitor: true };
  }
  return options;
}

async function sourceTable(
  options: ReplayOptions,
  monitors: readonly MonitorHandle[],
): Promise<{ table: CaptureTable; ticksPerSecond: number; name: string } | undefined> {
  const monitor = options.monitor ? activeMonitor(monitors) : undefined;
  if (options.monitor) {
    if (!monitor) throw new UserFacingError('Replay Capture: there is no active monitor to replay.');
    const rows = options.rows;
    if (rows) checkRows(monitor, rows);
    return {
      table: tableFromMonitor(monitor, rows ?? 'view').table,
      ticksPerSecond: monitor.captured.ticksPerSecond,
      name: rows ? `${rows.count} selected row(s) of ${monitor.panel.title}` : monitor.panel.title,
    };
  }
  const uri = options.uri
    ? vscode.Uri.parse(options.uri)
    : (
        await vscode.window.showOpenDialog({
          title: 'Replay Capture',
          canSelectMany: false,
          filters: captureFileFilters,
        })
      )?.[0];
  if (!uri) return undefined;
  const file = await readCaptureFile(uri);
  const problem = readingProblem(file);
  if (problem)
    throw new UserFacingError(`Replay Capture: ${problem.replace(/ Opened .*$/, '')} Nothing was sent.`);
  return { table: file.reading.table, ticksPerSecond: file.reading.info.ticksPerSecond, name: file.name };
}

/** The rows must still be the ones selected: a clear or a new filter renumbers the view. */
function checkRows(monitor: MonitorHandle, rows: ViewRows & { generation?: number }): void {
  const { capture } = monitor.captured;
  if (rows.generation !== undefined && rows.generation !== capture.generation)
    throw new UserFacingError(
      'Replay Capture: the monitor was cleared or filtered after the rows were selected. Select them again.',
    );
  if (rows.from < capture.view.start || rows.from + rows.count > capture.view.end)
    throw new UserFacingError(
      `Replay Capture: rows ${rows.from}–${rows.from + rows.count - 1} are not in the monitor's view (${capture.view.start}–${capture.view.end - 1}): older rows were evicted or the view changed.`,
    );
}

// The prompts keep open when the focus moves: Replay runs from the monitor's context menu, whose
// webview takes the focus back as the command starts.
async function pickSpeed(): Promise<ReplaySpeed | undefined> {
  const picked = await vscode.window.showQuickPick(
    replaySpeeds.map((speed) => ({ label: speed === 'max' ? 'As fast as possible' : `${speed}×`, speed })),
    { title: 'Replay Capture: speed', ignoreFocusOut: true },
  );
  return picked?.speed;
}

async function pickGroup(): Promise<number | undefined | 'cancelled'> {
  const { numbering } = readDisplaySettings(() => undefined);
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Keep each message on its group', group: undefined as number | undefined },
      ...Array.from({ length: 16 }, (_, group) => ({
        label: `Move everything to group ${numberLabel(group, numbering)}`,
        group,
      })),
    ],
    { title: 'Replay Capture: groups', ignoreFocusOut: true },
  );
  return picked ? picked.group : 'cancelled';
}

export async function replayCapture(
  services: CommandServices,
  monitors: readonly MonitorHandle[],
  progressItem: ReplayStatusItem,
  argument: unknown,
): Promise<ReplayResult> {
  const options = replayOptions(argument);
  const sender = requireSender(services);
  const source = await sourceTable(options, monitors);
  if (!source) return failure('cancelled');
  if (source.table.count === 0)
    throw new UserFacingError(`Replay Capture: ${source.name} holds no messages.`);
  const endpoint = await chooseEndpoint(services, options.endpointDeviceId, `Replay ${source.name}`);
  if (!endpoint) return failure('cancelled');
  const speed = options.speed ?? (await pickSpeed());
  if (speed === undefined) return failure('cancelled');
  const group =
    options.endpointDeviceId !== undefined || options.speed !== undefined ? options.group : await pickGroup();
  if (group === 'cancelled') return failure('cancelled');
  const { MidiClock } = services.engineHost.require();
  const offsets = replayOffsetsUs(source.table, source.ticksPerSecond, speed);
  const start = MidiClock.offsetTimestampByMicroseconds(MidiClock.now(), leadUs);
  const messages = offsets.map((offset, index) => ({
    timestamp: speed === 'max' ? 0 : MidiClock.offsetTimestampByMicroseconds(start, offset),
    words: remappedWords(source.table, index, group),
  }));
  const outcome = sender.sendTimed(endpoint.endpointDeviceId, messages);
  if (outcome.messagesSent < messages.length) {
    const reason = `Replay Capture: ${outcome.messagesSent} of ${messages.length} message(s) were handed to ${endpoint.name}; the engine refused message ${outcome.messagesSent + 1}.`;
    services.log.error(reason);
    throw new UserFacingError(reason);
  }
  const spanUs = offsets[offsets.length - 1];
  if (speed !== 'max') progressItem.track(messages.length, source.name);
  services.log.info(
    `replay: ${messages.length} message(s) of ${source.name} to ${endpoint.name} at ${speed === 'max' ? 'full speed' : `${speed}×`}${group === undefined ? '' : `, on group ${numberLabel(group, readDisplaySettings(() => undefined).numbering)}`}`,
  );
  return {
    ok: true,
    messages: messages.length,
    endpointDeviceId: endpoint.endpointDeviceId,
    firstTimestamp: messages[0].timestamp,
    spanUs,
  };
}

/** "$(play) Replay 40% (1,200 of 3,000)" while a replay is pending; a click cancels it. */
export class ReplayStatusItem extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('midiScope.replay', vscode.StatusBarAlignment.Left, 49),
  );
  private timer: NodeJS.Timeout | undefined;
  private total = 0;

  constructor(private readonly sender: UmpSender | undefined) {
    super();
    this.item.name = 'MIDI Scope: replay';
    this.item.command = 'midiScope.cancelScheduled';
    this.register({ dispose: () => clearInterval(this.timer) });
  }

  track(total: number, name: string): void {
    this.total = total;
    this.item.tooltip = `Replaying ${name}. Click to cancel what is still scheduled.`;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.update(), 250);
    this.update();
  }

  private update(): void {
    const pending = this.sender?.pendingScheduled() ?? 0;
    if (pending === 0 || this.isDisposed) {
      this.item.hide();
      clearInterval(this.timer);
      return;
    }
    const sent = Math.max(0, this.total - pending);
    this.item.text = `$(play) Replay ${Math.floor((100 * sent) / Math.max(1, this.total))}% (${sent} of ${this.total})`;
    this.item.show();
  }
}
