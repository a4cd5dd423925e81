// The list the user sees is the view's rows plus, under each expanded multi-packet row, one
// line per packet. Display positions count from the view's start; expansions are few (the
// user opens them one by one), so a sorted array is the index.

export interface Expansion {
  viewIndex: number;
  /** Packet lines shown under the row. */
  childCount: number;
}

/** A display position resolved: the row, and which of its packets (-1 for the row itself). */
export interface DisplayLocation {
  viewIndex: number;
  child: number;
}

export class DisplayRows {
  private expansions: Expansion[] = [];

  constructor(
    private viewStart = 0,
    private viewEnd = 0,
  ) {}

  setRange(start: number, end: number): void {
    this.viewStart = start;
    this.viewEnd = end;
    // Rows that left the view can no longer be open.
    this.expansions = this.expansions.filter((e) => e.viewIndex >= start && e.viewIndex < end);
  }

  get start(): number {
    return this.viewStart;
  }

  get end(): number {
    return this.viewEnd;
  }

  get count(): number {
    let count = this.viewEnd - this.viewStart;
    for (const e of this.expansions) count += e.childCount;
    return count;
  }

  isExpanded(viewIndex: number): boolean {
    return this.expansions.some((e) => e.viewIndex === viewIndex);
  }

  expand(viewIndex: number, childCount: number): void {
    if (viewIndex < this.viewStart || viewIndex >= this.viewEnd || childCount <= 0) return;
    this.collapse(viewIndex);
    this.expansions.push({ viewIndex, childCount });
    this.expansions.sort((a, b) => a.viewIndex - b.viewIndex);
  }

  collapse(viewIndex: number): void {
    this.expansions = this.expansions.filter((e) => e.viewIndex !== viewIndex);
  }

  clearExpansions(): void {
    this.expansions = [];
  }

  /** The row (and packet) at display position `position` (0 ≤ position < count). */
  locate(position: number): DisplayLocation {
    let extra = 0;
    for (const e of this.expansions) {
      const rowPosition = e.viewIndex - this.viewStart + extra;
      if (position <= rowPosition) break;
      if (position <= rowPosition + e.childCount)
        return { viewIndex: e.viewIndex, child: position - rowPosition - 1 };
      extra += e.childCount;
    }
    return { viewIndex: this.viewStart + position - extra, child: -1 };
  }

  /** Display position of a row (child -1) or one of its packet lines. */
  positionOf(location: DisplayLocation): number {
    let extra = 0;
    for (const e of this.expansions) {
      if (e.viewIndex >= location.viewIndex) break;
      extra += e.childCount;
    }
    return location.viewIndex - this.viewStart + extra + (location.child >= 0 ? location.child + 1 : 0);
  }
}
