// The monitor webview: wires the host connection, the row cache, the virtual grid, the toolbar,
// the counters and the detail pane. The host holds the capture; this side holds only what is on
// screen (plus a few screens of cache) and draws at most once per animation frame.
import {
  MessageKind,
  protocolLimits,
  type FilterSpec,
  type ColumnKey,
  type InitMessage,
  type MonitorCounters,
  type MonitorLayout,
  type ToWebviewMessage,
  type UpdateMessage,
  type ViewRange,
} from '../../src/views/monitor/protocol';
import { rowFlagOpen, type PacketRecord } from '../../src/views/monitor/rowsBlock';
import {
  defaultLayout,
  detailsPlacement,
  neededWidthPx,
  normalizeLayout,
  resizeColumn,
  setColumnHidden,
} from './columnLayout';
import type { RowCells } from './columns';
import { CountersBar } from './countersBar';
import { DetailPane, type DetailSubject } from './detailPane';
import { DisplayRows, type DisplayLocation } from './displayRows';
import { HostConnection } from './hostConnection';
import { midiCiLinkButton } from './midiCiLinkButton';
import { PacketLists } from './packetLists';
import { RowCache } from './rowCache';
import { packetLineCells, rowCells, rowLabel, type PresentationContext } from './rowPresentation';
import { offerSelectionToContextMenu } from './selectionContext';
import { timeHeaders } from './timeFormat';
import { Toolbar } from './toolbar';
import { VirtualGrid, type GridRowContent } from './virtualGrid';

/** How long a notice (copied, exported, failed) stays in the status line. */
const noticeMs = 15_000;

const emptyRange: ViewRange = { generation: 0, start: 0, end: 0, filterProgress: null };

export class MonitorApp {
  private readonly host: HostConnection;
  private readonly display = new DisplayRows();
  private readonly cache: RowCache<RowCells>;
  private readonly packetLists: PacketLists;
  private readonly grid: VirtualGrid;
  private readonly toolbar: Toolbar;
  private readonly countersBar = new CountersBar();
  private readonly details = new DetailPane();
  private readonly notice: HTMLElement;
  private readonly endpointState: HTMLElement;
  private readonly main: HTMLElement;
  private context: PresentationContext = {
    endpoints: [],
    ticksPerSecond: 1,
    captureStartTicks: 0,
    epochMsAtTickZero: 0,
    numbering: 'oneBased',
    time: 'sinceStart',
  };
  private layout: MonitorLayout = defaultLayout();
  /** Width of one character of the grid's font, measured once it is on screen. */
  private chPx = 0;
  private endpointDeviceIds: string[] = [];
  private counters: MonitorCounters | undefined;
  /** The range on screen (frozen while paused). */
  private shownRange: ViewRange = emptyRange;
  /** The host's newest range, also while paused. */
  private hostRange: ViewRange = emptyRange;
  private following = true;
  private paused = false;
  private showDetailsPane = true;
  private sentViewState = '';
  private frameRequested = false;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Received count of an update to acknowledge once it is drawn. */
  private ackPending: number | undefined;

