// The notification of a schedule from the editor: it stays while the messages wait and goes by
// itself once they are sent (or cancelled). Its Cancel button cancels what is scheduled; the
// status bar item (statusBar/scheduledStatusItem.ts) keeps showing what is pending.
import * as vscode from 'vscode';
import { scheduleDelivered, type ScheduleWatch } from './scheduleTiming';
import type { UmpSender } from './umpSender';

/** How often the count is read again while the notification shows (the status item's rate). */
const pollIntervalMs = 250;

/** Shows `report` until the schedule is delivered or cancelled. */
export function showScheduledNotification(sender: UmpSender, report: string, watch: ScheduleWatch): void {
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: report, cancellable: true },
    (_progress, cancellation) =>
      new Promise<void>((resolve) => {
        const subscriptions: vscode.Disposable[] = [];
        const timer = setInterval(() => check(), pollIntervalMs);
        const finish = (): void => {
          clearInterval(timer);
          for (const subscription of subscriptions) subscription.dispose();
          resolve();
        };
        const check = (): void => {
          if (scheduleDelivered(watch, sender.pendingScheduled(), Date.now())) finish();
        };
        subscriptions.push(
          sender.onDidChangeScheduled(() => check()),
          cancellation.onCancellationRequested(() => {
            void vscode.commands.executeCommand('midiScope.cancelScheduled');
            finish();
          }),
        );
        check();
      }),
  );
}
