// The friendly single-packet messages a test can send and expect, as tables of bit fields: one
// table builds a message from field values, reads the fields of a received one, and names the
// fields that differ. `note-on` is MIDI 1.0 (message type 0x2); `midi2 note-on` is MIDI 2.0 (0x4).

export interface PacketField {
  name: string;
  /** Value when a send leaves the field out; without one the field is required. */
  defaultValue?: number;
  max: number;
  get(words: ArrayLike<number>): number;
  set(words: Uint32Array, value: number): void;
}

export interface PacketForm {
  /** As written in a test, e.g. `note-on` or `midi2 note-on`. */
  name: string;
  wordCount: number;
  /** Bits every message of the form has: word 0 masked with `fixedMask` equals `fixedBits`. */
  fixedMask: number;
  fixedBits: number;
  fields: PacketField[];
}

function bits(name: string, word: number, shift: number, width: number, defaultValue?: number): PacketField {
  const max = width === 32 ? 0xffffffff : (1 << width) - 1;
  return {
    name,
    defaultValue,
    max,
    get: (words) => ((words[word] ?? 0) >>> shift) & max,
    set: (words, value) => {
      const mask = width === 32 ? 0xffffffff : (max << shift) >>> 0;
      words[word] = ((words[word] & ~mask) | ((value << shift) & mask)) >>> 0;
    },
  };
}

/** MIDI 1.0 pitch bend: 14 bits as LSB then MSB, 7 bits each. */
const midi1Bend: PacketField = {
  name: 'value',
  max: 0x3fff,
  defaultValue: 0x2000,
  get: (words) => (((words[0] ?? 0) & 0x7f) << 7) | (((words[0] ?? 0) >>> 8) & 0x7f),
  set: (words, value) => {
    words[0] = ((words[0] & 0xffff0000) | ((value & 0x7f) << 8) | ((value >>> 7) & 0x7f)) >>> 0;
  },
};

const group = bits('group', 0, 24, 4, 0);
const channel = bits('channel', 0, 16, 4, 0);

function channelVoice(name: string, type: 2 | 4, status: number, fields: PacketField[]): PacketForm {
  return {
    name: type === 4 ? `midi2 ${name}` : name,
    wordCount: type === 4 ? 2 : 1,
    fixedMask: 0xf0f00000,
    fixedBits: ((type << 28) | (status << 20)) >>> 0,
    fields: [group, channel, ...fields],
  };
}

function systemRealTime(name: string, status: number): PacketForm {
  return {
    name,
    wordCount: 1,
    fixedMask: 0xf0ff0000,
    fixedBits: ((0x1 << 28) | (status << 16)) >>> 0,
    fields: [group],
  };
}

const midi1Note = [bits('note', 0, 8, 7), bits('velocity', 0, 0, 7)];
const midi2Note = [
  bits('note', 0, 8, 7),
  bits('velocity', 1, 16, 16),
  bits('attribute-type', 0, 0, 8, 0),
  bits('attribute', 1, 0, 16, 0),
];

const forms: PacketForm[] = [
  channelVoice('note-off', 2, 0x8, [bits('note', 0, 8, 7), bits('velocity', 0, 0, 7, 0)]),
  channelVoice('note-on', 2, 0x9, midi1Note),
  channelVoice('poly-pressure', 2, 0xa, [bits('note', 0, 8, 7), bits('pressure', 0, 0, 7)]),
  channelVoice('cc', 2, 0xb, [bits('controller', 0, 8, 7), bits('value', 0, 0, 7)]),
  channelVoice('program', 2, 0xc, [bits('program', 0, 8, 7)]),
  channelVoice('channel-pressure', 2, 0xd, [bits('pressure', 0, 8, 7)]),
  channelVoice('pitch-bend', 2, 0xe, [midi1Bend]),
  channelVoice(
    'note-off',
    4,
    0x8,
    midi2Note.map((f) => (f.name === 'velocity' ? { ...f, defaultValue: 0 } : f)),
  ),
  channelVoice('note-on', 4, 0x9, midi2Note),
  channelVoice('poly-pressure', 4, 0xa, [bits('note', 0, 8, 7), bits('pressure', 1, 0, 32)]),
  channelVoice('cc', 4, 0xb, [bits('controller', 0, 8, 7), bits('value', 1, 0, 32)]),
  channelVoice('program', 4, 0xc, [bits('program', 1, 24, 7)]),
  channelVoice('channel-pressure', 4, 0xd, [bits('pressure', 1, 0, 32)]),
  channelVoice('pitch-bend', 4, 0xe, [bits('value', 1, 0, 32, 0x80000000)]),
  systemRealTime('clock', 0xf8),
  systemRealTime('start', 0xfa),
  systemRealTime('continue', 0xfb),
  systemRealTime('stop', 0xfc),
  systemRealTime('active-sensing', 0xfe),
  systemRealTime('reset', 0xff),
];

const aliases: Record<string, string> = {
  'control-change': 'cc',
  'program-change': 'program',
  'timing-clock': 'clock',
};

const byName = new Map(forms.map((form) => [form.name, form]));

/** The form called `name` (with `midi2` for MIDI 2.0), or undefined. */
export function packetForm(name: string, midi2 = false): PacketForm | undefined {
  const base = aliases[name] ?? name;
  return byName.get(midi2 ? `midi2 ${base}` : base);
}

export function packetFormNames(): string[] {
  return forms.map((form) => form.name);
}

export function isPacketOfForm(form: PacketForm, words: ArrayLike<number>): boolean {
  return words.length === form.wordCount && ((words[0] ?? 0) & form.fixedMask) >>> 0 === form.fixedBits;
}

/** The message with every field set; fields must all be present or defaulted (the parser checks). */
export function buildPacket(form: PacketForm, values: ReadonlyMap<string, number>): Uint32Array {
  const words = new Uint32Array(form.wordCount);
  words[0] = form.fixedBits;
  for (const field of form.fields) {
    const value = values.get(field.name) ?? field.defaultValue ?? 0;
    field.set(words, value);
  }
  return words;
}