  constructor(root: HTMLElement) {
    this.host = new HostConnection((message) => this.onHostMessage(message));
    const saved = this.host.getState();
    if (saved) {
      // Saved by an older version, maybe: take only what has the right type.
      this.following = saved.following !== false;
      this.showDetailsPane = saved.showDetails !== false;
    }
    this.cache = new RowCache<RowCells>(
      (from, count) => this.fetchRows(from, count),
      () => this.requestFrame(),
      (error) => this.showNotice(`Could not load rows: ${error.message}`),
    );
    this.packetLists = new PacketLists(
      (viewIndex) => this.fetchPackets(viewIndex),
      (viewIndex) => this.display.isExpanded(viewIndex),
    );
    this.grid = new VirtualGrid(
      this.display,
      {
        content: (location) => this.content(location),
        prefetch: (from, to) => this.prefetch(from, to),
        onFocusChange: (focus) => void this.showDetails(focus),
        onToggleExpand: (location, expand) => void this.toggleExpand(location.viewIndex, expand),
        onActivate: (location) => this.activate(location),
        onCopy: () => void this.copySelection(),
        onUserMove: (atEnd) => this.setFollowing(atEnd && this.focusIsLast()),
        onResizeColumn: (key, widthPx, done) => this.setLayout(resizeColumn(this.layout, key, widthPx), done),
      },
      'Received MIDI messages',
    );
    this.toolbar = new Toolbar({
      onTogglePause: () => this.setPaused(!this.paused),
      onToggleFollow: () => this.setFollowing(!this.following),
      onClear: () => void this.resetFrom(this.host.request({ kind: MessageKind.Clear })),
      onFilterChange: (filter) => void this.setFilter(filter),
      onCopy: () => void this.copySelection(),
      onToggleDetails: () => this.setShowDetails(!this.showDetailsPane),
      onExport: (format, scope) => void this.export(format, scope),
      onTimeDisplay: (time) => this.setLayout({ ...this.layout, time }, true),
      onColumnHidden: (key: ColumnKey, hidden) =>
        this.setLayout(setColumnHidden(this.layout, key, hidden), true),
      onResetColumns: () =>
        this.setLayout(
          { ...this.layout, columns: this.layout.columns.map((c) => ({ ...c, widthPx: 0 })) },
          true,
        ),
    });
    this.notice = document.createElement('div');
    this.notice.className = 'notice';
    this.notice.setAttribute('role', 'status');
    this.endpointState = document.createElement('div');
    this.endpointState.className = 'endpoint-state';
    this.endpointState.setAttribute('role', 'status');
    const main = document.createElement('div');
    main.className = 'main';
    main.append(this.grid.element, this.details.element);
    this.details.midiCiLink = (subject) => midiCiLinkButton(subject.packets, () => this.followMidiCiLink());
    this.main = main;
    root.append(this.toolbar.element, this.countersBar.element, this.endpointState, this.notice, main);
    new ResizeObserver(() => this.placeDetails()).observe(main);
    this.applyLayout();
    this.details.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.grid.element.focus();
    });
    new ResizeObserver(() => this.sendViewState()).observe(this.grid.element);
    offerSelectionToContextMenu(this.grid.element, () => {
      const range = this.grid.selectionRange();
      if (!range) return undefined;
      const from = this.display.locate(range.from).viewIndex;
      const count = this.display.locate(range.to).viewIndex - from + 1;
      return { generation: this.shownRange.generation, from, count };
    });
    this.details.element.hidden = !this.showDetailsPane;
    this.toolbar.showState(this.paused, this.following, this.showDetailsPane);
  }

  async start(): Promise<void> {
    const init = await this.host.request({ kind: MessageKind.Ready });
    if (init.kind === MessageKind.Init) this.applyInit(init);
  }

  // ------------------------------------------------------------ messages from the host

  private onHostMessage(message: ToWebviewMessage): void {
    try {
      switch (message.kind) {
        case MessageKind.Init:
          this.applyInit(message);
          break;
        case MessageKind.Update:
          this.applyUpdate(message);
          break;
        case MessageKind.ViewReset:
          this.applyReset(message.view);
          break;
        case MessageKind.DisplaySettings:
          this.context = { ...this.context, numbering: message.display.numbering };
          this.toolbar.showNumbering(message.display.numbering);
          this.redecode();
          break;
        default:
          // Other kinds only come as replies to requests.
          break;
      }
    } catch (error) {
      // A message this webview cannot read (a row block that did not arrive whole) must not
      // leave the view silently stale.
      this.showNotice(
        `Could not apply the host's ${message.kind}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private applyInit(init: InitMessage): void {
    this.context = {
      ...this.context,
      endpoints: init.endpoints,
      ticksPerSecond: init.ticksPerSecond,
      captureStartTicks: init.counters.captureStartTicks,
      epochMsAtTickZero: init.clock.epochMsAtTickZero,
      numbering: init.display.numbering,
    };
    this.endpointDeviceIds = init.endpoints.map((endpoint) => endpoint.endpointDeviceId);
    this.counters = init.counters;
    this.toolbar.showNumbering(init.display.numbering);
    this.layout = normalizeLayout(init.layout);
    this.applyLayout();
    this.showEndpointState(init.counters.goneEndpoints);
    this.toolbar.setEndpoints(init.endpoints, init.filter);
    this.toolbar.showFilter(init.filter);
    this.saveState();
    this.applyReset(init.view);
    this.sendViewState();
  }

  private applyUpdate(update: UpdateMessage): void {
    this.counters = update.counters;
    this.showEndpointState(update.counters.goneEndpoints);
    if (update.counters.captureStartTicks !== this.context.captureStartTicks) {
      this.context = { ...this.context, captureStartTicks: update.counters.captureStartTicks };
      this.redecode();
    }
    if (update.view.generation !== this.hostRange.generation) {
      // Sent before a reset this webview already applied (or will get): only its counters count.
      this.ackPending = this.ackPending ?? this.shownReceived();
      this.requestFrame();
      return;
    }
    this.hostRange = update.view;
    if (!this.paused) {
      this.showRange(update.view);
      this.cache.dropOpenRows();
      // Incomplete messages grow: fetch their packets again (keeping open rows open).
      for (const viewIndex of this.packetLists.dropIncomplete()) {
        if (this.display.isExpanded(viewIndex)) void this.toggleExpand(viewIndex, true);
      }
      if (update.tail) this.cache.insert(update.tail);
    }
    this.ackPending = this.shownReceived();
    this.requestFrame();
  }

  private applyReset(view: ViewRange): void {
    this.cache.reset();
    this.packetLists.reset();
    this.display.clearExpansions();
    this.hostRange = view;
    this.showRange(view);
    this.grid.reset();
    this.requestFrame();
  }

  private showRange(view: ViewRange): void {
    this.shownRange = view;
    this.display.setRange(view.start, view.end);
    this.cache.dropOutside(view.start, view.end);
    this.packetLists.dropBefore(view.start);
  }

  /** What the host counts as shown: the received total of what is on screen. */
  private shownReceived(): number {
    return this.paused ? 0 : (this.counters?.received ?? 0);
  }

  // ------------------------------------------------------------ layout and display

  /** Takes a new layout; `save` keeps it for every monitor (while dragging, only at the end). */
  private setLayout(layout: MonitorLayout, save: boolean): void {
    const timeChanged = layout.time !== this.layout.time;
    this.layout = layout;
    this.applyLayout();
    if (timeChanged) this.redecode();
    if (save) void this.saveLayout(layout);
  }

  /**
   * Stores the layout for every monitor. The grid says how many saves are on their way and how
   * many the host confirmed (data-layout-pending, data-layout-saves), for whoever needs to know
   * that a layout is stored.
   */
  private async saveLayout(layout: MonitorLayout): Promise<void> {
    const grid = this.grid.element.dataset;
    grid.layoutPending = String(Number(grid.layoutPending ?? '0') + 1);
    try {
      const reply = await this.host.request({ kind: MessageKind.SaveLayout, layout });
      if (reply.kind === MessageKind.LayoutSaved)
        grid.layoutSaves = String(Number(grid.layoutSaves ?? '0') + 1);
    } catch (error) {
      this.showNotice(
        `The column layout was not saved: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      grid.layoutPending = String(Number(grid.layoutPending) - 1);
    }
  }

  private applyLayout(): void {
    const names = this.context.endpoints.map((endpoint) => endpoint.name);
    this.context = { ...this.context, time: this.layout.time };
    this.chPx = measureCharacter(this.grid.element);
    this.grid.setLayout(this.layout, names, timeHeaders[this.layout.time], this.chPx);
    this.toolbar.showLayout(this.layout);
    this.placeDetails();
  }

  /** The details beside the rows when both fit, else below them, so no fixed column is cut. */
  private placeDetails(): void {
    // The font may have loaded (or the zoom changed) since the columns were sized.
    if (Math.abs(measureCharacter(this.grid.element) - this.chPx) > 0.01) {
      this.applyLayout();
      return;
    }
    if (this.chPx === 0) return;
    const width = this.main.clientWidth;
    const em = parseFloat(getComputedStyle(document.body).fontSize) || 13;
    const detailsPx = Math.min(36 * em, Math.max(13 * em, 0.22 * width));
    const needs = neededWidthPx(
      this.layout,
      this.context.endpoints.map((endpoint) => endpoint.name),
      this.chPx,
    );
    // A vertical scrollbar's width on top of the columns.
    const placement = detailsPlacement(width, needs + 16, detailsPx);
    this.main.classList.toggle('details-below', placement === 'below');
    this.main.dataset.details = placement;
  }

  /** Rows are decoded again with the new display (numbering, time, capture start). */
  private redecode(): void {
    this.cache.forgetDecoded();
    void this.showDetails(this.grid.focused);
    this.requestFrame();
  }

  private showEndpointState(gone: readonly number[]): void {
    const names = gone.map((index) => this.context.endpoints[index]?.name ?? `endpoint ${index}`);
    const text =
      names.length === 0
        ? ''
        : `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} gone: the capture is kept, and the monitor listens again when ${names.length === 1 ? 'it comes' : 'they come'} back.`;
    if (this.endpointState.textContent !== text) this.endpointState.textContent = text;
    this.endpointState.dataset.gone = String(gone.length);
  }

  // ------------------------------------------------------------ drawing

  /** Draws in the next animation frame; several changes before it make one draw. */
  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  private draw(): void {
    if (this.following && !this.paused) this.grid.scrollToEnd();
    this.grid.render();
    if (this.counters) this.countersBar.show(this.counters, this.hostRange, this.display.count, this.paused);
    this.cache.trim(this.display.start, this.display.end);
    if (this.ackPending !== undefined) {
      this.host.post({ kind: MessageKind.UpdateApplied, shownReceived: this.ackPending });
      this.ackPending = undefined;
    }
  }

  private content(location: DisplayLocation): GridRowContent | undefined {
    const row = this.cache.get(location.viewIndex);
    if (!row)
      return location.viewIndex < this.hostRange.start ? evictedContent(location.viewIndex) : undefined;
    row.decoded ??= rowCells(row, this.context);
    if (location.child < 0) {
      return {
        cells: row.decoded,
        isPacket: false,
        expandable: row.packetCount > 1,
        expanded: this.display.isExpanded(location.viewIndex),
        label: rowLabel(row.decoded),
      };
    }
    const list = this.packetLists.get(location.viewIndex);
    if (!list || location.child >= list.packets.length) return undefined;
    const cells = packetLineCells(list.packets, location.child, row.endpointIndex, this.context);
    return {
      cells,
      isPacket: true,
      expandable: false,
      expanded: false,
      label: `packet ${location.child + 1}: ${rowLabel(cells)}`,
    };
  }

  private prefetch(fromPosition: number, toPosition: number): void {
    if (toPosition <= fromPosition) return;
    const first = this.display.locate(fromPosition).viewIndex;
    const last = this.display.locate(toPosition - 1).viewIndex;
    // One screen of margin on each side makes short scrolls seamless.
    const margin = toPosition - fromPosition;
    const from = Math.max(this.hostRange.start, this.shownRange.start, first - margin);
    const to = Math.min(this.shownRange.end, last + 1 + margin);
    if (to > from) this.cache.ensure(from, to);
  }

  private fetchRows(from: number, count: number) {
    const generation = this.hostRange.generation;
    return this.host.request({ kind: MessageKind.GetRows, generation, from, count }).then((reply) => {
      return reply.kind === MessageKind.Rows && reply.generation === this.hostRange.generation
        ? reply.block
        : undefined;
    });
  }

  // ------------------------------------------------------------ packets, expansion, details

  private fetchPackets(viewIndex: number) {
    const generation = this.hostRange.generation;
    return this.host.request({ kind: MessageKind.GetPackets, generation, viewIndex }).then((reply) => {
      return reply.kind === MessageKind.Packets && reply.generation === this.hostRange.generation
        ? (reply.block ?? undefined)
        : undefined;
    });
  }

  private packetsOf(viewIndex: number) {
    return this.packetLists.load(viewIndex, this.cache.get(viewIndex)).catch(() => undefined);
  }

  private async toggleExpand(viewIndex: number, expand: boolean): Promise<void> {
    if (!expand) {
      this.display.collapse(viewIndex);
      this.requestFrame();
      return;
    }
    const list = await this.packetsOf(viewIndex);
    if (list) this.display.expand(viewIndex, list.packets.length);
    this.requestFrame();
  }

  private async showDetails(focus: DisplayLocation | undefined): Promise<void> {
    const row = focus ? this.cache.get(focus.viewIndex) : undefined;
    if (!focus || !row) {
      this.details.show(undefined, undefined);
      return;
    }
    const subject = (packets: PacketRecord[], truncated: boolean): DetailSubject => ({
      endpointIndex: row.endpointIndex,
      packets,
      truncated,
      incomplete: (row.flags & rowFlagOpen) !== 0,
    });
    if (row.packetCount === 1) {
      this.details.show(
        subject(
          [{ seq: row.seq, timestamp: row.timestamp, words: row.words, streamProblems: row.streamProblems }],
          false,
        ),
        this.context,
      );
      return;
    }
    this.details.show(undefined, undefined, true);
    const list = await this.packetsOf(focus.viewIndex);
    // The focus may have moved on while the packets were on their way.
    if (this.grid.focused?.viewIndex !== focus.viewIndex) return;
    if (list) this.details.show(subject(list.packets, list.truncated), this.context);
    else this.details.show(undefined, undefined);
  }

  /** Goes to the row that answers the focused MIDI-CI request (or that the focused reply answers). */
  private async followMidiCiLink(): Promise<string | undefined> {
    const from = this.grid.focused?.viewIndex;
    if (from === undefined) return 'no row is selected';
    const generation = this.hostRange.generation;
    const reply = await this.host.request({ kind: MessageKind.FindMidiCiLink, generation, viewIndex: from });
    if (reply.kind === MessageKind.RequestFailed) return reply.reason;
    if (reply.kind !== MessageKind.MidiCiLink || reply.generation !== this.hostRange.generation) {
      return 'the view changed meanwhile';
    }
    if (reply.viewIndex === null) return reply.reason;
    if (reply.viewIndex >= this.shownRange.end)
      return 'it arrived after the display was paused: resume to see it';
    this.grid.revealRow(reply.viewIndex);
    this.requestFrame();
    return undefined;
  }

  private activate(location: DisplayLocation): void {
    const row = this.cache.get(location.viewIndex);
    if (row && row.packetCount > 1 && location.child < 0) {
      void this.toggleExpand(location.viewIndex, !this.display.isExpanded(location.viewIndex));
    }
    if (!this.showDetailsPane) this.setShowDetails(true);
    this.details.element.focus();
  }

  // ------------------------------------------------------------ commands

  private focusIsLast(): boolean {
    const focus = this.grid.focused;
    return focus === undefined || this.display.positionOf(focus) >= this.display.count - 1;
  }

  private setFollowing(following: boolean): void {
    if (following === this.following) return;
    this.following = following;
    this.afterStateChange();
  }

  private setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused) {
      // Catch up with everything that arrived while the display was frozen.
      this.showRange(this.hostRange);
      this.cache.dropOpenRows();
    }
    this.afterStateChange();
  }

  private setShowDetails(show: boolean): void {
    this.showDetailsPane = show;
    this.details.element.hidden = !show;
    this.afterStateChange();
  }

  private afterStateChange(): void {
    this.toolbar.showState(this.paused, this.following, this.showDetailsPane);
    this.saveState();
    this.sendViewState();
    this.requestFrame();
  }

  private saveState(): void {
    this.host.setState({
      endpointDeviceIds: this.endpointDeviceIds,
      following: this.following,
      showDetails: this.showDetailsPane,
    });
  }

  private sendViewState(): void {
    const tailRows = Math.min(protocolLimits.maxTailRows, this.grid.visibleRows + 1);
    const state = { following: this.following, paused: this.paused, tailRows };
    const key = JSON.stringify(state);
    if (key === this.sentViewState) return;
    this.sentViewState = key;
    this.host.post({ kind: MessageKind.SetViewState, ...state });
  }

  private async setFilter(filter: FilterSpec): Promise<void> {
    await this.resetFrom(this.host.request({ kind: MessageKind.SetFilter, filter }));
  }

  /** Applies the ViewReset a Clear or SetFilter request answers with. */
  private async resetFrom(request: Promise<ToWebviewMessage>): Promise<void> {
    try {
      const reply = await request;
      if (reply.kind === MessageKind.ViewReset) this.applyReset(reply.view);
    } catch (error) {
      this.showNotice(`Request failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async copySelection(): Promise<void> {
    const range = this.grid.selectionRange();
    if (!range) {
      this.showNotice('Select rows to copy first.');
      return;
    }
    const from = this.display.locate(range.from).viewIndex;
    const to = this.display.locate(range.to).viewIndex;
    try {
      const reply = await this.host.request({
        kind: MessageKind.CopyRows,
        generation: this.shownRange.generation,
        from,
        count: to - from + 1,
      });
      if (reply.kind === MessageKind.CopyDone)
        this.showNotice(`Copied ${reply.messagesCopied} messages as hex.`);
    } catch (error) {
      this.showNotice(`Copy failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async export(format: 'hex' | 'json' | 'csv', scope: 'all' | 'filtered'): Promise<void> {
    try {
      const reply = await this.host.request({ kind: MessageKind.Export, format, scope });
      if (reply.kind !== MessageKind.ExportDone) return;
      if (reply.outcome === 'saved')
        this.showNotice(`Exported ${reply.messagesWritten} messages to ${reply.detail}.`);
      else if (reply.outcome === 'failed') this.showNotice(`Export failed: ${reply.detail}`);
    } catch (error) {
      this.showNotice(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Shows `text` in the status line (screen readers announce it) until the next one, or a while. */
  private showNotice(text: string): void {
    this.notice.textContent = text;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice.textContent = ''), noticeMs);
  }
}

/** Width of one character in `element`'s font (0 until it is laid out). */
function measureCharacter(element: HTMLElement): number {
  const probe = document.createElement('span');
  probe.textContent = '0'.repeat(40);
  probe.style.position = 'absolute';
  probe.style.visibility = 'hidden';
  probe.style.whiteSpace = 'pre';
  element.append(probe);
  const width = probe.getBoundingClientRect().width / 40;
  probe.remove();
  return width;
}

function evictedContent(viewIndex: number): GridRowContent {
  const cells: RowCells = {
    seq: '',
    time: '',
    delta: '',
    endpoint: '',
    group: '',
    channel: '',
    type: '',
    name: '(evicted from the capture)',
    fields: '',
    hex: '',
  };
  return {
    cells,
    isPacket: false,
    expandable: false,
    expanded: false,
    label: `row ${viewIndex} was evicted`,
  };
}
