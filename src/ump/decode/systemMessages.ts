// Message type 0x1, System Common and System Real Time (32-bit): the MIDI 1.0 system messages
// other than SysEx, status byte in bits 23–16 and up to two 7-bit data bytes after it.
import type { DecodedUmp } from '../decodedUmp';
import { hex } from '../hex';
import { describedField, hexField, numberField } from './fields';
import { decodedMessage } from './message';

const timeCodePieces = [
  'Frames LSB',
  'Frames MSB',
  'Seconds LSB',
  'Seconds MSB',
  'Minutes LSB',
  'Minutes MSB',
  'Hours LSB',
  'Hours MSB and Rate',
];

const realTimeNames = new Map<number, string>([
  [0xf6, 'Tune Request'],
  [0xf8, 'Timing Clock'],
  [0xfa, 'Start'],
  [0xfb, 'Continue'],
  [0xfc, 'Stop'],
  [0xfe, 'Active Sensing'],
  [0xff, 'Reset'],
]);

export function decodeSystem(w0: number): DecodedUmp {
  const status = (w0 >>> 16) & 0xff;
  const data1 = (w0 >>> 8) & 0x7f;
  const data2 = w0 & 0x7f;
  switch (status) {
    case 0xf1: {
      const piece = data1 >>> 4;
      const value = data1 & 0xf;
      return decodedMessage(
        w0,
        status,
        'MIDI Time Code Quarter Frame',
        [
          describedField('Message Type', piece, `${piece} (${timeCodePieces[piece]})`),
          numberField('Value', value),
        ],
        `${timeCodePieces[piece]} ${value}`,
      );
    }
    case 0xf2: {
      const beats = data1 | (data2 << 7);
      return decodedMessage(
        w0,
        status,
        'Song Position Pointer',
        [numberField('Position', beats, 'MIDI beats'), numberField('LSB', data1), numberField('MSB', data2)],
        `${beats} beats`,
      );
    }
    case 0xf3:
      return decodedMessage(w0, status, 'Song Select', [numberField('Song Number', data1)], `song ${data1}`);
    default: {
      const name = realTimeNames.get(status);
      if (name !== undefined) return decodedMessage(w0, status, name, [], '');
      return decodedMessage(
        w0,
        status,
        'Reserved System Status',
        [hexField('Status', status, 2)],
        hex(status, 2),
        {
          reserved: true,
        },
      );
    }
  }
}
