// Message type 0x4, MIDI 2.0 Channel Voice (64-bit): opcode in bits 23–20 of the first word,
// channel in 19–16, a 16-bit index (note/controller/bank…) in 15–0, and 32 bits of data in the
// second word (M2-104-UM v1.1, "MIDI 2.0 Channel Voice Messages").
import type { DecodedUmp, UmpField } from '../decodedUmp';
import { hex } from '../hex';
import { describeController } from '../names/controllers';
import { describeNote } from '../names/notes';
import {
  attributeTypeName,
  registeredControllerName,
  registeredPerNoteControllerName,
} from '../names/registeredControllers';
import { describedField, flagField, hexField, numberField, scaledField, textField } from './fields';
import { decodedMessage } from './message';

/** MIDI 2.0 channel voice opcodes. */
export enum Midi2ChannelVoiceMessageStatus {
  RegisteredPerNoteController = 0x0,
  AssignablePerNoteController = 0x1,
  RegisteredController = 0x2,
  AssignableController = 0x3,
  RelativeRegisteredController = 0x4,
  RelativeAssignableController = 0x5,
  PerNotePitchBend = 0x6,
  NoteOff = 0x8,
  NoteOn = 0x9,
  PolyPressure = 0xa,
  ControlChange = 0xb,
  ProgramChange = 0xc,
  ChannelPressure = 0xd,
  PitchBend = 0xe,
  PerNoteManagement = 0xf,
}

const bendCenter = 0x80000000;

export function decodeMidi2ChannelVoice(w0: number, w1: number): DecodedUmp {
  const status = (w0 >>> 20) & 0xf;
  const data = w1 >>> 0;
  const message = (name: string, fields: UmpField[], summary: string): DecodedUmp =>
    decodedMessage(w0, status, name, fields, summary);
  const note = (w0 >>> 8) & 0x7f;
  const noteField = describedField('Note Number', note, describeNote(note));

  switch (status) {
    case 0x0:
    case 0x1: {
      const index = w0 & 0xff;
      const registered = status === 0x0;
      const controllerName = registered ? registeredPerNoteControllerName(index) : undefined;
      const fields = [
        noteField,
        describedField(
          'Index',
          index,
          controllerName === undefined ? String(index) : `${index} (${controllerName})`,
        ),
        scaledField('Data', data, 32),
      ];
      if (registered && index === 3) fields.push(numberField('Pitch', data / 2 ** 25, 'semitones'));
      return message(
        registered ? 'Registered Per-Note Controller' : 'Assignable Per-Note Controller',
        fields,
        `note ${note} ${controllerName ?? `ctrl ${index}`} = ${hex(data, 8)}`,
      );
    }
    case 0x2:
    case 0x3:
    case 0x4:
    case 0x5:
      return decodeBankedController(status, w0, data, message);
    case 0x6: {
      const offset = data - bendCenter;
      return message(
        'Per-Note Pitch Bend',
        [noteField, describedField('Data', data, `${hex(data, 8)} (${signed(offset)} from center)`)],
        `note ${note} bend ${hex(data, 8)}`,
      );
    }
    case 0x8:
    case 0x9: {
      const attributeType = w0 & 0xff;
      const velocity = data >>> 16;
      const attributeData = data & 0xffff;
      const fields = [
        noteField,
        describedField(
          'Attribute Type',
          attributeType,
          `${attributeType} (${attributeTypeName(attributeType)})`,
        ),
        scaledField('Velocity', velocity, 16),
        hexField('Attribute Data', attributeData, 4),
      ];
      let attribute = '';
      if (attributeType === 3) {
        const pitch = attributeData / 512;
        fields.push(numberField('Pitch', pitch, 'semitones'));
        attribute = ` pitch ${pitch}`;
      } else if (attributeType !== 0) {
        attribute = ` attr ${attributeType}:${hex(attributeData, 4)}`;
      }
      return message(
        status === 0x9 ? 'Note On' : 'Note Off',
        fields,
        `note ${note} vel ${hex(velocity, 4)}${attribute}`,
      );
    }
    case 0xa:
      return message(
        'Poly Pressure',
        [noteField, scaledField('Data', data, 32)],
        `note ${note} pressure ${hex(data, 8)}`,
      );
    case 0xb: {
      const index = (w0 >>> 8) & 0x7f;
      return message(
        'Control Change',
        [describedField('Index', index, describeController(index)), scaledField('Data', data, 32)],
        `cc ${describeController(index)} = ${hex(data, 8)}`,
      );
    }
    case 0xc: {
      const options = w0 & 0xff;
      const bankValid = (options & 0x01) !== 0;
      const program = (data >>> 24) & 0x7f;
      const bankMsb = (data >>> 8) & 0x7f;
      const bankLsb = data & 0x7f;
      return message(
        'Program Change',
        [
          hexField('Option Flags', options, 2),
          flagField('Bank Valid', bankValid),
          numberField('Program', program),
          numberField('Bank MSB', bankMsb),
          numberField('Bank LSB', bankLsb),
        ],
        bankValid ? `program ${program} bank ${bankMsb}:${bankLsb}` : `program ${program}`,
      );
    }
    case 0xd:
      return message('Channel Pressure', [scaledField('Data', data, 32)], `pressure ${hex(data, 8)}`);
    case 0xe:
      return message(
        'Pitch Bend',
        [describedField('Data', data, `${hex(data, 8)} (${signed(data - bendCenter)} from center)`)],
        `bend ${hex(data, 8)}`,
      );
    case 0xf: {
      const flags = w0 & 0xff;
      return message(
        'Per-Note Management',
        [
          noteField,
          hexField('Option Flags', flags, 2),
          flagField('Detach Per-Note Controllers', (flags & 0x02) !== 0),
          flagField('Reset Per-Note Controllers', (flags & 0x01) !== 0),
        ],
        `note ${note}${(flags & 0x02) !== 0 ? ' detach' : ''}${(flags & 0x01) !== 0 ? ' reset' : ''}`,
      );
    }
    default:
      return decodedMessage(
        w0,
        status,
        'Reserved MIDI 2.0 Channel Voice Status',
        [hexField('Status', status, 1)],
        hex(status, 1),
        { reserved: true },
      );
  }
}

