// One monitor panel: the capture, the engine connections that feed it, and the webview that
// shows it. Updates go out at most `updatesPerSecond` times a second, only while the panel is
// visible and only once the webview applied the previous one; a hidden panel gets nothing and
// catches up with one update when it is shown again.
import * as vscode from 'vscode';
import { Capture } from './capture';
import { packetsBlock, rowsBlock, tailBlock } from './captureBlocks';
import { findMidiCiCounterpart } from './midiCiCounterpart';
import { exportCapture, type ExportFolderMemory } from './captureExport';
import { rowsAsHex } from './capturePackets';
import { EndpointListener, type MonitorEngine } from './endpointListener';
import type { MonitorSource } from './monitorSource';
import type { MonitorSettings } from './monitorSettings';
import {
  MessageKind,
  type DisplaySettings,
  type EndpointLabel,
  type FromWebviewMessage,
  type MonitorCounters,
  type MonitorLayout,
  type ToWebviewMessage,
} from './protocol';
import { RateMeter } from './rateMeter';
import { rowSearchText } from './rowSearchText';
import { monitorHtml } from './webviewHtml';
import { WebviewMessenger } from './webviewMessenger';

/** An update unanswered this long is considered lost (the webview was reloaded). */
const updateAckTimeoutMs = 1000;
/** Time a filter may scan per slice before yielding the event loop. */
const filterScanSliceMs = 4;
/** Copying more rows than this to the clipboard is cut short (the webview says how many). */
const maxCopiedMessages = 200_000;
/** Packets of one row sent for its expansion or details. */
const maxPacketsPerRow = 4096;

export interface MonitorPanelDependencies {
  engine: MonitorEngine;
  ticksPerSecond: number;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  settings: MonitorSettings;
  /** Where messages come from instead of the endpoints (a capture file); fills the capture once. */
  source?: (capture: Capture) => MonitorSource;
  /** Column widths and visibility, shared by every monitor. */
  layout: { get(): MonitorLayout | null; save(layout: MonitorLayout): Thenable<void> };
  /** How values are shown now (midiScope.display.*). */
  display(): DisplaySettings;
  /** The folder the last export went to. */
  exportFolder: ExportFolderMemory;
}

/** What tests and benchmarks read from an open monitor. */
export interface MonitorCounterSnapshot extends MonitorCounters {
  /** Update-timer ticks so far (whether or not they posted anything). */
  ticks: number;
  /** Updates posted to the webview. */
  updatesPosted: number;
  /** Received-message count of the last update the webview put on screen. */
  shown: number;
  /** Messages from the webview rejected by validation. */
  rejectedMessages: number;
}

export interface MonitorHandle {
  readonly panel: vscode.WebviewPanel;
  /** Endpoints the monitor was asked to listen to. */
  readonly endpointDeviceIds: readonly string[];
  /** Endpoints it actually has open connections to. */
  readonly listenedEndpointIds: readonly string[];
  readonly counters: MonitorCounterSnapshot;
  /** True once the webview loaded and said it is ready. */
  readonly isWebviewReady: boolean;
  readonly onDidDispose: vscode.Event<void>;
  /** The capture itself, for Save, Replay, Compare and the measurements. */
  readonly captured: { capture: Capture; endpoints: readonly EndpointLabel[]; ticksPerSecond: number };
  dispose(): void;
}

interface ViewState {
  following: boolean;
  paused: boolean;
  tailRows: number;
}

