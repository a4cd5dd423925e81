// Flex Data setup messages (message type 0xD, status bank 0): tempo, time signature, metronome
// and key signature. Chord names are in flexDataChord.ts, text in flexDataText.ts.
import { TEN_NS_UNITS_PER_MINUTE } from '../decode/flexData';
import { FlexDataSetupStatus as Status, FlexDataStatusBank as Bank } from '../names/flexData';
import { checkRange } from './checkRange';
import { accidentalNibble, flexDataWord0 } from './flexDataFields';

/** Tempo as the time of a quarter note in units of 10 ns: 50,000,000 is 120 BPM. */
export function buildSetTempo(group: number, tenNsPerQuarter: number): Uint32Array {
  checkRange('tenNsPerQuarter', tenNsPerQuarter, 1, 0xffffffff);
  return Uint32Array.of(setupWord0(group, Status.SetTempo), tenNsPerQuarter, 0, 0);
}

/** The Set Tempo units nearest to `bpm` beats (quarter notes) per minute. */
export function tempoUnitsFromBpm(bpm: number): number {
  if (!Number.isFinite(bpm) || bpm <= 0) throw new RangeError(`bpm must be a positive number; got ${bpm}`);
  const units = Math.round(TEN_NS_UNITS_PER_MINUTE / bpm);
  if (units < 1 || units > 0xffffffff) {
    // 32 bits of 10 ns hold quarter notes from 10 ns to about 43 s long.
    throw new RangeError(`bpm must be a positive number from about 1.397 to 12000000000; got ${bpm}`);
  }
  return units;
}

/** `numerator`/2^`denominatorPower`, e.g. 6, 3 for 6/8; `thirtySecondNotes` per MIDI quarter note. */
export function buildSetTimeSignature(
  group: number,
  numerator: number,
  denominatorPower: number,
  thirtySecondNotes = 8,
): Uint32Array {
  checkRange('numerator', numerator, 1, 0xff);
  checkRange('denominatorPower', denominatorPower, 0, 0xff);
  checkRange('thirtySecondNotes', thirtySecondNotes, 0, 0xff);
  const w1 = ((numerator << 24) | (denominatorPower << 16) | (thirtySecondNotes << 8)) >>> 0;
  return Uint32Array.of(setupWord0(group, Status.SetTimeSignature), w1, 0, 0);
}

export interface Metronome {
  clocksPerPrimaryClick: number;
  /** Clicks in each part of a bar, to accent its first; 0 for none. */
  barAccentPart1?: number;
  barAccentPart2?: number;
  barAccentPart3?: number;
  /** Extra clicks between the primary clicks; 0 for none. */
  subdivisionClicks1?: number;
  subdivisionClicks2?: number;
}

export function buildSetMetronome(group: number, metronome: Metronome): Uint32Array {
  const byte = (name: keyof Metronome): number => checkRange(name, metronome[name] ?? 0, 0, 0xff);
  const w1 =
    ((byte('clocksPerPrimaryClick') << 24) |
      (byte('barAccentPart1') << 16) |
      (byte('barAccentPart2') << 8) |
      byte('barAccentPart3')) >>>
    0;
  const w2 = ((byte('subdivisionClicks1') << 24) | (byte('subdivisionClicks2') << 16)) >>> 0;
  return Uint32Array.of(setupWord0(group, Status.SetMetronome), w1, w2, 0);
}

/**
 * `sharpsFlats` -7 to 7 (negative for flats; -8 for a non-standard key), `tonic` 1 = A … 7 = G
 * (0 unknown). To the whole group, or to one `channel`.
 */
export function buildSetKeySignature(
  group: number,
  sharpsFlats: number,
  tonic: number,
  channel?: number,
): Uint32Array {
  const nibble = accidentalNibble('sharpsFlats', sharpsFlats, -8, 7);
  checkRange('tonic', tonic, 0, 7);
  const w0 = flexDataWord0(group, channel, Bank.SetupAndPerformance, Status.SetKeySignature);
  return Uint32Array.of(w0, ((nibble << 28) | (tonic << 24)) >>> 0, 0, 0);
}

/** Tempo, time signature and metronome apply to a whole group. */
function setupWord0(group: number, status: Status): number {
  return flexDataWord0(group, undefined, Bank.SetupAndPerformance, status);
}
