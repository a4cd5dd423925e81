// MIDI-CI in the monitor: a SysEx7 row whose bytes start 7E xx 0D is named by its MIDI-CI message
// (its first packet is enough), and its details decode the reassembled message: MUIDs, every
// field, the Property Exchange header and data, and what is malformed.
import {
  isMidiCi,
  midiCiFields,
  midiCiMessageNames,
  parseMidiCi,
  summarizeMidiCi,
  type MidiCiMessage,
} from '../../src/midici';
import type { GroupChannelNumbering } from '../../src/ump';

/** The data bytes of one SysEx7 packet (message type 0x3). */
function sysEx7Bytes(words: ArrayLike<number>): number[] {
  const w0 = words[0] >>> 0;
  const w1 = (words[1] ?? 0) >>> 0;
  const count = Math.min((w0 >>> 16) & 0xf, 6);
  const all = [(w0 >>> 8) & 0xff, w0 & 0xff, w1 >>> 24, (w1 >>> 16) & 0xff, (w1 >>> 8) & 0xff, w1 & 0xff];
  return all.slice(0, count);
}

const isSysEx7 = (words: ArrayLike<number>): boolean => words[0] >>> 28 === 0x3;

/** "MIDI-CI Reply to Discovery" for the first packet of a MIDI-CI message; undefined otherwise. */
export function midiCiRowName(words: ArrayLike<number>): string | undefined {
  if (!isSysEx7(words)) return undefined;
  const form = (words[0] >>> 20) & 0xf;
  if (form !== 0 && form !== 1) return undefined;
  const bytes = sysEx7Bytes(words);
  if (bytes.length < 4 || !isMidiCi(bytes)) return undefined;
  return `MIDI-CI ${midiCiMessageNames[bytes[3]] ?? `0x${bytes[3].toString(16).padStart(2, '0')}`}`;
}

export interface MidiCiDetails {
  summary: string;
  fields: [string, string][];
  problems: string[];
}

/** The MIDI-CI message the row's SysEx7 packets carry, parsed; undefined when there is none. */
export function midiCiMessageOf(packets: readonly { words: ArrayLike<number> }[]): MidiCiMessage | undefined {
  if (packets.length === 0 || midiCiRowName(packets[0].words) === undefined) return undefined;
  return parseMidiCi(packets.filter((p) => isSysEx7(p.words)).flatMap((p) => sysEx7Bytes(p.words))).message;
}

/**
 * The message the row's SysEx7 packets carry, decoded (a Device ID's channel under `numbering`);
 * undefined when it is not MIDI-CI.
 */
export function midiCiDetails(
  packets: readonly { words: ArrayLike<number> }[],
  numbering: GroupChannelNumbering,
): MidiCiDetails | undefined {
  if (packets.length === 0 || midiCiRowName(packets[0].words) === undefined) return undefined;
  const bytes = packets.filter((p) => isSysEx7(p.words)).flatMap((p) => sysEx7Bytes(p.words));
  const parsed = parseMidiCi(bytes);
  const problems = parsed.problems.map((p) => p.message);
  if (parsed.message === undefined) return { summary: 'malformed MIDI-CI', fields: [], problems };
  return {
    summary: summarizeMidiCi(parsed.message),
    fields: midiCiFields(parsed.message, numbering).map((f) => [f.name, f.value]),
    problems,
  };
}
