// Golden vectors for MIDI 1.0 (type 0x2) and MIDI 2.0 (type 0x4) channel voice messages. Each
// word was put together by hand from the M2-104-UM v1.1 bit layouts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: MIDI 1.0 channel voice (type 0x2)', () => {
  void it('note on: group 0, channel 0, note 60, velocity 100', () => {
    expectDecoded([0x20903c64], {
      name: 'Note On',
      status: 0x9,
      group: 0,
      channel: 0,
      wordCount: 1,
      summary: 'note 60 vel 100',
      fields: { Group: 0, Channel: 0, 'Note Number': 60, Velocity: 100 },
    });
  });

  void it('note off on group 10, channel 15', () => {
    expectDecoded([0x2a8f4000], {
      name: 'Note Off',
      status: 0x8,
      group: 10,
      channel: 15,
      fields: { 'Note Number': 64, Velocity: 0 },
    });
  });

  void it('poly pressure', () => {
    expectDecoded([0x21a23c7f], {
      name: 'Poly Pressure',
      status: 0xa,
      group: 1,
      channel: 2,
      fields: { 'Note Number': 60, Pressure: 127 },
    });
  });

  void it('control change names the controller', () => {
    const decoded = expectDecoded([0x25b50740], {
      name: 'Control Change',
      status: 0xb,
      group: 5,
      channel: 5,
      summary: 'cc 7 (Channel Volume) = 64',
      fields: { Index: 7, Data: 64 },
    });
    assert.equal(decoded.fields.find((field) => field.name === 'Index')?.display, '7 (Channel Volume)');
  });

  void it('program change and channel pressure use one data byte', () => {
    expectDecoded([0x20c70500], { name: 'Program Change', status: 0xc, channel: 7, fields: { Program: 5 } });
    expectDecoded([0x20d32a00], {
      name: 'Channel Pressure',
      status: 0xd,
      channel: 3,
      fields: { Pressure: 42 },
    });
  });

  void it('pitch bend joins LSB and MSB into 14 bits', () => {
    expectDecoded([0x20e00040], { name: 'Pitch Bend', fields: { Value: 8192, LSB: 0, MSB: 64 } });
    expectDecoded([0x20e07f7f], { name: 'Pitch Bend', fields: { Value: 16383 } });
    expectDecoded([0x20e00000], { name: 'Pitch Bend', fields: { Value: 0 } });
  });

  void it('statuses 0x0–0x7 and 0xF are reserved, with their size', () => {
    for (const word of [0x20f00000, 0x20100000, 0x20700000]) {
      expectDecoded([word], { name: 'Reserved MIDI 1.0 Channel Voice Status', wordCount: 1, reserved: true });
    }
  });
});

