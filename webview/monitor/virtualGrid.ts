// The hand-written virtual list: an ARIA grid whose DOM holds only the rows on screen (a fixed
// pool of row elements refilled on every draw). Scrolling is virtual (virtualScroll.ts): the
// wheel, the keyboard and the scrollbar all move a top row, never a pixel offset.
import type { ColumnKey, MonitorLayout } from '../../src/views/monitor/protocol';
import { gridTemplate } from './columnLayout';
import { columns, type RowCells } from './columns';
import { showProblemBadge } from './problemView';
import type { DisplayLocation, DisplayRows } from './displayRows';
import {
  WheelAccumulator,
  clampTopRow,
  maxTopRow,
  rowForScrollTop,
  scrollTopForRow,
  spacerHeightPx,
  visibleRowCount,
  type ScrollGeometry,
} from './virtualScroll';

export interface GridRowContent {
  cells: RowCells;
  /** A packet line under an expanded row. */
  isPacket: boolean;
  expandable: boolean;
  expanded: boolean;
  /** Spoken by screen readers for the whole row. */
  label: string;
}

export interface GridCallbacks {
  /** What to draw at a display position; undefined while the row is being fetched. */
  content(location: DisplayLocation): GridRowContent | undefined;
  /** The grid is about to draw positions [from, to): fetch what is missing. */
  prefetch(from: number, to: number): void;
  onFocusChange(focus: DisplayLocation | undefined): void;
  onToggleExpand(location: DisplayLocation, expand: boolean): void;
  /** Enter on a row. */
  onActivate(location: DisplayLocation): void;
  onCopy(): void;
  /** The user scrolled or moved the focus: `atEnd` says whether the last row is on screen. */
  onUserMove(atEnd: boolean): void;
  /** The user drags a column's edge (`done` when released); 0 puts it back to its default width. */
  onResizeColumn(key: ColumnKey, widthPx: number, done: boolean): void;
}

interface RowElement {
  row: HTMLElement;
  cells: Map<keyof RowCells, HTMLElement>;
  twisty: HTMLElement;
}

const defaultRowHeightPx = 22;

export class VirtualGrid {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rowsLayer: HTMLElement;
  private readonly pool: RowElement[] = [];
  private readonly headerCells = new Map<ColumnKey, HTMLElement>();
  private readonly wheel = new WheelAccumulator();
  private rowHeightPx = defaultRowHeightPx;
  private viewportHeightPx = 0;
  private top: DisplayLocation = { viewIndex: 0, child: -1 };
  private focus: DisplayLocation | undefined;
  private anchor: DisplayLocation | undefined;
  /** The scrollTop we set last: a scroll event with another value came from the user. */
  private programmaticScrollTop = -1;

  constructor(
    private readonly display: DisplayRows,
    private readonly callbacks: GridCallbacks,
    label: string,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'grid';
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-label', label);
    this.element.setAttribute('aria-multiselectable', 'true');
    this.element.tabIndex = 0;

    const header = document.createElement('div');
    header.className = 'grid-row grid-header';
    header.setAttribute('role', 'row');
    header.setAttribute('aria-rowindex', '1');
    for (const column of columns) {
      const cell = document.createElement('div');
      cell.className = `grid-cell col-${column.key}`;
      cell.setAttribute('role', 'columnheader');
      cell.title = column.description;
      cell.setAttribute('aria-label', column.description);
      const text = document.createElement('span');
      text.className = 'header-text';
      text.textContent = column.header;
      cell.append(text, this.resizer(column.key, column.description, cell));
      this.headerCells.set(column.key, cell);
      header.append(cell);
    }

    this.body = document.createElement('div');
    this.body.className = 'grid-body';
    this.scroller = document.createElement('div');
    this.scroller.className = 'grid-scroller';
    this.scroller.setAttribute('aria-hidden', 'true');
    this.spacer = document.createElement('div');
    this.spacer.className = 'grid-spacer';
    this.scroller.append(this.spacer);
    this.rowsLayer = document.createElement('div');
    this.rowsLayer.className = 'grid-rows';
    this.rowsLayer.setAttribute('role', 'rowgroup');
    this.body.append(this.scroller, this.rowsLayer);
    this.element.append(header, this.body);

    this.scroller.addEventListener('scroll', () => this.onScrollbar());
    this.body.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    this.rowsLayer.addEventListener('click', (event) => this.onClick(event));
    new ResizeObserver(() => this.measure()).observe(this.body);
  }

