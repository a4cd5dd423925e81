// Message type 0x2, MIDI 1.0 Channel Voice (32-bit): the MIDI 1.0 message bytes in a UMP, status
// nibble in bits 23–20, channel in 19–16, 7-bit data bytes in 14–8 and 6–0.
import type { DecodedUmp } from '../decodedUmp';
import { hex } from '../hex';
import { describeController } from '../names/controllers';
import { describeNote } from '../names/notes';
import { describedField, hexField, numberField } from './fields';
import { decodedMessage } from './message';

/** The status nibble of a MIDI 1.0 channel voice message, as Windows MIDI Services names it. */
export enum Midi1ChannelVoiceMessageStatus {
  NoteOff = 0x8,
  NoteOn = 0x9,
  PolyPressure = 0xa,
  ControlChange = 0xb,
  ProgramChange = 0xc,
  ChannelPressure = 0xd,
  PitchBend = 0xe,
}

export function decodeMidi1ChannelVoice(w0: number): DecodedUmp {
  const status = (w0 >>> 20) & 0xf;
  const byte1 = (w0 >>> 8) & 0x7f;
  const byte2 = w0 & 0x7f;
  switch (status) {
    case 0x8:
    case 0x9:
      return decodedMessage(
        w0,
        status,
        status === 0x9 ? 'Note On' : 'Note Off',
        [describedField('Note Number', byte1, describeNote(byte1)), numberField('Velocity', byte2)],
        `note ${byte1} vel ${byte2}`,
      );
    case 0xa:
      return decodedMessage(
        w0,
        status,
        'Poly Pressure',
        [describedField('Note Number', byte1, describeNote(byte1)), numberField('Pressure', byte2)],
        `note ${byte1} pressure ${byte2}`,
      );
    case 0xb:
      return decodedMessage(
        w0,
        status,
        'Control Change',
        [describedField('Index', byte1, describeController(byte1)), numberField('Data', byte2)],
        `cc ${describeController(byte1)} = ${byte2}`,
      );
    case 0xc:
      return decodedMessage(
        w0,
        status,
        'Program Change',
        [numberField('Program', byte1)],
        `program ${byte1}`,
      );
    case 0xd:
      return decodedMessage(
        w0,
        status,
        'Channel Pressure',
        [numberField('Pressure', byte1)],
        `pressure ${byte1}`,
      );
    case 0xe: {
      const value = byte1 | (byte2 << 7);
      const offset = value - 0x2000;
      return decodedMessage(
        w0,
        status,
        'Pitch Bend',
        [
          describedField('Value', value, `${value} (${offset >= 0 ? '+' : ''}${offset} from center)`),
          numberField('LSB', byte1),
          numberField('MSB', byte2),
        ],
        `bend ${value}`,
      );
    }
    default:
      return decodedMessage(
        w0,
        status,
        'Reserved MIDI 1.0 Channel Voice Status',
        [hexField('Status', status, 1)],
        hex(status, 1),
        { reserved: true },
      );
  }
}
