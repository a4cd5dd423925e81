// The Columns menu: a checkbox per column to show or hide it, and a button that puts every
// column back to its default width. Plain elements (no toolkit), opened from the toolbar.
import type { ColumnKey, MonitorLayout } from '../../src/views/monitor/protocol';
import { columns } from './columns';
import { labelledButton } from './toolkit';

export interface ColumnMenuActions {
  onColumnHidden(key: ColumnKey, hidden: boolean): void;
  onResetColumns(): void;
}

export class ColumnMenu {
  readonly element: HTMLElement;
  readonly button: HTMLElement;
  private readonly popup: HTMLElement;
  private readonly boxes = new Map<ColumnKey, HTMLInputElement>();

  constructor(actions: ColumnMenuActions) {
    this.element = document.createElement('div');
    this.element.className = 'column-menu';
    this.button = labelledButton('list-selection', 'Columns', 'Show, hide or reset columns', () =>
      this.setOpen(this.popup.hidden),
    );
    this.button.setAttribute('aria-haspopup', 'true');
    this.popup = document.createElement('div');
    this.popup.className = 'column-menu-popup';
    this.popup.setAttribute('role', 'group');
    this.popup.setAttribute('aria-label', 'Columns');
    this.popup.hidden = true;
    for (const column of columns) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.dataset.column = column.key;
      box.addEventListener('change', () => actions.onColumnHidden(column.key, !box.checked));
      label.append(box, ` ${column.description}`);
      this.boxes.set(column.key, box);
      this.popup.append(label);
    }
    this.popup.append(
      labelledButton('discard', 'Reset widths', 'Every column back to its default width', () =>
        actions.onResetColumns(),
      ),
    );
    this.popup.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.setOpen(false);
        this.button.focus();
      }
    });
    document.addEventListener('mousedown', (event) => {
      if (!this.popup.hidden && !this.element.contains(event.target as Node)) this.setOpen(false);
    });
    this.element.append(this.button, this.popup);
  }

  show(layout: MonitorLayout): void {
    for (const state of layout.columns) {
      const box = this.boxes.get(state.key);
      if (box) box.checked = !state.hidden;
    }
  }

  private setOpen(open: boolean): void {
    this.popup.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) [...this.boxes.values()][0]?.focus();
  }
}