export class MonitorPanel implements MonitorHandle {
  private readonly capture: Capture;
  private readonly listener: MonitorSource;
  private readonly messenger: WebviewMessenger;
  private readonly rate = new RateMeter();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly timer: NodeJS.Timeout;
  private viewState: ViewState = { following: true, paused: false, tailRows: 0 };
  private webviewReady = false;
  private updateInFlightSince: number | undefined;
  private ticks = 0;
  private updatesPosted = 0;
  private shown = 0;
  private messagesPerSecond = 0;
  private scanPending = false;
  private disposed = false;
  private captureStartTicks: number;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly endpoints: readonly EndpointLabel[],
    private readonly deps: MonitorPanelDependencies,
  ) {
    const names = endpoints.map((endpoint) => endpoint.name);
    this.capture = new Capture(deps.settings.captureMessages, (row) => rowSearchText(row, names));
    this.captureStartTicks = deps.engine.MidiClock.now();
    this.listener = deps.source
      ? deps.source(this.capture)
      : new EndpointListener(
          deps.engine,
          endpoints,
          this.capture,
          deps.log,
          Math.floor(1000 / deps.settings.updatesPerSecond),
          () => this.onEndpointsChanged(),
        );
    // A capture from a file started with its first message.
    if (deps.source && this.capture.ring.size > 0)
      this.captureStartTicks = this.capture.ring.timestamp(this.capture.ring.firstSeq);
    this.messenger = new WebviewMessenger(panel.webview, deps.log, (message) => this.handle(message));
    this.showTitle();
    panel.webview.html = monitorHtml(panel.webview, deps.extensionUri);
    this.subscriptions.push(
      this.messenger,
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.tick();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.timer = setInterval(() => this.tick(), 1000 / deps.settings.updatesPerSecond);
    for (const failure of this.listener.failures) {
      void vscode.window.showWarningMessage(
        `MIDI Monitor cannot listen to ${failure.endpointDeviceId}: ${failure.reason}`,
      );
    }
  }

  get endpointDeviceIds(): readonly string[] {
    return this.endpoints.map((endpoint) => endpoint.endpointDeviceId);
  }

  get listenedEndpointIds(): readonly string[] {
    return this.listener.listenedEndpointIds;
  }

  /** Indexes of the endpoints that are gone now. */
  get goneEndpoints(): readonly number[] {
    return this.listener.goneEndpoints;
  }

  /** Redraws the rows with changed display settings. */
  showDisplaySettings(display: DisplaySettings): void {
    if (this.webviewReady) void this.messenger.post({ kind: MessageKind.DisplaySettings, display });
  }

  get captured(): MonitorHandle['captured'] {
    return { capture: this.capture, endpoints: this.endpoints, ticksPerSecond: this.deps.ticksPerSecond };
  }

  get isWebviewReady(): boolean {
    return this.webviewReady;
  }

  get counters(): MonitorCounterSnapshot {
    return {
      ...this.monitorCounters(),
      ticks: this.ticks,
      updatesPosted: this.updatesPosted,
      shown: this.shown,
      rejectedMessages: this.messenger.rejected,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.timer);
    this.listener.dispose();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private showTitle(): void {
    const gone = new Set(this.listener.goneEndpoints);
    const names = this.endpoints.map((e) => (gone.has(e.index) ? `${e.name} (gone)` : e.name));
    this.panel.title = `MIDI Monitor: ${names.join(', ')}`;
  }

  private onEndpointsChanged(): void {
    if (this.disposed) return;
    this.showTitle();
    // Say it at once rather than at the next tick.
    this.updateInFlightSince = undefined;
    this.tick();
  }

  private monitorCounters(): MonitorCounters {
    const ring = this.capture.ring;
    return {
      received: this.capture.received,
      engineDropped: this.listener.engineDropped,
      evicted: this.capture.evicted,
      captured: this.capture.ring.size,
      capacity: this.capture.ring.capacity,
      messagesPerSecond: this.messagesPerSecond,
      captureBytes: this.capture.allocatedBytes,
      captureUsedBytes: Math.round((this.capture.allocatedBytes * ring.size) / ring.capacity),
      captureStartTicks: this.captureStartTicks,
      goneEndpoints: this.listener.goneEndpoints,
      problems: this.capture.problems,
    };
  }

  private tick(): void {
    if (this.disposed) return;
    this.ticks++;
    const now = performance.now();
    this.messagesPerSecond = this.rate.sample(now, this.capture.received);
    this.scanFilter();
    if (!this.panel.visible || !this.webviewReady) return;
    if (this.updateInFlightSince !== undefined && now - this.updateInFlightSince < updateAckTimeoutMs) return;
    const { following, paused, tailRows } = this.viewState;
    const update: ToWebviewMessage = {
      kind: MessageKind.Update,
      counters: this.monitorCounters(),
      view: this.capture.viewRange(),
      tail: following && !paused && tailRows > 0 ? tailBlock(this.capture, tailRows) : null,
    };
    this.updateInFlightSince = now;
    this.updatesPosted++;
    void this.messenger.post(update);
  }

  /** Lets an active filter catch up in slices, yielding the event loop between them. */
  private scanFilter(): void {
    if (this.scanPending || this.capture.scanFilter(filterScanSliceMs)) return;
    this.scanPending = true;
    setImmediate(() => {
      this.scanPending = false;
      if (!this.disposed) this.scanFilter();
    });
  }

  private async handle(message: FromWebviewMessage): Promise<ToWebviewMessage | undefined> {
    const capture = this.capture;
    switch (message.kind) {
      case MessageKind.Ready:
        this.webviewReady = true;
        this.updateInFlightSince = undefined;
        return {
          kind: MessageKind.Init,
          endpoints: [...this.endpoints],
          ticksPerSecond: this.deps.ticksPerSecond,
          filter: capture.filter,
          view: capture.viewRange(),
          counters: this.monitorCounters(),
          layout: this.deps.layout.get(),
          display: this.deps.display(),
          clock: {
            epochMsAtTickZero:
              Date.now() - (this.deps.engine.MidiClock.now() * 1000) / this.deps.ticksPerSecond,
          },
        };
      case MessageKind.UpdateApplied:
        this.updateInFlightSince = undefined;
        this.shown = Math.max(this.shown, message.shownReceived);
        return undefined;
      case MessageKind.SetViewState:
        this.viewState = { following: message.following, paused: message.paused, tailRows: message.tailRows };
        return undefined;
      case MessageKind.GetRows:
        if (message.generation !== capture.generation) return this.staleView();
        return {
          kind: MessageKind.Rows,
          generation: capture.generation,
          block: rowsBlock(capture, message.from, message.count),
        };
      case MessageKind.GetPackets:
        if (message.generation !== capture.generation) return this.staleView();
        return {
          kind: MessageKind.Packets,
          generation: capture.generation,
          viewIndex: message.viewIndex,
          block: packetsBlock(capture, message.viewIndex, maxPacketsPerRow),
        };
      case MessageKind.FindMidiCiLink: {
        if (message.generation !== capture.generation) return this.staleView();
        const link = findMidiCiCounterpart(capture, message.viewIndex);
        return link.found
          ? { kind: MessageKind.MidiCiLink, generation: capture.generation, viewIndex: link.viewIndex }
          : {
              kind: MessageKind.MidiCiLink,
              generation: capture.generation,
              viewIndex: null,
              reason: link.reason,
            };
      }
      case MessageKind.SetFilter:
        capture.setFilter(message.filter);
        this.scanFilter();
        return { kind: MessageKind.ViewReset, view: capture.viewRange() };
      case MessageKind.Clear:
        capture.clear();
        if (!this.deps.source) this.captureStartTicks = this.deps.engine.MidiClock.now();
        this.listener.resetDropped();
        this.rate.reset();
        this.shown = 0;
        return { kind: MessageKind.ViewReset, view: capture.viewRange() };
      case MessageKind.CopyRows: {
        if (message.generation !== capture.generation) return this.staleView();
        const copied = rowsAsHex(
          capture,
          this.endpoints,
          this.deps.ticksPerSecond,
          message.from,
          message.count,
          maxCopiedMessages,
        );
        await vscode.env.clipboard.writeText(copied.text);
        return { kind: MessageKind.CopyDone, messagesCopied: copied.messages };
      }
      case MessageKind.Export:
        return {
          kind: MessageKind.ExportDone,
          ...(await exportCapture(capture, message.format, message.scope, {
            endpoints: this.endpoints,
            ticksPerSecond: this.deps.ticksPerSecond,
            log: this.deps.log,
            folder: this.deps.exportFolder,
          })),
        };
      case MessageKind.SaveLayout:
        await this.deps.layout.save(message.layout);
        return { kind: MessageKind.LayoutSaved };
    }
  }

  private staleView(): ToWebviewMessage {
    return {
      kind: MessageKind.RequestFailed,
      reason: 'the view changed (cleared or filtered) before this request',
    };
  }
}
