// Names for Flex Data (M2-104-UM v1.1, "Flex Data Messages"): status banks and statuses, the
// metadata and performance text kinds, and the music vocabulary of key and chord messages.

export enum FlexDataStatusBank {
  SetupAndPerformance = 0x00,
  MetadataText = 0x01,
  PerformanceText = 0x02,
}

export enum FlexDataSetupStatus {
  SetTempo = 0x00,
  SetTimeSignature = 0x01,
  SetMetronome = 0x02,
  SetKeySignature = 0x05,
  SetChordName = 0x06,
}

const setupNames = new Map<number, string>([
  [0x00, 'Set Tempo'],
  [0x01, 'Set Time Signature'],
  [0x02, 'Set Metronome'],
  [0x05, 'Set Key Signature'],
  [0x06, 'Set Chord Name'],
]);

const metadataTextNames = [
  'Unknown Metadata Text',
  'Project Name',
  'Composition (Song) Name',
  'MIDI Clip Name',
  'Copyright Notice',
  'Composer Name',
  'Lyricist Name',
  'Arranger Name',
  'Publisher Name',
  'Primary Performer Name',
  'Accompanying Performer Name',
  'Recording / Concert Date',
  'Recording / Concert Location',
];

const performanceTextNames = [
  'Unknown Performance Text',
  'Lyrics',
  'Lyrics Language',
  'Ruby',
  'Ruby Language',
];

/** Banks 0x01 (metadata text) and 0x02 (performance text events). */
export function isTextBank(bank: number): boolean {
  return bank === 0x01 || bank === 0x02;
}

/** The message's name, or undefined for a reserved bank or status. */
export function flexDataName(bank: number, status: number): string | undefined {
  if (bank === 0x00) return setupNames.get(status);
  if (bank === 0x01) return metadataTextNames[status];
  if (bank === 0x02) return performanceTextNames[status];
  return undefined;
}

export function statusBankName(bank: number): string {
  switch (bank) {
    case 0x00:
      return 'Setup and Performance';
    case 0x01:
      return 'Metadata Text';
    case 0x02:
      return 'Performance Text Event';
    default:
      return 'Reserved';
  }
}

/** Tonic / note letters: 1 = A … 7 = G; 0 means unknown or non-standard. */
export function tonicName(tonic: number): string {
  return tonic >= 1 && tonic <= 7 ? 'ABCDEFG'[tonic - 1] : tonic === 0 ? 'unknown' : 'reserved';
}

/** A 4-bit two's complement nibble as a signed number (−8…7). */
export function signedNibble(nibble: number): number {
  return nibble >= 8 ? nibble - 16 : nibble;
}

/** Chord accidentals: +2 double sharp … −2 double flat. */
export function accidentalSymbol(sharpsFlats: number): string | undefined {
  switch (sharpsFlats) {
    case 2:
      return '𝄪';
    case 1:
      return '♯';
    case 0:
      return '';
    case -1:
      return '♭';
    case -2:
      return '𝄫';
    default:
      return undefined;
  }
}

const chordTypeNames = [
  'No Chord',
  'Major',
  'Major 6th',
  'Major 7th',
  'Major 9th',
  'Major 11th',
  'Major 13th',
  'Minor',
  'Minor 6th',
  'Minor 7th',
  'Minor 9th',
  'Minor 11th',
  'Minor 13th',
  'Dominant',
  'Dominant 9th',
  'Dominant 11th',
  'Dominant 13th',
  'Augmented',
  'Augmented 7th',
  'Diminished',
  'Diminished 7th',
  'Half-Diminished',
  'Major Minor',
  'Pedal',
  'Power',
  'Suspended 2nd',
  'Suspended 4th',
  '7 Suspended 4th',
];

export function chordTypeName(chordType: number): string {
  return chordTypeNames[chordType] ?? 'Reserved';
}

const alterationKinds = ['none', 'add', 'subtract', 'raise', 'lower'];

/** An alteration byte: type in the high nibble (0 none, 1 add, 2 subtract, 3 raise, 4 lower), degree in the low. */
export function describeAlteration(alteration: number): string {
  const kind = alteration >>> 4;
  if (kind === 0) return 'none';
  return `${alterationKinds[kind] ?? 'reserved'} ${alteration & 0xf}`;
}
