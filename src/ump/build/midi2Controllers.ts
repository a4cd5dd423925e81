// The MIDI 2.0 controller messages that address a bank and index (registered = RPN, assignable =
// NRPN, absolute or relative) or a note and index (per-note controllers).
import { Midi2ChannelVoiceMessageStatus as Status } from '../decode/midi2ChannelVoice';
import { buildMidi2ChannelVoiceMessage } from './midi2ChannelVoice';
import { checkRange } from './checkRange';

export function midi2RegisteredController(
  group: number,
  channel: number,
  bank: number,
  index: number,
  value: number,
): Uint32Array {
  return bankedController(Status.RegisteredController, group, channel, bank, index, value);
}

export function midi2AssignableController(
  group: number,
  channel: number,
  bank: number,
  index: number,
  value: number,
): Uint32Array {
  return bankedController(Status.AssignableController, group, channel, bank, index, value);
}

/** `delta` is a signed 32-bit change, sent in two's complement. */
export function midi2RelativeRegisteredController(
  group: number,
  channel: number,
  bank: number,
  index: number,
  delta: number,
): Uint32Array {
  return relativeController(Status.RelativeRegisteredController, group, channel, bank, index, delta);
}

export function midi2RelativeAssignableController(
  group: number,
  channel: number,
  bank: number,
  index: number,
  delta: number,
): Uint32Array {
  return relativeController(Status.RelativeAssignableController, group, channel, bank, index, delta);
}

/** `index` 0–255 names the controller of `note` (3 is pitch 7.25). */
export function midi2RegisteredPerNoteController(
  group: number,
  channel: number,
  note: number,
  index: number,
  value: number,
): Uint32Array {
  return perNoteController(Status.RegisteredPerNoteController, group, channel, note, index, value);
}

export function midi2AssignablePerNoteController(
  group: number,
  channel: number,
  note: number,
  index: number,
  value: number,
): Uint32Array {
  return perNoteController(Status.AssignablePerNoteController, group, channel, note, index, value);
}

function bankedController(
  status: Status,
  group: number,
  channel: number,
  bank: number,
  index: number,
  value: number,
): Uint32Array {
  checkRange('bank', bank, 0, 127);
  checkRange('index', index, 0, 127);
  checkRange('value', value, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, status, channel, (bank << 8) | index, value);
}

function relativeController(
  status: Status,
  group: number,
  channel: number,
  bank: number,
  index: number,
  delta: number,
): Uint32Array {
  checkRange('delta', delta, -0x80000000, 0x7fffffff);
  checkRange('bank', bank, 0, 127);
  checkRange('index', index, 0, 127);
  return buildMidi2ChannelVoiceMessage(group, status, channel, (bank << 8) | index, delta >>> 0);
}

function perNoteController(
  status: Status,
  group: number,
  channel: number,
  note: number,
  index: number,
  value: number,
): Uint32Array {
  checkRange('note', note, 0, 127);
  checkRange('index', index, 0, 255);
  checkRange('value', value, 0, 0xffffffff);
  return buildMidi2ChannelVoiceMessage(group, status, channel, (note << 8) | index, value);
}
