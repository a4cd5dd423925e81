// MIDI 1.0 Channel Voice messages in a UMP (message type 0x2, 32-bit): the MIDI 1.0 status
// nibble, the channel and two 7-bit data bytes, behind a group.
import { Midi1ChannelVoiceMessageStatus as Status } from '../decode/midi1ChannelVoice';
import { MessageType } from '../messageType';
import { checkRange } from './checkRange';

/** Any MIDI 1.0 channel voice message; `status` is the nibble 0x8 (Note Off) to 0xE (Pitch Bend). */
export function buildMidi1ChannelVoiceMessage(
  group: number,
  status: number,
  channel: number,
  byte1: number,
  byte2 = 0,
): Uint32Array {
  checkRange('group', group, 0, 15);
  checkRange('status', status, Status.NoteOff, Status.PitchBend);
  checkRange('channel', channel, 0, 15);
  checkRange('byte1', byte1, 0, 127);
  checkRange('byte2', byte2, 0, 127);
  return Uint32Array.of(
    (MessageType.Midi1ChannelVoice << 28) |
      (group << 24) |
      (status << 20) |
      (channel << 16) |
      (byte1 << 8) |
      byte2,
  );
}

// The helpers check their own arguments first so that an error names the argument the caller
// passed ("velocity"), not the data byte it lands in.

export function midi1NoteOn(group: number, channel: number, note: number, velocity: number): Uint32Array {
  return noteMessage(Status.NoteOn, group, channel, note, 'velocity', velocity);
}

export function midi1NoteOff(group: number, channel: number, note: number, velocity = 0): Uint32Array {
  return noteMessage(Status.NoteOff, group, channel, note, 'velocity', velocity);
}

export function midi1PolyPressure(
  group: number,
  channel: number,
  note: number,
  pressure: number,
): Uint32Array {
  return noteMessage(Status.PolyPressure, group, channel, note, 'pressure', pressure);
}

export function midi1ControlChange(
  group: number,
  channel: number,
  controller: number,
  value: number,
): Uint32Array {
  checkRange('controller', controller, 0, 127);
  checkRange('value', value, 0, 127);
  return buildMidi1ChannelVoiceMessage(group, Status.ControlChange, channel, controller, value);
}

export function midi1ProgramChange(group: number, channel: number, program: number): Uint32Array {
  checkRange('program', program, 0, 127);
  return buildMidi1ChannelVoiceMessage(group, Status.ProgramChange, channel, program);
}

export function midi1ChannelPressure(group: number, channel: number, pressure: number): Uint32Array {
  checkRange('pressure', pressure, 0, 127);
  return buildMidi1ChannelVoiceMessage(group, Status.ChannelPressure, channel, pressure);
}

/** `value` is 14 bits, 8192 at center; it travels LSB first. */
export function midi1PitchBend(group: number, channel: number, value: number): Uint32Array {
  checkRange('value', value, 0, 0x3fff);
  return buildMidi1ChannelVoiceMessage(group, Status.PitchBend, channel, value & 0x7f, value >> 7);
}

function noteMessage(
  status: Status,
  group: number,
  channel: number,
  note: number,
  dataName: string,
  data: number,
): Uint32Array {
  checkRange('note', note, 0, 127);
  checkRange(dataName, data, 0, 127);
  return buildMidi1ChannelVoiceMessage(group, status, channel, note, data);
}
