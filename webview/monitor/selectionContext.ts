// The monitor's selected rows, for VS Code's context menu on the webview (`webview/context`): when
// the grid is right-clicked, it gets a `data-vscode-context` naming the selected view rows before
// VS Code reads it (the event reaches the grid before the window), and the menu's Replay Selected
// Rows command receives them. `midiScopeRowsSelected` is the context key its `when` clause reads.
export interface SelectedRows {
  /** The view's generation: a clear or a new filter renumbers the rows. */
  generation: number;
  /** The first selected view index and how many rows from it. */
  from: number;
  count: number;
}

export function offerSelectionToContextMenu(
  grid: HTMLElement,
  selected: () => SelectedRows | undefined,
): void {
  grid.addEventListener('contextmenu', () => {
    const rows = selected();
    grid.dataset.vscodeContext = JSON.stringify({
      preventDefaultContextMenuItems: true,
      midiScopeRowsSelected: rows !== undefined,
      ...(rows ? { midiScopeRows: rows } : {}),
    });
  });
}
