// `.ump` capture text: one message per line as the send and schedule commands read it, each line
// led by `@<µs>us`, its time from the first message, so Schedule replays it with its timing. A
// header of `//` comments keeps what the lines cannot: the clock rate, the first message's clock
// time and the endpoint names; with several endpoints each line ends with `// e<index>`.
import { hexDigits } from '../ump/hex';
import { oneLine, TextChunks, type CaptureWriter } from './captureWriter';
import type { CaptureInfo } from './captureTable';

export const umpHeaderKeys = {
  title: 'MIDI Scope capture:',
  ticksPerSecond: 'ticks per second:',
  startTicks: 'first message at tick:',
  endpoint: 'endpoint e',
} as const;

/** Microseconds of `ticks` at `ticksPerSecond`, as the shortest exact decimal (10 MHz: one digit). */
export function microsecondsText(ticks: number, ticksPerSecond: number): string {
  if (ticksPerSecond === 10_000_000 && Number.isSafeInteger(ticks) && ticks >= 0) {
    const tenths = ticks % 10;
    return tenths === 0 ? String((ticks - tenths) / 10) : `${(ticks - tenths) / 10}.${tenths}`;
  }
  // toFixed(3) always has a point: drop the zeros after it, then a bare point.
  return ((ticks * 1e6) / ticksPerSecond).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

export class UmpTextWriter implements CaptureWriter {
  private readonly chunks = new TextChunks();
  private startTicks: number | undefined;
  private headerWritten = false;
  written = 0;
  readonly leftOut: string[] = [];

  constructor(private readonly info: CaptureInfo) {}

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
    if (this.startTicks === undefined) {
      this.startTicks = ticks;
      this.writeHeader(ticks);
    }
    let line = `@${microsecondsText(Math.max(0, ticks - this.startTicks), this.info.ticksPerSecond)}us`;
    for (let i = 0; i < wordCount; i++) line += ' 0x' + hexDigits(source[offset + i], 8);
    if (this.info.endpoints.length > 1) line += ` // e${endpointIndex}`;
    this.chunks.push(line + '\n');
    this.written++;
  }

  take(): Uint8Array {
    return this.chunks.take();
  }

  finish(): Uint8Array {
    if (!this.headerWritten) this.writeHeader(0);
    return this.chunks.take();
  }

  private writeHeader(startTicks: number): void {
    this.headerWritten = true;
    const { info } = this;
    let header = `// ${umpHeaderKeys.title} ${oneLine(info.title ?? '')}\n`;
    header += `// ${umpHeaderKeys.ticksPerSecond} ${info.ticksPerSecond}\n`;
    header += `// ${umpHeaderKeys.startTicks} ${startTicks}\n`;
    info.endpoints.forEach((name, index) => {
      header += `// ${umpHeaderKeys.endpoint}${index}: ${oneLine(name)}\n`;
    });
    header += '// each line: @<µs from the first message>us, then the message words\n';
    this.chunks.push(header);
  }
}
