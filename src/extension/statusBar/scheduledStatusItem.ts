// "$(watch) N scheduled" in the status bar while the editor's scheduled messages are pending,
// with ", M failed" once some of them were not sent at their due time; a click cancels them.
// The sender looks at what is pending while anything is and tells when the count changes, so
// this item keeps no timer of its own.
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { UmpSender } from '../sending/umpSender';

export class ScheduledStatusItem extends Disposable {
  private readonly item = this.register(
    vscode.window.createStatusBarItem('midiScope.scheduled', vscode.StatusBarAlignment.Left, 50),
  );
  private shown = 0;
  /** Scheduled messages that failed since the item last appeared. */
  private failed = 0;

  constructor(private readonly sender: UmpSender) {
    super();
    this.item.name = 'MIDI Scope: scheduled messages';
    this.item.command = 'midiScope.cancelScheduled';
    this.register(sender.onDidChangeScheduled(() => this.update()));
    this.register(
      sender.onDidFailScheduled((failure) => {
        if (this.shown === 0) return;
        this.failed += failure.messages;
        this.update();
      }),
    );
  }

  /** The count shown now (0 when hidden). */
  get shownCount(): number {
    return this.shown;
  }

  /** The failures shown beside it now (0 when none or hidden). */
  get shownFailures(): number {
    return this.shown === 0 ? 0 : this.failed;
  }

  private update(): void {
    if (this.isDisposed) return;
    const pending = this.sender.pendingScheduled();
    this.shown = pending;
    if (pending === 0) {
      this.failed = 0;
      this.item.hide();
      return;
    }
    const failedText = this.failed > 0 ? `, ${this.failed} failed` : '';
    this.item.text = `$(watch) ${pending} scheduled${failedText}`;
    this.item.tooltip =
      `${pending} UMP message${pending === 1 ? '' : 's'} scheduled from the editor` +
      (this.failed > 0
        ? `; ${this.failed} could not be sent at their due time (see the MIDI Scope log)`
        : '') +
      '. Click to cancel them.';
    this.item.show();
  }
}
