// Note names with middle C (note 60) as C4, the convention of the MIDI 2.0 specs' examples and
// most DAWs; some (Yamaha, Ableton) call it C3.
const pitchClasses = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

export function noteName(note: number): string {
  return pitchClasses[note % 12] + String(Math.floor(note / 12) - 1);
}

/** "60 (C4)" */
export function describeNote(note: number): string {
  return `${note} (${noteName(note)})`;
}
