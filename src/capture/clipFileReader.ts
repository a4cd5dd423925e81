// Reads a MIDI Clip File (see clipFileFormat.ts). Timing follows the file: each Delta Clockstamp
// adds its ticks, Delta Clockstamp Ticks Per Quarter Note and Set Tempo (default 120 BPM) set how
// long a tick is. The Set Tempo right after Start of Clip is the clip's timing and is not listed;
// later ones are messages too. Messages of the Clip Configuration Header (profiles, metadata)
// are counted in the notes, not listed. Timestamps start at 0.
import { messageTypeName, wordCountOf } from '../ump';
import { CaptureTable, type CaptureReadError, type CaptureReading } from './captureTable';
import { clipFileMagic, setTempoOf } from './clipFileFormat';
import type { ReadOptions } from './umpTextReader';

const defaultTempo = 50_000_000;

export interface ClipReadOptions extends ReadOptions {
  /** Clock ticks per second for the timestamps made (default MidiClock's 10 MHz). */
  ticksPerSecond?: number;
}

export function readClipFile(bytes: Uint8Array, options: ClipReadOptions): CaptureReading {
  const ticksPerSecond = options.ticksPerSecond ?? 10_000_000;
  const table = new CaptureTable();
  const notes: string[] = [];
  const info = { endpoints: [options.defaultEndpoint], ticksPerSecond };
  const finish = (error?: CaptureReadError): CaptureReading => ({ info, table, error, notes });
  const fail = (offset: number, message: string, expected: string): CaptureReading =>
    finish({ message, expected, offset });

  for (let i = 0; i < clipFileMagic.length; i++) {
    if (bytes[i] !== clipFileMagic.charCodeAt(i)) {
      return fail(
        i,
        `the file does not start with "${clipFileMagic}"`,
        `the 8 bytes "${clipFileMagic}" of a MIDI Clip File`,
      );
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(4);
  let ticksPerQuarter: number | undefined;
  let tempo = defaultTempo;
  let inSequence = false;
  let ended = false;
  let justStarted = false;
  let configurationMessages = 0;
  // Time = base + clip ticks since the last tempo change × clock ticks per clip tick.
  let baseClock = 0;
  let ticksSinceChange = 0;
  let clockPerTick = 0;
  const retime = (): void => {
    baseClock += ticksSinceChange * clockPerTick;
    ticksSinceChange = 0;
    clockPerTick = ticksPerQuarter ? (tempo * ticksPerSecond) / (ticksPerQuarter * 1e8) : 0;
  };

  let offset = clipFileMagic.length;
  if ((bytes.length - offset) % 4 !== 0) {
    notes.push(`${(bytes.length - offset) % 4} byte(s) at the end do not fill a word`);
  }
  while (offset + 4 <= bytes.length) {
    const first = view.getUint32(offset, false);
    const size = wordCountOf(first);
    if (offset + size * 4 > bytes.length) {
      return fail(
        offset,
        `a ${messageTypeName(first >>> 28)} message needs ${size} words and the file ends first`,
        `${size * 4} bytes from here`,
      );
    }
    if (ended) return fail(offset, 'a message after End of Clip', 'nothing after End of Clip');
    for (let i = 0; i < size; i++) words[i] = view.getUint32(offset + i * 4, false);
    const messageOffset = offset;
    offset += size * 4;
    const type = first >>> 28;
    if (type === 0x0 && ((first >>> 20) & 0xf) === 0x4) {
      // The header's own DCS (before DCTPQ) counts nothing: no tick length is known yet.
      if (ticksPerQuarter !== undefined) ticksSinceChange += first & 0xfffff;
      continue;
    }
    if (type === 0x0 && ((first >>> 20) & 0xf) === 0x3) {
      const value = first & 0xffff;
      if (value === 0)
        return fail(
          messageOffset,
          'Delta Clockstamp Ticks Per Quarter Note of 0',
          'a tick count of 1 to 65535',
        );
      retime();
      ticksPerQuarter = value;
      retime();
      continue;
    }
    if (type === 0xf && (first & 0xffff0000) >>> 0 === 0xf0200000) {
      if (ticksPerQuarter === undefined) {
        return fail(
          messageOffset,
          'Start of Clip before any Delta Clockstamp Ticks Per Quarter Note',
          'DCTPQ (0x0030xxxx) in the Clip Configuration Header',
        );
      }
      inSequence = true;
      justStarted = true;
      continue;
    }
    if (type === 0xf && (first & 0xffff0000) >>> 0 === 0xf0210000) {
      if (!inSequence)
        return fail(messageOffset, 'End of Clip before Start of Clip', 'Start of Clip (0xF0200000) first');
      ended = true;
      continue;
    }
    if (!inSequence) {
      configurationMessages++;
      continue;
    }
    const newTempo = setTempoOf(words, 0);
    if (newTempo !== undefined && newTempo > 0) {
      retime();
      tempo = newTempo;
      retime();
      if (justStarted) {
        justStarted = false;
        continue;
      }
    }
    justStarted = false;
    table.add(words, 0, size, Math.round(baseClock + ticksSinceChange * clockPerTick), 0);
  }
  if (configurationMessages > 0) {
    notes.push(
      `${configurationMessages} message(s) of the Clip Configuration Header (profiles, metadata) are not listed`,
    );
  }
  if (!inSequence)
    return fail(offset, 'the file has no Start of Clip', 'Start of Clip (0xF0200000) after the header');
  if (!ended)
    return fail(offset, 'the file ends without End of Clip', 'End of Clip (0xF0210000) as the last message');
  return finish();
}
