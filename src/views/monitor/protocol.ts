// The typed message protocol between the monitor panel (extension host) and its webview.
// Both sides import this file. Every message travels in an Envelope; requests get their answer
// in an envelope whose `inReplyTo` is the request's `id`. Row data travels as ArrayBuffers
// (layouts in rowsBlock.ts), never as arrays of numbers.
import type { UmpProblem } from '../../ump';

/** Every message kind, split by direction. Values are strings so logs and validation errors read well. */
export const enum MessageKind {
  // host → webview
  Init = 'init',
  Update = 'update',
  Rows = 'rows',
  Packets = 'packets',
  ViewReset = 'viewReset',
  ExportDone = 'exportDone',
  CopyDone = 'copyDone',
  RequestFailed = 'requestFailed',
  MidiCiLink = 'midiCiLink',
  DisplaySettings = 'displaySettings',
  LayoutSaved = 'layoutSaved',

  // webview → host
  Ready = 'ready',
  GetRows = 'getRows',
  GetPackets = 'getPackets',
  SetFilter = 'setFilter',
  SetViewState = 'setViewState',
  UpdateApplied = 'updateApplied',
  Clear = 'clear',
  Export = 'export',
  CopyRows = 'copyRows',
  FindMidiCiLink = 'findMidiCiLink',
  SaveLayout = 'saveLayout',
}

export interface Envelope<T> {
  /** Unique per sender, increasing. */
  id: number;
  /** The id of the request this message answers. */
  inReplyTo?: number;
  message: T;
}

// ---------------------------------------------------------------- shared shapes

/** One listened endpoint; rows refer to it by `index`. */
export interface EndpointLabel {
  index: number;
  endpointDeviceId: string;
  name: string;
}

/** What the view shows. Empty lists mean "any"; text is matched case-insensitively. */
export interface FilterSpec {
  endpoints: number[];
  groups: number[];
  channels: number[];
  messageTypes: number[];
  text: string;
  /** Only messages the conformance checker finds a problem in (absent: all). */
  problemsOnly?: boolean;
}

export const emptyFilter: FilterSpec = {
  endpoints: [],
  groups: [],
  channels: [],
  messageTypes: [],
  text: '',
};

export interface MonitorCounters {
  /** Messages (packets) received from the engine since the last clear. */
  received: number;
  /** Messages the engine dropped because a receive ring was full (statistics.dropped). */
  engineDropped: number;
  /** Messages that fell out of the capture ring to make room for newer ones. */
  evicted: number;
  /** Messages in the capture ring now. */
  captured: number;
  /** Capacity of the capture ring, in messages. */
  capacity: number;
  /** Received messages per second over the last second or so. */
  messagesPerSecond: number;
  /** Bytes the capture holds allocated (ring, row index, filter index): its limit. */
  captureBytes: number;
  /** The part of captureBytes the captured messages fill. */
  captureUsedBytes: number;
  /** MidiClock ticks when the capture started (the monitor opened or was cleared). */
  captureStartTicks: number;
  /** Indexes of listened endpoints that are gone (removed); the monitor reconnects when they return. */
  goneEndpoints: number[];
  /** Received messages (packets) the conformance checker found a problem in, since the last clear. */
  problems: number;
}

/**
 * The rows the current view holds: view indexes run from `start` (older ones were evicted)
 * to `end` (exclusive). Indexes only grow within a generation, so a row keeps its index
 * while the user looks at it. A new generation (clear, new filter) restarts the numbering.
 */
export interface ViewRange {
  generation: number;
  start: number;
  end: number;
  /** While a filter is still scanning older rows: rows scanned and rows to scan in all. */
  filterProgress: { scanned: number; total: number } | null;
}

/** Logical rows [from, from + count) of the view; layout in rowsBlock.ts. */
export interface RowsBlock {
  from: number;
  count: number;
  /** Timestamp of the view row just before `from`, for the first row's delta. */
  previousTimestamp: number | null;
  data: ArrayBuffer;
  /** Problems rows' first packets have in their stream (absent: none); see streamProblemsBlock.ts. */
  streamProblems?: StreamProblemsEntry[];
}

/** The packets of one logical row; layout in rowsBlock.ts. */
export interface PacketsBlock {
  count: number;
  data: ArrayBuffer;
  /** Problems packets have in their stream (absent: none). */
  streamProblems?: StreamProblemsEntry[];
}

/** The stream problems of the item at `index` of a block (a row or a packet). */
export interface StreamProblemsEntry {
  index: number;
  problems: UmpProblem[];
}

export type ExportFormat = 'hex' | 'json' | 'csv';

/** How group and channel numbers are shown: 1-16 (as most MIDI tools) or 0-15 (as the spec). */
export type Numbering = 'oneBased' | 'zeroBased';
export const numberings: readonly Numbering[] = ['oneBased', 'zeroBased'];

/** What the Time column shows. */
export type TimeDisplay = 'sinceStart' | 'timeOfDay' | 'ticks';
export const timeDisplays: readonly TimeDisplay[] = ['sinceStart', 'timeOfDay', 'ticks'];