  /** Applies column widths and visibility; `time` names the Time column for its display. */
  setLayout(
    layout: MonitorLayout,
    endpointNames: readonly string[],
    time: { header: string; description: string },
    chPx: number,
  ): void {
    this.element.style.setProperty('--grid-columns', gridTemplate(layout, endpointNames, chPx));
    for (const state of layout.columns) this.element.classList.toggle(`hide-${state.key}`, state.hidden);
    const timeCell = this.headerCells.get('time')!;
    timeCell.querySelector('.header-text')!.textContent = time.header;
    timeCell.title = time.description;
    timeCell.setAttribute('aria-label', time.description);
  }

  /** The handle on a header cell's right edge: drag to resize, double-click for the default width. */
  private resizer(key: ColumnKey, description: string, cell: HTMLElement): HTMLElement {
    const handle = document.createElement('span');
    handle.className = 'col-resizer';
    handle.dataset.column = key;
    handle.setAttribute('role', 'separator');
    handle.setAttribute('aria-orientation', 'vertical');
    handle.setAttribute('aria-label', `Resize the ${description} column`);
    handle.title = 'Drag to resize; double-click for the default width';
    handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      handle.setPointerCapture(event.pointerId);
      const startX = event.clientX;
      const startWidth = cell.getBoundingClientRect().width;
      const widthAt = (x: number): number => Math.round(startWidth + x - startX);
      let lastX = startX;
      const move = (moved: PointerEvent): void => {
        lastX = moved.clientX;
        this.callbacks.onResizeColumn(key, widthAt(lastX), false);
      };
      // Released, or the capture lost (the pointer left the webview): either ends the drag once.
      const end = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', end);
        handle.removeEventListener('lostpointercapture', end);
        this.callbacks.onResizeColumn(key, widthAt(lastX), true);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', end);
      handle.addEventListener('lostpointercapture', end);
    });
    handle.addEventListener('dblclick', () => this.callbacks.onResizeColumn(key, 0, true));
    return handle;
  }

  get focused(): DisplayLocation | undefined {
    return this.focus;
  }

  /** Display positions [from, to] of the selection (focus and anchor), or undefined. */
  selectionRange(): { from: number; to: number } | undefined {
    if (!this.focus) return undefined;
    const a = this.display.positionOf(this.focus);
    const b = this.display.positionOf(this.anchor ?? this.focus);
    return { from: Math.min(a, b), to: Math.max(a, b) };
  }

  /** Puts the last row at the bottom of the screen. */
  scrollToEnd(): void {
    this.top = this.display.locate(maxTopRow(this.geometry()));
  }

  /** Focuses the row at `viewIndex` and scrolls it on screen (a followed link). */
  revealRow(viewIndex: number): void {
    this.moveFocus(this.display.positionOf({ viewIndex, child: -1 }), false);
  }

  setFocus(location: DisplayLocation | undefined): void {
    this.focus = location;
    this.anchor = location;
    this.callbacks.onFocusChange(location);
  }

  /** Forgets positions (the view was renumbered). */
  reset(): void {
    this.top = { viewIndex: this.display.start, child: -1 };
    this.focus = undefined;
    this.anchor = undefined;
    this.callbacks.onFocusChange(undefined);
  }

  get visibleRows(): number {
    return visibleRowCount(this.geometry());
  }

  render(): void {
    const geometry = this.geometry();
    this.element.setAttribute('aria-rowcount', String(geometry.rowCount + 1));
    this.spacer.style.height = `${spacerHeightPx(geometry)}px`;
    const topPosition = this.topPosition(geometry);
    const rowsOnScreen = Math.ceil(this.viewportHeightPx / this.rowHeightPx) + 1;
    this.ensurePool(rowsOnScreen);
    this.callbacks.prefetch(topPosition, Math.min(geometry.rowCount, topPosition + rowsOnScreen));
    const selection = this.selectionRange();
    const focusPosition = this.focus ? this.display.positionOf(this.focus) : -1;
    let activeId = '';
    this.pool.forEach((element, i) => {
      const position = topPosition + i;
      if (i >= rowsOnScreen || position >= geometry.rowCount) {
        element.row.hidden = true;
        return;
      }
      element.row.hidden = false;
      element.row.style.transform = `translateY(${i * this.rowHeightPx}px)`;
      const location = this.display.locate(position);
      this.fill(element, location, position);
      const selected = selection !== undefined && position >= selection.from && position <= selection.to;
      element.row.setAttribute('aria-selected', String(selected));
      element.row.classList.toggle('focused', position === focusPosition);
      if (position === focusPosition) activeId = element.row.id;
    });
    if (activeId) this.element.setAttribute('aria-activedescendant', activeId);
    else this.element.removeAttribute('aria-activedescendant');
    this.syncScrollbar(geometry, topPosition);
  }

  private geometry(): ScrollGeometry {
    return {
      rowCount: this.display.count,
      rowHeightPx: this.rowHeightPx,
      viewportHeightPx: this.viewportHeightPx,
    };
  }

  private topPosition(geometry: ScrollGeometry): number {
    if (this.top.viewIndex < this.display.start) this.top = { viewIndex: this.display.start, child: -1 };
    const position = clampTopRow(this.display.positionOf(this.top), geometry);
    this.top = this.display.locate(position);
    return position;
  }

  private setTopPosition(position: number): void {
    const geometry = this.geometry();
    this.top = this.display.locate(clampTopRow(position, geometry));
  }

  private isAtEnd(): boolean {
    const geometry = this.geometry();
    return this.topPosition(geometry) >= maxTopRow(geometry);
  }

  private fill(element: RowElement, location: DisplayLocation, position: number): void {
    element.row.setAttribute('aria-rowindex', String(position + 2));
    element.row.dataset.position = String(position);
    const content = this.callbacks.content(location);
    element.row.classList.toggle('loading', content === undefined);
    element.row.classList.toggle('packet', content?.isPacket ?? false);
    if (!content) {
      for (const cell of element.cells.values()) cell.textContent = '';
      showProblemBadge(element.cells.get('name')!, undefined);
      element.cells.get('name')!.textContent = '…';
      element.row.setAttribute('aria-label', 'loading');
      element.twisty.className = 'twisty';
      element.row.removeAttribute('aria-expanded');
      return;
    }
    for (const [key, cell] of element.cells) {
      if (cell.textContent !== content.cells[key]) cell.textContent = content.cells[key] ?? '';
    }
    showProblemBadge(element.cells.get('name')!, content.cells.problems);
    element.row.setAttribute('aria-label', content.label);
    if (content.expandable) {
      element.row.setAttribute('aria-expanded', String(content.expanded));
      element.twisty.className = `twisty codicon codicon-chevron-${content.expanded ? 'down' : 'right'}`;
    } else {
      element.row.removeAttribute('aria-expanded');
      element.twisty.className = content.isPacket ? 'twisty child' : 'twisty';
    }
  }

  private ensurePool(count: number): void {
    while (this.pool.length < count) {
      const row = document.createElement('div');
      row.className = 'grid-row';
      row.id = `monitor-row-${this.pool.length}`;
      row.setAttribute('role', 'row');
      const cells = new Map<keyof RowCells, HTMLElement>();
      const twisty = document.createElement('span');
      twisty.className = 'twisty';
      twisty.setAttribute('aria-hidden', 'true');
      for (const column of columns) {
        const cell = document.createElement('div');
        cell.className = `grid-cell col-${column.key}`;
        cell.setAttribute('role', 'gridcell');
        if (column.key === 'seq') {
          const text = document.createElement('span');
          cell.append(twisty, text);
          cells.set(column.key, text);
        } else {
          cells.set(column.key, cell);
        }
        row.append(cell);
      }
      this.rowsLayer.append(row);
      this.pool.push({ row, cells, twisty });
    }
  }

  private measure(): void {
    this.viewportHeightPx = this.body.clientHeight;
    const sample = this.pool[0]?.row;
    if (sample && !sample.hidden && sample.offsetHeight > 0) this.rowHeightPx = sample.offsetHeight;
    // Leave the scrollbar uncovered so it stays draggable.
    this.rowsLayer.style.right = `${this.scroller.offsetWidth - this.scroller.clientWidth}px`;
    this.render();
  }

  private syncScrollbar(geometry: ScrollGeometry, topPosition: number): void {
    const scrollTop = scrollTopForRow(topPosition, geometry);
    if (Math.abs(this.scroller.scrollTop - scrollTop) >= 1) {
      this.programmaticScrollTop = Math.round(scrollTop);
      this.scroller.scrollTop = scrollTop;
    }
  }

  private onScrollbar(): void {
    const scrollTop = this.scroller.scrollTop;
    if (Math.abs(scrollTop - this.programmaticScrollTop) < 1) return;
    this.programmaticScrollTop = -1;
    this.setTopPosition(rowForScrollTop(scrollTop, this.geometry()));
    this.userMoved();
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rows = this.wheel.rows(event.deltaY, event.deltaMode, this.geometry());
    if (rows === 0) return;
    this.setTopPosition(this.display.positionOf(this.top) + rows);
    this.userMoved();
  }

  private onClick(event: MouseEvent): void {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('.grid-row');
    if (!row?.dataset.position) return;
    const location = this.display.locate(Number(row.dataset.position));
    if (
      target.classList.contains('codicon-chevron-right') ||
      target.classList.contains('codicon-chevron-down')
    ) {
      this.callbacks.onToggleExpand(location, target.classList.contains('codicon-chevron-right'));
    }
    this.moveFocus(this.display.positionOf(location), event.shiftKey);
    this.element.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const count = this.display.count;
    if (count === 0) return;
    const current = this.focus ? this.display.positionOf(this.focus) : -1;
    const page = Math.max(1, this.visibleRows - 1);
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = current + 1;
        break;
      case 'ArrowUp':
        target = current < 0 ? count - 1 : current - 1;
        break;
      case 'PageDown':
        target = current + page;
        break;
      case 'PageUp':
        target = current < 0 ? count - 1 - page : current - page;
        break;
      case 'Home':
        target = 0;
        break;
      case 'End':
        target = count - 1;
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (this.focus) this.onHorizontalKey(event.key === 'ArrowRight');
        event.preventDefault();
        return;
      case 'Enter':
        if (this.focus) this.callbacks.onActivate(this.focus);
        event.preventDefault();
        return;
      case 'c':
      case 'C':
        if (event.ctrlKey || event.metaKey) {
          this.callbacks.onCopy();
          event.preventDefault();
        }
        return;
      case 'Escape':
        this.setFocus(undefined);
        this.render();
        return;
      default:
        return;
    }
    event.preventDefault();
    this.moveFocus(Math.min(count - 1, Math.max(0, target)), event.shiftKey);
  }

  /** ArrowRight opens a row's packets; ArrowLeft closes them, or goes from a packet to its row. */
  private onHorizontalKey(expand: boolean): void {
    const focus = this.focus!;
    const content = this.callbacks.content(focus);
    if (focus.child >= 0) {
      if (!expand) this.moveFocus(this.display.positionOf({ viewIndex: focus.viewIndex, child: -1 }), false);
      return;
    }
    if (content?.expandable && content.expanded !== expand) this.callbacks.onToggleExpand(focus, expand);
  }

  private moveFocus(position: number, extend: boolean): void {
    const location = this.display.locate(position);
    const anchor = extend ? (this.anchor ?? this.focus ?? location) : location;
    this.focus = location;
    this.anchor = anchor;
    // Keep the focused row on screen.
    const geometry = this.geometry();
    const top = this.topPosition(geometry);
    const visible = visibleRowCount(geometry);
    if (position < top) this.setTopPosition(position);
    else if (position >= top + visible) this.setTopPosition(position - visible + 1);
    this.callbacks.onFocusChange(location);
    this.userMoved();
  }

  private userMoved(): void {
    this.callbacks.onUserMove(this.isAtEnd());
    this.render();
  }
}
