// MIDI 2.0 Channel Voice messages (message type 0x4, 64-bit): the opcode, channel and a 16-bit
// index (note and attribute, controller, bank and index…) in the first word, 32 bits of data in
// the second. The bank- and note-addressed controllers are in midi2Controllers.ts.
import { Midi2ChannelVoiceMessageStatus as Status } from '../decode/midi2ChannelVoice';
import { MessageType } from '../messageType';
import { checkRange } from './checkRange';

/** The one opcode the spec leaves unassigned. */
const reservedStatus = 0x7;

/** Any MIDI 2.0 channel voice message: `index` is bits 15–0 of the first word, `data` the second word. */
export function buildMidi2ChannelVoiceMessage(
  group: number,
  status: number,
  channel: number,
  index: number,
  data: number,
): Uint32Array {
  checkRange('group', group, 0, 15);
  checkRange('status', status, 0, 15);
  if (status === reservedStatus) {
    throw new RangeError('status 0x7 is reserved: MIDI 2.0 channel voice opcodes are 0x0–0x6, 0x8–0xF');
  }
  checkRange('channel', channel, 0, 15);
  checkRange('index', index, 0, 0xffff);
  checkRange('data', data, 0, 0xffffffff);
  return Uint32Array.of(
    (MessageType.Midi2ChannelVoice << 28) | (group << 24) | (status << 20) | (channel << 16) | index,
    data,
  );
}

/** `velocity16` is 16 bits; the optional attribute (type 0–255, 16 bits of data) rides along. */
export function midi2NoteOn(
  group: number,
  channel: number,
  note: number,
  velocity16: number,
  attributeType = 0,
  attributeData = 0,
): Uint32Array {
  return noteMessage(Status.NoteOn, group, channel, note, velocity16, attributeType, attributeData);
}

export function midi2NoteOff(
  group: number,
  channel: number,
  note: number,
  velocity16 = 0,
  attributeType = 0,
  attributeData = 0,
): Uint32Array {
  return noteMessage(Status.NoteOff, group, channel, note, velocity16, attributeType, attributeData);
}

export function midi2PolyPressure(
  group: number,
  channel: number,
  note: number,
  pressure: number,
): Uint32Array {
  checkRange('note', note, 0, 127);
  checkRange('pressure', pressure, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, Status.PolyPressure, channel, note << 8, pressure);
}

export function midi2ControlChange(
  group: number,
  channel: number,
  controller: number,
  value: number,
): Uint32Array {
  checkRange('controller', controller, 0, 127);
  checkRange('value', value, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, Status.ControlChange, channel, controller << 8, value);
}

/** With a `bank`, the Bank Valid flag is set and the bank travels with the program. */
export function midi2ProgramChange(
  group: number,
  channel: number,
  program: number,
  bank?: { msb: number; lsb: number },
): Uint32Array {
  checkRange('program', program, 0, 127);
  if (bank === undefined) {
    return buildMidi2ChannelVoiceMessage(group, Status.ProgramChange, channel, 0, (program << 24) >>> 0);
  }
  checkRange('bank.msb', bank.msb, 0, 127);
  checkRange('bank.lsb', bank.lsb, 0, 127);
  const data = ((program << 24) | (bank.msb << 8) | bank.lsb) >>> 0;
  return buildMidi2ChannelVoiceMessage(group, Status.ProgramChange, channel, 0x01, data);
}

export function midi2ChannelPressure(group: number, channel: number, pressure: number): Uint32Array {
  checkRange('pressure', pressure, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, Status.ChannelPressure, channel, 0, pressure);
}

/** `value` is 32 bits, 0x80000000 at center. */
export function midi2PitchBend(group: number, channel: number, value: number): Uint32Array {
  checkRange('value', value, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, Status.PitchBend, channel, 0, value);
}

export function midi2PerNotePitchBend(
  group: number,
  channel: number,
  note: number,
  value: number,
): Uint32Array {
  checkRange('note', note, 0, 127);
  checkRange('value', value, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, Status.PerNotePitchBend, channel, note << 8, value);
}

/** Detach (D) and reset (S) the note's per-note controllers. */
export function midi2PerNoteManagement(
  group: number,
  channel: number,
  note: number,
  options: { detach?: boolean; reset?: boolean } = {},
): Uint32Array {
  checkRange('note', note, 0, 127);
  const flags = (options.detach === true ? 0x02 : 0) | (options.reset === true ? 0x01 : 0);
  return buildMidi2ChannelVoiceMessage(group, Status.PerNoteManagement, channel, (note << 8) | flags, 0);
}

function noteMessage(
  status: Status,
  group: number,
  channel: number,
  note: number,
  velocity16: number,
  attributeType: number,
  attributeData: number,
): Uint32Array {
  checkRange('note', note, 0, 127);
  checkRange('velocity16', velocity16, 0, 0xffff);
  checkRange('attributeType', attributeType, 0, 0xff);
  checkRange('attributeData', attributeData, 0, 0xffff);
  const data = ((velocity16 << 16) | attributeData) >>> 0;
  return buildMidi2ChannelVoiceMessage(group, status, channel, (note << 8) | attributeType, data);
}