/** The monitor's columns, in display order (webview/monitor/columns.ts names them). */
export const columnKeys = [
  'seq',
  'time',
  'delta',
  'endpoint',
  'group',
  'channel',
  'type',
  'name',
  'hex',
  'fields',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

/** A column as the user left it: a width in pixels (0: the default width) and whether it is hidden. */
export interface ColumnState {
  key: ColumnKey;
  widthPx: number;
  hidden: boolean;
}

/** Column widths and visibility and the time display: remembered for every monitor (global state). */
export interface MonitorLayout {
  columns: ColumnState[];
  time: TimeDisplay;
}

/** Settings of how values are shown (midiScope.display.*). */
export interface DisplaySettings {
  numbering: Numbering;
}

/** Maps engine ticks to wall-clock time: epoch milliseconds at tick 0. */
export interface ClockOrigin {
  epochMsAtTickZero: number;
}
export type ExportScope = 'all' | 'filtered';

// ---------------------------------------------------------------- host → webview

export interface InitMessage {
  kind: MessageKind.Init;
  endpoints: EndpointLabel[];
  /** MidiClock ticks per second, for timestamp display. */
  ticksPerSecond: number;
  filter: FilterSpec;
  view: ViewRange;
  counters: MonitorCounters;
  /** The layout saved last by any monitor (null: the defaults). */
  layout: MonitorLayout | null;
  display: DisplaySettings;
  clock: ClockOrigin;
}

/** The user changed a display setting: rows are redrawn with it. */
export interface DisplaySettingsMessage {
  kind: MessageKind.DisplaySettings;
  display: DisplaySettings;
}

/** Answers SaveLayout once the layout is stored. */
export interface LayoutSavedMessage {
  kind: MessageKind.LayoutSaved;
}

/** Sent at most ~30 times a second while the panel is visible and the last one was applied. */
export interface UpdateMessage {
  kind: MessageKind.Update;
  counters: MonitorCounters;
  view: ViewRange;
  /** The newest rows, when the webview follows the tail. */
  tail: RowsBlock | null;
}

export interface RowsMessage {
  kind: MessageKind.Rows;
  generation: number;
  block: RowsBlock;
}

export interface PacketsMessage {
  kind: MessageKind.Packets;
  generation: number;
  viewIndex: number;
  /** null when the row is no longer in the capture. */
  block: PacketsBlock | null;
}

/** The view was renumbered (clear or filter change); the webview drops what it cached. */
export interface ViewResetMessage {
  kind: MessageKind.ViewReset;
  view: ViewRange;
}

export interface ExportDoneMessage {
  kind: MessageKind.ExportDone;
  outcome: 'saved' | 'cancelled' | 'failed';
  /** Where it was saved, or why it failed. */
  detail: string;
  messagesWritten: number;
}

export interface CopyDoneMessage {
  kind: MessageKind.CopyDone;
  messagesCopied: number;
}

export interface RequestFailedMessage {
  kind: MessageKind.RequestFailed;
  reason: string;
}

/** The row that answers (or was answered by) a MIDI-CI row, in the same view generation. */
export interface MidiCiLinkMessage {
  kind: MessageKind.MidiCiLink;
  generation: number;
  /** null when there is none in the view; `reason` says why. */
  viewIndex: number | null;
  reason?: string;
}

export type ToWebviewMessage =
  | MidiCiLinkMessage
  | InitMessage
  | UpdateMessage
  | RowsMessage
  | PacketsMessage
  | ViewResetMessage
  | ExportDoneMessage
  | CopyDoneMessage
  | RequestFailedMessage
  | DisplaySettingsMessage
  | LayoutSavedMessage;

// ---------------------------------------------------------------- webview → host

export interface ReadyMessage {
  kind: MessageKind.Ready;
}

export interface GetRowsMessage {
  kind: MessageKind.GetRows;
  generation: number;
  from: number;
  count: number;
}

export interface GetPacketsMessage {
  kind: MessageKind.GetPackets;
  generation: number;
  viewIndex: number;
}

export interface SetFilterMessage {
  kind: MessageKind.SetFilter;
  filter: FilterSpec;
}

export interface SetViewStateMessage {
  kind: MessageKind.SetViewState;
  /** The webview shows the newest rows and wants them with each update. */
  following: boolean;
  /** Display frozen: the webview ignores new rows (capture continues). */
  paused: boolean;
  /** How many rows fit on screen: the size of the tail block. */
  tailRows: number;
}

/** Answers an UpdateMessage once it is on screen; the host posts the next one only after this. */
export interface UpdateAppliedMessage {
  kind: MessageKind.UpdateApplied;
  /** Received-message count of the update now on screen. */
  shownReceived: number;
}

export interface ClearMessage {
  kind: MessageKind.Clear;
}

export interface ExportMessage {
  kind: MessageKind.Export;
  format: ExportFormat;
  scope: ExportScope;
}

export interface CopyRowsMessage {
  kind: MessageKind.CopyRows;
  generation: number;
  from: number;
  count: number;
}

/** Asks for the reply of the MIDI-CI request at `viewIndex`, or the request of the reply there. */
export interface FindMidiCiLinkMessage {
  kind: MessageKind.FindMidiCiLink;
  generation: number;
  viewIndex: number;
}

/** The user resized, hid or showed a column or switched the time display. */
export interface SaveLayoutMessage {
  kind: MessageKind.SaveLayout;
  layout: MonitorLayout;
}

export type FromWebviewMessage =
  | FindMidiCiLinkMessage
  | ReadyMessage
  | GetRowsMessage
  | GetPacketsMessage
  | SetFilterMessage
  | SetViewStateMessage
  | UpdateAppliedMessage
  | ClearMessage
  | ExportMessage
  | CopyRowsMessage
  | SaveLayoutMessage;

/**
 * What the webview keeps in vscode.setState; the panel serializer reads `endpointDeviceIds`.
 * A paused display is not kept: after a reload the capture starts empty, and a frozen empty
 * view would only confuse.
 */
export interface MonitorWebviewState {
  endpointDeviceIds: string[];
  following: boolean;
  /** The detail pane is shown. */
  showDetails: boolean;
}

/** Limits both sides agree on; requests beyond them are rejected. */
export const protocolLimits = {
  maxRowsPerRequest: 4096,
  maxEndpoints: 255,
  maxFilterTextLength: 256,
  maxTailRows: 1024,
  maxColumnWidthPx: 4000,
} as const;
