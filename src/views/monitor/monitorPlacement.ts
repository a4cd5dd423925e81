// Where a new monitor opens, decided from the editor groups there are: never on top of the code,
// so that opening a .ump file does not hide it. No VS Code here: the panel code carries the plan out.

/** One editor group as the plan sees it. */
export interface GroupSummary {
  /** VS Code's ViewColumn number of the group (1-based). */
  viewColumn: number;
  /** The group holds a MIDI monitor already. */
  hasMonitor: boolean;
}

export type PlacementPlan =
  /** Open in this existing group (beside the other monitors, or where the user put one). */
  | { kind: 'group'; viewColumn: number }
  /** Split the one group in two, code above and the monitor below, and lock the monitor's group. */
  | { kind: 'below' }
  /** Open beside the active group and lock it. */
  | { kind: 'beside' };

/**
 * The plan for a new monitor. `remembered` is the column the user last moved a monitor to; it
 * wins when that group still exists, after a group that already shows a monitor.
 */
export function planPlacement(
  groups: readonly GroupSummary[],
  remembered: number | undefined,
): PlacementPlan {
  const withMonitor = groups.find((group) => group.hasMonitor);
  if (withMonitor) return { kind: 'group', viewColumn: withMonitor.viewColumn };
  if (remembered !== undefined && groups.some((group) => group.viewColumn === remembered)) {
    return { kind: 'group', viewColumn: remembered };
  }
  return groups.length <= 1 ? { kind: 'below' } : { kind: 'beside' };
}
