// Windows MIDI Services console capture text (`midi endpoint monitor --capture-to-file`, file
// extension .midi2): a header of `#` lines (title with date, endpoint, whether annotated, the
// field delimiter), then per message an optional annotation line `# <time of day> <timestamp
// ticks> <message type> <message name>` and a line of `0x`-prefixed words joined by the delimiter.
// The console's send-message-file skips `#` lines, so the file sends back as it is.
//
// MIDI Scope adds what that header cannot say as more `#` lines the console ignores: the clock
// rate and, with several endpoints, one `# Endpoint eN:` line each and an `[eN]` at the end of
// the annotations.
import { decodeUmp } from '../ump';
import { hexDigits } from '../ump/hex';
import { oneLine, TextChunks, type CaptureWriter } from './captureWriter';
import type { CaptureInfo } from './captureTable';

export type Midi2Delimiter = 'Space' | 'Comma' | 'Pipe' | 'Tab';

export const midi2Delimiters: Readonly<Record<Midi2Delimiter, string>> = {
  Space: ' ',
  Comma: ',',
  Pipe: '|',
  Tab: '\t',
};

/** Names of the message types as the Windows MIDI Services API spells them (MidiMessageType). */
export const windowsMessageTypeNames: readonly string[] = [
  'UtilityMessage32',
  'SystemCommon32',
  'Midi1ChannelVoice32',
  'DataMessage64',
  'Midi2ChannelVoice64',
  'DataMessage128',
  'FutureReserved632',
  'FutureReserved732',
  'FutureReserved864',
  'FutureReserved964',
  'FutureReservedA64',
  'FutureReservedB96',
  'FutureReservedC96',
  'FlexData128',
  'FutureReservedE128',
  'Stream128',
];

export const midi2HeaderKeys = {
  title: 'Windows MIDI Services Console Capture',
  endpoint: 'Endpoint:',
  extraEndpoint: 'Endpoint e',
  annotation: 'Annotation:',
  delimiter: 'Delimiter:',
  ticksPerSecond: 'Timestamp frequency (Hz):',
} as const;

export interface Midi2WriteOptions {
  /** Write an annotation line before each message (default true: it carries the timestamps). */
  annotate?: boolean;
  delimiter?: Midi2Delimiter;
  /** Wall-clock time (ms since 1970) at clock tick `atTicks`, for the annotations' time of day. */
  wallClock?: { epochMs: number; atTicks: number };
}

function twoDigits(value: number): string {
  return value < 10 ? '0' + value : String(value);
}

/** HH:mm:ss.fff of a time in ms since 1970, in local time as the console writes it. */
function timeOfDay(epochMs: number): string {
  const date = new Date(epochMs);
  const ms = date.getMilliseconds();
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}

export class Midi2TextWriter implements CaptureWriter {
  private readonly chunks = new TextChunks();
  private readonly delimiter: string;
  private readonly annotate: boolean;
  private readonly names = new Map<number, string>();
  written = 0;
  readonly leftOut: string[] = [];

  constructor(
    private readonly info: CaptureInfo,
    private readonly options: Midi2WriteOptions = {},
  ) {
    const delimiterName = options.delimiter ?? 'Space';
    this.delimiter = midi2Delimiters[delimiterName];
    this.annotate = options.annotate ?? true;
    let header = '#\n';
    header += `# ${midi2HeaderKeys.title} ${new Date(options.wallClock?.epochMs ?? Date.now()).toDateString()}\n`;
    header += `# ${midi2HeaderKeys.endpoint}   ${oneLine(info.endpoints[0] ?? '')}\n`;
    for (let index = 1; index < info.endpoints.length; index++)
      header += `# ${midi2HeaderKeys.extraEndpoint}${index}: ${oneLine(info.endpoints[index])}\n`;
    header += `# ${midi2HeaderKeys.annotation} ${this.annotate ? 'True' : 'False'}\n`;
    header += `# ${midi2HeaderKeys.delimiter}  ${delimiterName}\n`;
    header += `# ${midi2HeaderKeys.ticksPerSecond} ${info.ticksPerSecond}\n`;
    if (info.title) header += `# ${oneLine(info.title)}\n`;
    header += '#\n';
    this.chunks.push(header);
  }

  get pendingSize(): number {
    return this.chunks.size;
  }

  add(
    source: ArrayLike<number>,
    offset: number,
    wordCount: number,
    ticks: number,
    endpointIndex: number,
  ): void {
    const d = this.delimiter;
    let text = '';
    if (this.annotate) {
      const clock = this.options.wallClock;
      const epochMs = clock ? clock.epochMs + ((ticks - clock.atTicks) * 1000) / this.info.ticksPerSecond : 0;
      text += `# ${clock ? timeOfDay(epochMs) : '00:00:00.000'}${d}${ticks}${d}${this.typeAndName(source, offset, wordCount)}`;
      text += this.info.endpoints.length > 1 ? ` [e${endpointIndex}]\n` : '\n';
    }
    for (let i = 0; i < wordCount; i++)
      text += (i === 0 ? '0x' : d + '0x') + hexDigits(source[offset + i], 8);
    this.chunks.push(text + '\n');
    this.written++;
  }

  take(): Uint8Array {
    return this.chunks.take();
  }

  finish(): Uint8Array {
    return this.chunks.take();
  }

  /**
   * The message's name, remembered per first word's top 16 bits, which hold the type and status
   * that name a message, or per whole first word for Flex Data (its status is in the low bits).
   */
  private typeAndName(source: ArrayLike<number>, offset: number, wordCount: number): string {
    const first = source[offset] >>> 0;
    const key = first >>> 28 === 0xd ? first : first >>> 16;
    let text = this.names.get(key);
    if (text === undefined) {
      const words = new Uint32Array(4);
      for (let i = 0; i < wordCount; i++) words[i] = source[offset + i];
      const name = oneLine(decodeUmp(words.subarray(0, wordCount), 0).name);
      text = `${windowsMessageTypeNames[first >>> 28]}${this.delimiter}${name}`;
      if (this.names.size < 65536) this.names.set(key, text);
    }
    return text;
  }
}
