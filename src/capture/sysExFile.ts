// `.syx`: the SysEx of a capture as MIDI 1.0 bytes, each message F0 <data> F7, back to back. The
// writer reassembles SysEx7 packets per group (UMP carries no F0/F7); everything else, SysEx8
// included (its bytes are 8-bit), has no place in the format and is counted in `leftOut`. The
// reader makes SysEx7 packets on group 0; the format has no time, so all are at tick 0.
import { buildSysEx7Packets } from '../ump';
import { ByteChunks } from './byteChunks';
import { CaptureTable, type CaptureReadError, type CaptureReading } from './captureTable';
import type { CaptureWriter } from './captureWriter';
import type { ReadOptions } from './umpTextReader';

const sysExStart = 0xf0;
const sysExEnd = 0xf7;

export class SysExFileWriter implements CaptureWriter {
  private readonly chunks = new ByteChunks();
  /** Bytes of a SysEx7 in progress, per group. */
  private readonly open = new Map<number, number[]>();
  private otherMessages = 0;
  private brokenSequences = 0;
  written = 0;

  get pendingSize(): number {
    return this.chunks.size;
  }

  get leftOut(): string[] {
    const notes: string[] = [];
    if (this.otherMessages > 0) notes.push(`${this.otherMessages} message(s) that are not SysEx7`);
    if (this.brokenSequences > 0)
      notes.push(
        `${this.brokenSequences} SysEx7 packet(s) out of sequence (no Start before them, or a Start while one was open)`,
      );
    if (this.open.size > 0)
      notes.push(`${this.open.size} SysEx7 message(s) without their End at the end of the capture`);
    return notes;
  }

  add(source: ArrayLike<number>, offset: number, wordCount: number): void {
    const first = source[offset] >>> 0;
    if (first >>> 28 !== 0x3 || wordCount !== 2) {
      this.otherMessages++;
      return;
    }
    const group = (first >>> 24) & 0xf;
    const form = (first >>> 20) & 0xf;
    const count = Math.min(6, (first >>> 16) & 0xf);
    const second = source[offset + 1] >>> 0;
    const packetBytes: number[] = [];
    for (let i = 0; i < count; i++) {
      const byte = i < 2 ? (first >>> (8 - 8 * i)) & 0xff : (second >>> (24 - 8 * (i - 2))) & 0xff;
      packetBytes.push(byte & 0x7f);
    }
    let body = this.open.get(group);
    if (form === 0x0 || form === 0x1) {
      if (body) this.brokenSequences++;
      body = [];
    } else if (!body) {
      this.brokenSequences++;
      return;
    }
    body.push(...packetBytes);
    if (form === 0x0 || form === 0x3) {
      this.open.delete(group);
      this.chunks.byte(sysExStart);
      this.chunks.bytes(body);
      this.chunks.byte(sysExEnd);
      this.written++;
    } else {
      this.open.set(group, body);
    }
  }

  take(): Uint8Array {
    return this.chunks.take();
  }

  finish(): Uint8Array {
    return this.chunks.take();
  }
}

export function readSysExFile(bytes: Uint8Array, options: ReadOptions): CaptureReading {
  const table = new CaptureTable();
  const info = { endpoints: [options.defaultEndpoint], ticksPerSecond: 10_000_000 };
  const fail = (error: CaptureReadError): CaptureReading => ({ info, table, error, notes: [] });
  let at = 0;
  while (at < bytes.length) {
    if (bytes[at] !== sysExStart) {
      return fail({
        message: `byte 0x${hex2(bytes[at])} outside a SysEx message`,
        expected: 'F0, the start of a SysEx message',
        offset: at,
      });
    }
    const start = at++;
    while (at < bytes.length && bytes[at] < 0x80) at++;
    if (at >= bytes.length) {
      return fail({
        message: `the SysEx message that starts at byte ${start} has no F7 end`,
        expected: 'F7 after the data bytes',
        offset: at,
      });
    }
    if (bytes[at] !== sysExEnd) {
      return fail({
        message: `byte 0x${hex2(bytes[at])} inside the SysEx message that starts at byte ${start}`,
        expected: 'data bytes 00–7F, then F7',
        offset: at,
      });
    }
    for (const packet of buildSysEx7Packets(0, bytes.subarray(start + 1, at))) table.addMessage(packet, 0);
    at++;
  }
  return { info, table, notes: [] };
}

function hex2(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}
