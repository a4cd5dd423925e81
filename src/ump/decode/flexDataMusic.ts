// The payloads of the Flex Data key signature and chord name messages (M2-104-UM v1.1, "Set Key
// Signature" and "Set Chord Name"): accidentals as signed nibbles, notes as letters 1 = A … 7 = G.
import type { UmpField } from '../decodedUmp';
import { hex } from '../hex';
import {
  accidentalSymbol,
  chordTypeName,
  describeAlteration,
  signedNibble,
  tonicName,
} from '../names/flexData';
import { describedField } from './fields';

interface Payload {
  fields: UmpField[];
  summary: string;
}

export function describeKeySignature(w1: number): Payload {
  const sharpsFlats = signedNibble(w1 >>> 28);
  const tonic = (w1 >>> 24) & 0xf;
  const accidentals =
    sharpsFlats === -8
      ? 'non-standard'
      : sharpsFlats === 0
        ? 'no sharps or flats'
        : sharpsFlats > 0
          ? `${sharpsFlats} sharp${sharpsFlats > 1 ? 's' : ''}`
          : `${-sharpsFlats} flat${sharpsFlats < -1 ? 's' : ''}`;
  return {
    fields: [
      describedField('Sharps / Flats', sharpsFlats, `${sharpsFlats} (${accidentals})`),
      describedField('Tonic Note', tonic, `${tonic} (${tonicName(tonic)})`),
    ],
    summary: `${tonicName(tonic)}, ${accidentals}`,
  };
}

export function describeChordName(w1: number, w2: number, w3: number): Payload {
  const tonicAccidental = signedNibble(w1 >>> 28);
  const tonic = (w1 >>> 24) & 0xf;
  const chordType = (w1 >>> 16) & 0xff;
  const bassAccidental = signedNibble(w3 >>> 28);
  const bassNote = (w3 >>> 24) & 0xf;
  const bassType = (w3 >>> 16) & 0xff;
  const alterations = [(w1 >>> 8) & 0xff, w1 & 0xff, w2 >>> 24, (w2 >>> 16) & 0xff];
  const bassAlterations = [(w3 >>> 8) & 0xff, w3 & 0xff];
  const fields: UmpField[] = [
    describedField('Tonic Sharps / Flats', tonicAccidental, describeAccidental(tonicAccidental)),
    describedField('Chord Tonic', tonic, `${tonic} (${tonicName(tonic)})`),
    describedField('Chord Type', chordType, `${hex(chordType, 2)} (${chordTypeName(chordType)})`),
  ];
  alterations.forEach((alteration, i) =>
    fields.push(alterationField(`Chord Alteration ${i + 1}`, alteration)),
  );
  fields.push(
    describedField('Bass Sharps / Flats', bassAccidental, describeAccidental(bassAccidental)),
    describedField('Bass Note', bassNote, `${bassNote} (${tonicName(bassNote)})`),
    describedField('Bass Chord Type', bassType, `${hex(bassType, 2)} (${chordTypeName(bassType)})`),
  );
  bassAlterations.forEach((alteration, i) =>
    fields.push(alterationField(`Bass Alteration ${i + 1}`, alteration)),
  );
  const chord = `${noteText(tonic, tonicAccidental)} ${chordTypeName(chordType)}`;
  const bass = bassNote === 0 ? '' : ` / ${noteText(bassNote, bassAccidental)}`;
  return { fields, summary: chord + bass };
}

function alterationField(name: string, alteration: number): UmpField {
  return describedField(name, alteration, `${hex(alteration, 2)} (${describeAlteration(alteration)})`);
}

function describeAccidental(sharpsFlats: number): string {
  const symbol = accidentalSymbol(sharpsFlats);
  if (symbol === undefined) return `${sharpsFlats} (reserved)`;
  return `${sharpsFlats} (${symbol === '' ? 'natural' : symbol})`;
}

function noteText(note: number, sharpsFlats: number): string {
  return tonicName(note) + (accidentalSymbol(sharpsFlats) ?? '?');
}
