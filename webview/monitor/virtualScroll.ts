// Scroll math for a list taller than a browser allows. Browsers cap an element's height
// (about 16.7M px in Firefox, 33.5M px in Chromium), and a million rows × 22 px is 22M px, so
// the scrollable spacer is capped and the scrollbar position is mapped proportionally to a
// row index. The row index, not scrollTop, is the list's source of truth.

/** Spacer height cap: well under every engine's limit. */
export const maxSpacerHeightPx = 8_000_000;

export interface ScrollGeometry {
  rowCount: number;
  rowHeightPx: number;
  viewportHeightPx: number;
}

/** Rows that fit entirely in the viewport (at least one). */
export function visibleRowCount(geometry: ScrollGeometry): number {
  return Math.max(1, Math.floor(geometry.viewportHeightPx / geometry.rowHeightPx));
}

/** The largest valid top row: the last screen shows the last row at the bottom. */
export function maxTopRow(geometry: ScrollGeometry): number {
  return Math.max(0, geometry.rowCount - visibleRowCount(geometry));
}

export function spacerHeightPx(geometry: ScrollGeometry): number {
  return Math.min(geometry.rowCount * geometry.rowHeightPx, maxSpacerHeightPx);
}

function maxScrollTop(geometry: ScrollGeometry): number {
  return Math.max(0, spacerHeightPx(geometry) - geometry.viewportHeightPx);
}

export function clampTopRow(topRow: number, geometry: ScrollGeometry): number {
  return Math.min(Math.max(0, Math.round(topRow)), maxTopRow(geometry));
}

/** Where the scrollbar should be for `topRow`. */
export function scrollTopForRow(topRow: number, geometry: ScrollGeometry): number {
  const rows = maxTopRow(geometry);
  if (rows === 0) return 0;
  return (clampTopRow(topRow, geometry) / rows) * maxScrollTop(geometry);
}

/** The top row the user chose by moving the scrollbar to `scrollTop`. */
export function rowForScrollTop(scrollTop: number, geometry: ScrollGeometry): number {
  const pixels = maxScrollTop(geometry);
  if (pixels === 0) return 0;
  return clampTopRow((Math.min(Math.max(0, scrollTop), pixels) / pixels) * maxTopRow(geometry), geometry);
}

/**
 * Turns wheel deltas into whole rows, keeping the remainder so slow trackpad scrolling still
 * moves. `deltaMode` follows WheelEvent: 0 pixels, 1 lines, 2 pages.
 */
export class WheelAccumulator {
  private remainderRows = 0;

  rows(deltaY: number, deltaMode: number, geometry: ScrollGeometry): number {
    const perUnit =
      deltaMode === 1 ? 1 : deltaMode === 2 ? visibleRowCount(geometry) : 1 / geometry.rowHeightPx;
    const total = this.remainderRows + deltaY * perUnit;
    const whole = Math.trunc(total);
    this.remainderRows = total - whole;
    return whole;
  }
}
