// MIDI Clip File (M2-116-U): the 8 bytes "SMF2CLIP", a Clip Configuration Header (a Delta
// Clockstamp and the Delta Clockstamp Ticks Per Quarter Note), then the Clip Sequence Data: Start
// of Clip, the messages each after a Delta Clockstamp (DCS: 20 bits of ticks since the previous
// message; a longer gap takes several), End of Clip. Words are big-endian.
//
// A capture wants its clock, not bars: the writer picks 10,000 ticks per quarter note and a Set
// Tempo right after Start of Clip that makes one clip tick one clock tick (at 10 MHz: 100 ns, a
// quarter note of 1 ms), so timestamps survive exactly. A Set Tempo in the capture itself is
// written as it is and, as the spec says, changes the length of a tick from there on; the writer
// follows it, so times stay right at that tempo's resolution.
import { ByteChunks } from './byteChunks';
import type { CaptureInfo } from './captureTable';
import type { CaptureWriter } from './captureWriter';

export const clipFileMagic = 'SMF2CLIP';
export const clipTicksPerQuarterNote = 10_000;
/**
 * The largest delta the writer puts in one Delta Clockstamp (which holds 20 bits): 16 bits, as many as ALSA's aplaymidi2
 * (alsa-utils 1.2.14) reads, since it takes a DCS's ticks through the 16-bit DCTPQ field. A longer
 * gap takes several DCS, which the spec adds up, so every reader gets the same times (tested
 * against aplaymidi2 by scripts/interop/alsa-midi-clip.sh).
 */
export const writtenDeltaLimit = 0xffff;

const deltaClockstamp = (ticks: number): number => (0x4 << 20) | ticks;
const ticksPerQuarterNoteWord = (ticks: number): number => (0x3 << 20) | ticks;
const startOfClip = [0xf0200000, 0, 0, 0];
const endOfClip = [0xf0210000, 0, 0, 0];

/** Set Tempo (Flex Data, complete, to the group, bank 0 status 0): its tempo, else undefined. */
export function setTempoOf(words: ArrayLike<number>, offset: number): number | undefined {
  const first = words[offset] >>> 0;
  return first >>> 28 === 0xd && (first & 0x00f0ffff) === 0x00100000 ? words[offset + 1] >>> 0 : undefined;
}

/** The Set Tempo value (10 ns units per quarter note) that makes a clip tick last one clock tick. */
export function tempoForClock(ticksPerSecond: number): number {
  return Math.round((clipTicksPerQuarterNote * 1e8) / ticksPerSecond);
}

/**
 * Messages a clip cannot carry as messages, because they are its own structure: Delta
 * Clockstamps and Ticks Per Quarter Note (they would retime what follows), Start and End of Clip.
 */
export function isClipStructure(first: number): boolean {
  const type = first >>> 28;
  if (type === 0x0) return ((first >>> 20) & 0xf) === 0x3 || ((first >>> 20) & 0xf) === 0x4;
  return type === 0xf && ((first >>> 16) & 0x3ff) >= 0x20 && ((first >>> 16) & 0x3ff) <= 0x21;
}

export class ClipFileWriter implements CaptureWriter {
  private readonly chunks = new ByteChunks();
  /** Clock ticks per clip tick under the tempo in force. */
  private clockTicksPerClipTick: number;
  /** Clock time of the clip position written so far. */
  private clockAt: number | undefined;
  written = 0;
  private structureLeftOut = 0;

  constructor(private readonly info: CaptureInfo) {
    for (const code of clipFileMagic) this.chunks.byte(code.charCodeAt(0));
    this.chunks.word(deltaClockstamp(0));
    this.chunks.word(ticksPerQuarterNoteWord(clipTicksPerQuarterNote));
    this.chunks.word(deltaClockstamp(0));
    for (const word of startOfClip) this.chunks.word(word);
    const tempo = tempoForClock(info.ticksPerSecond);
    this.chunks.word(deltaClockstamp(0));
    this.writeTempo(tempo);
    this.clockTicksPerClipTick = this.clockPerClipTick(tempo);
  }

  get pendingSize(): number {
    return this.chunks.size;
  }

  get leftOut(): string[] {
    return this.structureLeftOut === 0
      ? []
      : [
          `${this.structureLeftOut} Delta Clockstamp, Ticks Per Quarter Note or Start/End of Clip message(s): in a clip they are its structure`,
        ];
  }

  add(source: ArrayLike<number>, offset: number, wordCount: number, ticks: number): void {
    if (isClipStructure(source[offset] >>> 0)) {
      this.structureLeftOut++;
      return;
    }
    if (this.clockAt === undefined) this.clockAt = ticks;
    const clipTicks = Math.max(0, Math.round((ticks - this.clockAt) / this.clockTicksPerClipTick));
    this.writeDelta(clipTicks);
    this.clockAt += clipTicks * this.clockTicksPerClipTick;
    for (let i = 0; i < wordCount; i++) this.chunks.word(source[offset + i]);
    const tempo = setTempoOf(source, offset);
    if (tempo !== undefined && tempo > 0) this.clockTicksPerClipTick = this.clockPerClipTick(tempo);
    this.written++;
  }

  take(): Uint8Array {
    return this.chunks.take();
  }

  finish(): Uint8Array {
    this.chunks.word(deltaClockstamp(0));
    for (const word of endOfClip) this.chunks.word(word);
    return this.chunks.take();
  }

  private writeTempo(tempo: number): void {
    this.chunks.word(0xd0100000);
    this.chunks.word(tempo);
    this.chunks.word(0);
    this.chunks.word(0);
  }

  /** Every message has a DCS before it; a gap longer than one holds takes several. */
  private writeDelta(clipTicks: number): void {
    let left = clipTicks;
    while (left > writtenDeltaLimit) {
      this.chunks.word(deltaClockstamp(writtenDeltaLimit));
      left -= writtenDeltaLimit;
    }
    this.chunks.word(deltaClockstamp(left));
  }

  private clockPerClipTick(tempo: number): number {
    return (tempo * this.info.ticksPerSecond) / (clipTicksPerQuarterNote * 1e8);
  }
}
