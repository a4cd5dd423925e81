// Where the end-to-end suite learns that deactivate() ran to the end. The extension host exits
// right after deactivation and does not flush extensions' log channels first, so the log line
// alone can be lost; when MIDI_SCOPE_DEACTIVATION_REPORT names a file, the summary is appended
// to it synchronously as well. Unset (as for every user), this does nothing.
import { appendFileSync } from 'node:fs';

export const deactivationReportVariable = 'MIDI_SCOPE_DEACTIVATION_REPORT';

export function reportDeactivation(summary: string): void {
  const file = process.env[deactivationReportVariable];
  if (!file) return;
  try {
    appendFileSync(file, `${new Date().toISOString()} pid ${process.pid} ${summary}\n`);
  } catch {
    // A report the test cannot read fails the test; deactivation itself must not fail for it.
  }
}
