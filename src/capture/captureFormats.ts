// The capture formats by name: file extensions, a writer for each, and one reader entry point.
import { ClipFileWriter } from './clipFileFormat';
import { readClipFile } from './clipFileReader';
import type { CaptureInfo, CaptureReading } from './captureTable';
import type { CaptureWriter } from './captureWriter';
import { Midi2TextWriter, type Midi2WriteOptions } from './midi2TextFormat';
import { readMidi2Text } from './midi2TextReader';
import { readSysExFile, SysExFileWriter } from './sysExFile';
import { UmpTextWriter } from './umpTextFormat';
import { readUmpText, type ReadOptions } from './umpTextReader';

export type CaptureFormat = 'ump' | 'midi2' | 'clip' | 'syx';

export const captureFormats: readonly CaptureFormat[] = ['ump', 'midi2', 'clip', 'syx'];

export const captureFormatDetails: Readonly<
  Record<CaptureFormat, { label: string; extensions: string[]; description: string }>
> = {
  ump: {
    label: 'UMP text with timing',
    extensions: ['ump'],
    description: 'hex words with @µs offsets; Schedule replays it',
  },
  midi2: {
    label: 'Windows MIDI Services capture',
    extensions: ['midi2'],
    description: 'midi endpoint monitor --capture-to-file text, annotated',
  },
  clip: {
    label: 'MIDI Clip File (M2-116-U)',
    extensions: ['midi2clip', 'mid2'],
    description: 'SMF2CLIP with delta clockstamps (arecordmidi2 / aplaymidi2)',
  },
  syx: { label: 'SysEx (.syx)', extensions: ['syx'], description: 'the SysEx7 messages as F0 … F7 bytes' },
};

/** The format a file name's extension says, or undefined. */
export function captureFormatOf(fileName: string): CaptureFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  return captureFormats.find((format) => captureFormatDetails[format].extensions.includes(extension));
}

export function createCaptureWriter(
  format: CaptureFormat,
  info: CaptureInfo,
  midi2?: Midi2WriteOptions,
): CaptureWriter {
  switch (format) {
    case 'ump':
      return new UmpTextWriter(info);
    case 'midi2':
      return new Midi2TextWriter(info, midi2);
    case 'clip':
      return new ClipFileWriter(info);
    case 'syx':
      return new SysExFileWriter();
  }
}

const decoder = new TextDecoder('utf-8');

/** Reads a whole file; a binary clip file is recognised by its magic whatever its name. */
export function readCapture(bytes: Uint8Array, format: CaptureFormat, options: ReadOptions): CaptureReading {
  switch (format) {
    case 'ump':
      return readUmpText(decoder.decode(bytes), options);
    case 'midi2':
      return readMidi2Text(decoder.decode(bytes), options);
    case 'clip':
      return readClipFile(bytes, options);
    case 'syx':
      return readSysExFile(bytes, options);
  }
}

/** Writes a whole capture into one byte array (tests and small files; saves stream instead). */
export function writeCaptureBytes(
  format: CaptureFormat,
  info: CaptureInfo,
  messages: Iterable<{ words: ArrayLike<number>; ticks: number; endpointIndex?: number }>,
): { bytes: Uint8Array; writer: CaptureWriter } {
  const writer = createCaptureWriter(format, info);
  const parts: Uint8Array[] = [];
  for (const message of messages) {
    writer.add(message.words, 0, message.words.length, message.ticks, message.endpointIndex ?? 0);
    if (writer.pendingSize > 1 << 20) parts.push(writer.take());
  }
  parts.push(writer.finish());
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, writer };
}
