// Splits a datagram into its command packets: the 'MIDI' signature, then commands of a header word
// (code, payload length in words, two bytes of command-specific data) and their payload words.
// Nothing here trusts the datagram: every length is checked against what arrived.
import { SIGNATURE } from './commandCodes';

export interface RawCommand {
  readonly code: number;
  /** Payload length in words, as the header says (and as arrived: checked). */
  readonly length: number;
  readonly data1: number;
  readonly data2: number;
  /** The header word, for a NAK that quotes it. */
  readonly header: number;
  /** Byte offset of the payload in the datagram. */
  readonly payloadOffset: number;
}

export type DatagramProblemKind = 'tooShort' | 'badSignature' | 'truncatedCommand' | 'lengthBeyondDatagram';

export interface DatagramProblem {
  readonly kind: DatagramProblemKind;
  /** Byte offset in the datagram where the problem starts. */
  readonly offset: number;
  /** The header of the command that overran the datagram, when there was a whole header. */
  readonly header?: number;
  readonly message: string;
}

export interface SplitDatagram {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  /** The commands before any problem; a problem ends the split. */
  readonly commands: RawCommand[];
  readonly problem?: DatagramProblem;
}

function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0').toUpperCase()}`;
}

export function splitDatagram(bytes: Uint8Array): SplitDatagram {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const commands: RawCommand[] = [];
  if (bytes.byteLength < 4) {
    return {
      view,
      bytes,
      commands,
      problem: {
        kind: 'tooShort',
        offset: 0,
        message: `a datagram of ${bytes.byteLength} bytes has no signature`,
      },
    };
  }
  const signature = view.getUint32(0);
  if (signature !== SIGNATURE) {
    return {
      view,
      bytes,
      commands,
      problem: {
        kind: 'badSignature',
        offset: 0,
        message: `signature ${hex32(signature)} at offset 0, expected 0x4D494449 ('MIDI')`,
      },
    };
  }
  let offset = 4;
  const end = bytes.byteLength;
  while (offset < end) {
    if (end - offset < 4) {
      return {
        view,
        bytes,
        commands,
        problem: {
          kind: 'truncatedCommand',
          offset,
          message: `${end - offset} bytes at offset ${offset} are not a command header (4 bytes expected)`,
        },
      };
    }
    const header = view.getUint32(offset);
    const length = (header >>> 16) & 0xff;
    const payloadOffset = offset + 4;
    if (payloadOffset + length * 4 > end) {
      return {
        view,
        bytes,
        commands,
        problem: {
          kind: 'lengthBeyondDatagram',
          offset,
          header,
          message: `command ${hex32(header)} at offset ${offset} says ${length} payload words, the datagram has ${Math.floor((end - payloadOffset) / 4)} after it`,
        },
      };
    }
    commands.push({
      code: header >>> 24,
      length,
      data1: (header >>> 8) & 0xff,
      data2: header & 0xff,
      header,
      payloadOffset,
    });
    offset = payloadOffset + length * 4;
  }
  return { view, bytes, commands };
}
