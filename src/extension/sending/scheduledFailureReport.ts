// Scheduled messages that were not sent at their due time (the device refused them, its
// buffer was full, or it went away while they waited) are never lost silently: each burst the
// sender finds is a warning in the log, and the first one of a schedule is a notification too
// (the status bar counts the rest while anything is still pending).
import * as vscode from 'vscode';
import { describeSendResult } from '../../engine';
import { plural } from './sendReport';
import type { ScheduledFailure, UmpSender } from './umpSender';

/** The sentence of one burst, e.g. "2 scheduled messages to Synth (id) were not sent …". */
export function scheduledFailureText(failure: ScheduledFailure, endpointName: string | undefined): string {
  const where =
    endpointName === undefined ? failure.endpointDeviceId : `${endpointName} (${failure.endpointDeviceId})`;
  const reasons = describeSendResult(failure.result).join(', ');
  return (
    `${plural(failure.messages, 'scheduled message')} to ${where} ` +
    `${failure.messages === 1 ? 'was' : 'were'} not sent at ${failure.messages === 1 ? 'its' : 'their'} due time: ${reasons}.`
  );
}

export function reportScheduledFailures(
  sender: UmpSender,
  log: vscode.LogOutputChannel,
  endpointName: (endpointDeviceId: string) => string | undefined,
): vscode.Disposable {
  // One notification per schedule: until nothing is pending again, later bursts go to the log.
  let notified = false;
  return vscode.Disposable.from(
    sender.onDidFailScheduled((failure) => {
      const text = scheduledFailureText(failure, endpointName(failure.endpointDeviceId));
      log.warn(text);
      if (notified) return;
      notified = true;
      void vscode.window.showWarningMessage(text, 'Show Log').then((choice) => {
        if (choice) log.show(true);
      });
    }),
    sender.onDidChangeScheduled(() => {
      if (sender.pendingScheduled() === 0) notified = false;
    }),
  );
}
