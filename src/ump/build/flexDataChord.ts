// The Flex Data Set Chord Name message (status bank 0, status 0x06): a chord's tonic, type and
// alterations, and optionally a bass note with its own.
import { FlexDataSetupStatus as Status, FlexDataStatusBank as Bank } from '../names/flexData';
import { checkLength, checkRange } from './checkRange';
import { accidentalNibble, flexDataWord0 } from './flexDataFields';

/** The last chord type the spec names (0x1B, 7 suspended 4th). */
const lastChordType = 0x1b;
/** An alteration byte: type 0–4 (none, add, subtract, raise, lower) high, degree low. */
const lastAlteration = 0x4f;

export interface ChordName {
  /** -2 (double flat) to 2 (double sharp). */
  tonicSharpsFlats: number;
  /** 1 = A … 7 = G; 0 unknown. */
  tonic: number;
  /** 0x00 no chord … 0x1B. */
  chordType: number;
  /** Up to four alteration bytes. */
  alterations?: readonly number[];
  bassSharpsFlats?: number;
  /** 0 for no separate bass note. */
  bassNote?: number;
  bassChordType?: number;
  /** Up to two alteration bytes. */
  bassAlterations?: readonly number[];
}

/** To the whole group, or to one `channel`. */
export function buildSetChordName(group: number, chord: ChordName, channel?: number): Uint32Array {
  const tonic = noteByte('tonicSharpsFlats', chord.tonicSharpsFlats, 'tonic', chord.tonic);
  const chordType = checkRange('chordType', chord.chordType, 0, lastChordType);
  const [a1, a2, a3, a4] = alterationBytes('alterations', chord.alterations, 4);
  const bass = noteByte('bassSharpsFlats', chord.bassSharpsFlats ?? 0, 'bassNote', chord.bassNote ?? 0);
  const bassType = checkRange('bassChordType', chord.bassChordType ?? 0, 0, lastChordType);
  const [b1, b2] = alterationBytes('bassAlterations', chord.bassAlterations, 2);
  const w0 = flexDataWord0(group, channel, Bank.SetupAndPerformance, Status.SetChordName);
  return Uint32Array.of(
    w0,
    ((tonic << 24) | (chordType << 16) | (a1 << 8) | a2) >>> 0,
    ((a3 << 24) | (a4 << 16)) >>> 0,
    ((bass << 24) | (bassType << 16) | (b1 << 8) | b2) >>> 0,
  );
}

/** Accidental in the high nibble, note letter in the low. */
function noteByte(accidentalName: string, sharpsFlats: number, noteName: string, note: number): number {
  const nibble = accidentalNibble(accidentalName, sharpsFlats, -2, 2);
  return (nibble << 4) | checkRange(noteName, note, 0, 7);
}

function alterationBytes(name: string, alterations: readonly number[] = [], slots: number): number[] {
  checkLength(name, alterations, 0, slots);
  const bytes = alterations.map((alteration, i) =>
    checkRange(`${name}[${i}]`, alteration, 0, lastAlteration),
  );
  while (bytes.length < slots) bytes.push(0);
  return bytes;
}