/** Registered (RPN) and assignable (NRPN) controllers, absolute or relative: bank and index. */
function decodeBankedController(
  status: number,
  w0: number,
  data: number,
  message: (name: string, fields: UmpField[], summary: string) => DecodedUmp,
): DecodedUmp {
  const bank = (w0 >>> 8) & 0x7f;
  const index = w0 & 0x7f;
  const registered = status === 0x2 || status === 0x4;
  const relative = status >= 0x4;
  const known = registered ? registeredControllerName(bank, index) : undefined;
  const kind = registered ? 'RPN' : 'NRPN';
  const address = `${kind} ${bank}:${index}${known === undefined ? '' : ` (${known})`}`;
  const fields: UmpField[] = [
    numberField('Bank', bank),
    describedField('Index', index, known === undefined ? String(index) : `${index} (${known})`),
  ];
  if (known !== undefined) fields.push(textField('Controller', known));
  if (relative) {
    const delta = data | 0;
    fields.push(describedField('Data', delta, signed(delta)));
    const name = registered ? 'Relative Registered Controller' : 'Relative Assignable Controller';
    return message(name, fields, `${address} ${signed(delta)}`);
  }
  fields.push(scaledField('Data', data, 32));
  if (registered && bank === 0 && index === 0) {
    fields.push(
      numberField('Semitones', data >>> 25, 'semitones'),
      numberField('Cents', (data >>> 18) & 0x7f, 'cents'),
    );
  }
  const name = registered ? 'Registered Controller' : 'Assignable Controller';
  return message(name, fields, `${address} = ${hex(data, 8)}`);
}

function signed(value: number): string {
  return value >= 0 ? `+${value}` : String(value);
}
