// Durations the end-to-end run measures, for scripts/harness/run-e2e.mjs to summarize (medians
// over every record) after the specs: MIDI_SCOPE_E2E_FIGURES names a JSON-lines file.
import { appendFileSync } from 'node:fs';

/** Records named durations in milliseconds, e.g. { codeServerStartMs: 612 }. */
export function recordFigures(figures: Record<string, number>): void {
  const file = process.env.MIDI_SCOPE_E2E_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}

/** Records one measured duration under `name`, e.g. recordFigure('midiViewFilledMs', 812.4). */
export function recordFigure(name: string, milliseconds: number): void {
  recordFigures({ [name]: Math.round(milliseconds) });
}
