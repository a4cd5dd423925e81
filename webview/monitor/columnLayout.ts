// Column widths and visibility: the defaults, what the user changed (resized in pixels, hidden),
// and the CSS grid template both make. Pure, so the rules are unit-tested: saved layouts are
// untrusted (an older version's, or edited), and at least one column always stays visible.
import {
  columnKeys,
  timeDisplays,
  type ColumnKey,
  type ColumnState,
  type MonitorLayout,
  type TimeDisplay,
} from '../../src/views/monitor/protocol';
import { columns, type Column } from './columns';

/** Padding of a cell, left plus right (monitor.css .grid-cell). */
export const cellPaddingPx = 6;
export const minColumnWidthPx = 24;
export const maxColumnWidthPx = 2000;
/** The endpoint column is as wide as the longest endpoint name, within these bounds. */
const endpointWidthCh = { min: 8, max: 32 };

/** Characters the Time column needs for each display (seconds with µs, a time of day, ticks). */
export const timeWidthCh: Record<TimeDisplay, number> = { sinceStart: 11, timeOfDay: 15, ticks: 15 };

export function defaultLayout(): MonitorLayout {
  return { time: 'sinceStart', columns: columnKeys.map((key) => ({ key, widthPx: 0, hidden: false })) };
}

/** A saved layout made whole: unknown columns dropped, missing ones added with their defaults. */
export function normalizeLayout(saved: unknown): MonitorLayout {
  const layout = defaultLayout();
  if (typeof saved !== 'object' || saved === null) return layout;
  const fields = saved as { time?: unknown; columns?: unknown };
  if ((timeDisplays as readonly unknown[]).includes(fields.time)) layout.time = fields.time as TimeDisplay;
  if (!Array.isArray(fields.columns)) return layout;
  for (const item of fields.columns as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { key, widthPx, hidden } = item as Partial<Record<keyof ColumnState, unknown>>;
    const column = layout.columns.find((c) => c.key === key);
    if (!column) continue;
    if (typeof widthPx === 'number' && Number.isFinite(widthPx)) column.widthPx = clampWidth(widthPx, true);
    if (typeof hidden === 'boolean') column.hidden = hidden;
  }
  if (layout.columns.every((c) => c.hidden)) layout.columns.forEach((c) => (c.hidden = false));
  return layout;
}

function clampWidth(widthPx: number, allowDefault: boolean): number {
  if (allowDefault && widthPx <= 0) return 0;
  return Math.round(Math.min(maxColumnWidthPx, Math.max(minColumnWidthPx, widthPx)));
}

/** The layout with `key` resized to `widthPx` (bounded), or back to its default width with 0. */
export function resizeColumn(layout: MonitorLayout, key: ColumnKey, widthPx: number): MonitorLayout {
  return {
    ...layout,
    columns: layout.columns.map((c) => (c.key === key ? { ...c, widthPx: clampWidth(widthPx, true) } : c)),
  };
}

/** The layout with `key` shown or hidden; hiding the last visible column is refused. */
export function setColumnHidden(layout: MonitorLayout, key: ColumnKey, hidden: boolean): MonitorLayout {
  const visible = layout.columns.filter((c) => !c.hidden);
  if (hidden && visible.length === 1 && visible[0].key === key) return layout;
  return { ...layout, columns: layout.columns.map((c) => (c.key === key ? { ...c, hidden } : c)) };
}

/** Default width of a fixed column in characters (undefined: it shares what is left). */
export function defaultWidthCh(
  column: Column,
  layout: MonitorLayout,
  endpointNames: readonly string[],
): number | undefined {
  if (column.key === 'time') return timeWidthCh[layout.time];
  if (column.key === 'endpoint') {
    const longest = Math.max(0, ...endpointNames.map((name) => name.length));
    return Math.min(endpointWidthCh.max, Math.max(endpointWidthCh.min, longest));
  }
  return column.widthCh;
}

/**
 * The visible columns' track sizes for grid-template-columns, in display order. With `chPx`
 * (a character of the grid's font, measured) widths are in pixels, so that the header, in
 * another font, lines up with the rows; without it, in `ch`.
 */
export function gridTemplate(layout: MonitorLayout, endpointNames: readonly string[], chPx = 0): string {
  const size = (ch: number, extraPx: number): string =>
    chPx > 0 ? `${Math.ceil(ch * chPx + extraPx)}px` : `calc(${ch}ch + ${extraPx}px)`;
  const tracks: string[] = [];
  for (const column of columns) {
    const state = layout.columns.find((c) => c.key === column.key);
    if (!state || state.hidden) continue;
    if (state.widthPx > 0) {
      tracks.push(`${state.widthPx}px`);
      continue;
    }
    const widthCh = defaultWidthCh(column, layout, endpointNames);
    tracks.push(
      widthCh !== undefined
        ? size(widthCh, cellPaddingPx + (column.extraPx ?? 0))
        : `minmax(${size(column.minCh ?? 4, cellPaddingPx)}, ${column.share ?? 1}fr)`,
    );
  }
  return tracks.join(' ');
}

/**
 * The width in pixels the visible columns need at their smallest (fixed columns whole, shared
 * ones at their minimum), for a character `chPx` wide: the grid is never made narrower than
 * this by the details pane, which goes below the rows instead.
 */
export function neededWidthPx(layout: MonitorLayout, endpointNames: readonly string[], chPx: number): number {
  let total = 0;
  for (const column of columns) {
    const state = layout.columns.find((c) => c.key === column.key);
    if (!state || state.hidden) continue;
    const widthCh = defaultWidthCh(column, layout, endpointNames) ?? column.minCh ?? 4;
    total += state.widthPx > 0 ? state.widthPx : widthCh * chPx + cellPaddingPx + (column.extraPx ?? 0);
  }
  return Math.ceil(total);
}

/** Where the details pane goes: beside the rows when both fit side by side, else below them. */
export function detailsPlacement(
  availablePx: number,
  gridNeedsPx: number,
  detailsPx: number,
): 'beside' | 'below' {
  return availablePx - detailsPx >= gridNeedsPx ? 'beside' : 'below';
}
