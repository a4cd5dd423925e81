// "$(watch) N scheduled" in the status bar while the editor's scheduled messages are pending;
// a click cancels them. It re-reads the count on a low-rate timer only while something is
// pending, and right away when a send or a cancel changes it.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { UmpSender } from '../sending/umpSender';

const refreshIntervalMs = 250;

export class ScheduledStatusItem extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('midiScope.scheduled', vscode.StatusBarAlignment.Left, 50),
  );
  private timer: NodeJS.Timeout | undefined;
  private shown = 0;

  constructor(private readonly sender: UmpSender) {
    super();
    this.item.name = 'MIDI Scope: scheduled messages';
    this.item.command = 'midiScope.cancelScheduled';
    this.register(sender.onDidChangeScheduled(() => this.update()));
    this.register({ dispose: () => this.stopTimer() });
  }

  /** The count shown now (0 when hidden). */
  get shownCount(): number {
    return this.shown;
  }

  private update(): void {
    if (this.isDisposed) return;
    const pending = this.sender.pendingScheduled();
    this.shown = pending;
    if (pending === 0) {
      this.item.hide();
      this.stopTimer();
      return;
    }
    this.item.text = `$(watch) ${pending} scheduled`;
    this.item.tooltip = `${pending} UMP message${pending === 1 ? '' : 's'} scheduled from the editor. Click to cancel them.`;
    this.item.show();
    this.timer ??= setInterval(() => this.update(), refreshIntervalMs);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