void describe('decodeUmp: MIDI 2.0 channel voice (type 0x4)', () => {
  void it('note on with 16-bit velocity and a pitch 7.9 attribute', () => {
    expectDecoded([0x40913c03, 0xc0007a80], {
      name: 'Note On',
      status: 0x9,
      group: 0,
      channel: 1,
      wordCount: 2,
      summary: 'note 60 vel 0xC000 pitch 61.25',
      fields: {
        'Note Number': 60,
        'Attribute Type': 3,
        Velocity: 0xc000,
        'Attribute Data': 0x7a80,
        Pitch: 61.25,
      },
    });
  });

  void it('note on without an attribute', () => {
    expectDecoded([0x40903c00, 0xffff0000], {
      name: 'Note On',
      summary: 'note 60 vel 0xFFFF',
      fields: { Velocity: 65535, 'Attribute Type': 0, 'Attribute Data': 0 },
    });
  });

  void it('note off', () => {
    expectDecoded([0x42834000, 0x00000000], {
      name: 'Note Off',
      status: 0x8,
      group: 2,
      channel: 3,
      fields: { 'Note Number': 64, Velocity: 0 },
    });
  });

  void it('poly pressure with 32-bit data', () => {
    expectDecoded([0x40a03c00, 0x80000000], {
      name: 'Poly Pressure',
      status: 0xa,
      fields: { Data: 0x80000000 },
    });
  });

  void it('registered per-note controller 3 is pitch 7.25', () => {
    expectDecoded([0x40003c03, 0x7a000000], {
      name: 'Registered Per-Note Controller',
      status: 0x0,
      fields: { 'Note Number': 60, Index: 3, Data: 0x7a000000, Pitch: 61 },
    });
  });

  void it('assignable per-note controller', () => {
    expectDecoded([0x41153c10, 0x12345678], {
      name: 'Assignable Per-Note Controller',
      status: 0x1,
      group: 1,
      channel: 5,
      fields: { 'Note Number': 60, Index: 16, Data: 0x12345678 },
    });
  });

  void it('registered controller: pitch bend sensitivity in semitones and cents', () => {
    expectDecoded([0x40200000, 0x04000000], {
      name: 'Registered Controller',
      status: 0x2,
      fields: { Bank: 0, Index: 0, Controller: 'Pitch Bend Sensitivity', Semitones: 2, Cents: 0 },
    });
    expectDecoded([0x40200000, 0x18c80000], {
      name: 'Registered Controller',
      fields: { Semitones: 12, Cents: 50 },
    });
  });

  void it('registered controller names a 3D sound controller', () => {
    expectDecoded([0x40203d02, 0x80000000], {
      name: 'Registered Controller',
      fields: { Controller: 'Gain', Bank: 0x3d, Index: 2 },
    });
  });

  void it('assignable controller (NRPN)', () => {
    expectDecoded([0x43320102, 0xffffffff], {
      name: 'Assignable Controller',
      status: 0x3,
      group: 3,
      channel: 2,
      fields: { Bank: 1, Index: 2, Data: 0xffffffff },
    });
  });

  void it('relative controllers carry signed data', () => {
    expectDecoded([0x44400001, 0xffffffff], {
      name: 'Relative Registered Controller',
      status: 0x4,
      group: 4,
      fields: { Bank: 0, Index: 1, Controller: 'Channel Fine Tuning', Data: -1 },
    });
    expectDecoded([0x40500203, 0x00000010], {
      name: 'Relative Assignable Controller',
      status: 0x5,
      fields: { Bank: 2, Index: 3, Data: 16 },
    });
  });

  void it('per-note pitch bend', () => {
    expectDecoded([0x40603c00, 0x80000000], {
      name: 'Per-Note Pitch Bend',
      status: 0x6,
      fields: { 'Note Number': 60, Data: 0x80000000 },
    });
  });

  void it('control change with 32-bit data', () => {
    expectDecoded([0x40b04000, 0xffffffff], {
      name: 'Control Change',
      status: 0xb,
      fields: { Index: 64, Data: 0xffffffff },
    });
  });

  void it('program change with and without the bank valid flag', () => {
    expectDecoded([0x40c00001, 0x05000203], {
      name: 'Program Change',
      status: 0xc,
      summary: 'program 5 bank 2:3',
      fields: { 'Bank Valid': true, Program: 5, 'Bank MSB': 2, 'Bank LSB': 3 },
    });
    expectDecoded([0x40c00000, 0x05000000], {
      name: 'Program Change',
      summary: 'program 5',
      fields: { 'Bank Valid': false, Program: 5 },
    });
  });

  void it('channel pressure and pitch bend', () => {
    expectDecoded([0x40d00000, 0x40000000], {
      name: 'Channel Pressure',
      status: 0xd,
      fields: { Data: 0x40000000 },
    });
    expectDecoded([0x40e00000, 0x80000000], {
      name: 'Pitch Bend',
      status: 0xe,
      fields: { Data: 0x80000000 },
    });
  });

  void it('per-note management flags', () => {
    expectDecoded([0x40f03c03, 0], {
      name: 'Per-Note Management',
      status: 0xf,
      fields: { 'Detach Per-Note Controllers': true, 'Reset Per-Note Controllers': true },
    });
    expectDecoded([0x40f03c02, 0], {
      name: 'Per-Note Management',
      fields: { 'Detach Per-Note Controllers': true, 'Reset Per-Note Controllers': false },
    });
    expectDecoded([0x40f03c01, 0], {
      name: 'Per-Note Management',
      fields: { 'Detach Per-Note Controllers': false, 'Reset Per-Note Controllers': true },
    });
  });

  void it('opcode 0x7 is reserved', () => {
    expectDecoded([0x40700000, 0], {
      name: 'Reserved MIDI 2.0 Channel Voice Status',
      wordCount: 2,
      reserved: true,
      channel: 0,
    });
  });
});
