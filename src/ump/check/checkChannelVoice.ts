// MIDI 1.0 (type 0x2) and MIDI 2.0 (type 0x4) channel voice messages: 7-bit data bytes and
// fields, reserved bytes and opcodes (M2-104-UM v1.1, sections 7.3 and 7.4).
import { reservedBits, sevenBitField } from './fieldChecks';
import { fieldHex, pushProblem, type UmpProblem } from './problem';

export function checkMidi1ChannelVoice(into: UmpProblem[], w0: number): void {
  const status = (w0 >>> 20) & 0xf;
  if (status < 0x8) {
    pushProblem(
      into,
      'reservedStatus',
      0,
      23,
      20,
      `MIDI 1.0 Channel Voice status ${fieldHex(status, 4)} is reserved (0x8–0xE are defined)`,
    );
    return;
  }
  const oneByte = status === 0xc || status === 0xd;
  const first = ['Note Number', 'Note Number', 'Note Number', 'Index', 'Program', 'Pressure', 'LSB'][
    status - 8
  ];
  const second = ['Velocity', 'Velocity', 'Pressure', 'Data', '', '', 'MSB'][status - 8];
  sevenBitField(into, w0, 0, 15, first);
  if (oneByte) reservedBits(into, w0, 0, 7, 0, 'the second data byte of a one-byte message');
  else sevenBitField(into, w0, 0, 7, second);
}

export function checkMidi2ChannelVoice(into: UmpProblem[], w0: number, w1: number): void {
  const status = (w0 >>> 20) & 0xf;
  switch (status) {
    case 0x0:
    case 0x1:
    case 0x8:
    case 0x9:
      sevenBitField(into, w0, 0, 15, 'Note Number');
      return;
    case 0x2:
    case 0x3:
    case 0x4:
    case 0x5:
      sevenBitField(into, w0, 0, 15, 'Bank');
      sevenBitField(into, w0, 0, 7, 'Index');
      return;
    case 0x6:
    case 0xa:
      sevenBitField(into, w0, 0, 15, 'Note Number');
      reservedBits(into, w0, 0, 7, 0, status === 0x6 ? 'Per-Note Pitch Bend' : 'Poly Pressure');
      return;
    case 0xb:
      sevenBitField(into, w0, 0, 15, 'Index');
      reservedBits(into, w0, 0, 7, 0, 'Control Change');
      return;
    case 0xc:
      reservedBits(into, w0, 0, 15, 8, 'Program Change');
      reservedBits(into, w0, 0, 7, 1, 'Program Change option flags');
      sevenBitField(into, w1, 1, 31, 'Program');
      reservedBits(into, w1, 1, 23, 16, 'Program Change');
      sevenBitField(into, w1, 1, 15, 'Bank MSB');
      sevenBitField(into, w1, 1, 7, 'Bank LSB');
      return;
    case 0xd:
    case 0xe:
      reservedBits(into, w0, 0, 15, 0, status === 0xd ? 'Channel Pressure' : 'Pitch Bend');
      return;
    case 0xf:
      sevenBitField(into, w0, 0, 15, 'Note Number');
      reservedBits(into, w0, 0, 7, 2, 'Per-Note Management option flags');
      return;
    default:
      pushProblem(
        into,
        'reservedStatus',
        0,
        23,
        20,
        `MIDI 2.0 Channel Voice opcode ${fieldHex(status, 4)} is reserved`,
      );
  }
}
