// Golden vectors for Flex Data (type 0xD): setup and performance messages, and text.
import { describe, it } from 'node:test';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: Flex Data (type 0xD)', () => {
  void it('set tempo: 50 000 000 × 10 ns per quarter note is 120 BPM', () => {
    expectDecoded([0xd0100000, 0x02faf080, 0, 0], {
      name: 'Set Tempo',
      status: 0x0000,
      group: 0,
      channel: undefined,
      wordCount: 4,
      summary: '120 BPM',
      fields: {
        Form: 'Complete',
        Address: 1,
        'Status Bank': 0,
        'Number of 10 ns Units per Quarter Note': 50_000_000,
        Tempo: 120,
      },
    });
  });

  void it('set time signature 6/8', () => {
    expectDecoded([0xd0100001, 0x06030800, 0, 0], {
      name: 'Set Time Signature',
      status: 0x0001,
      summary: '6/8',
      fields: { Numerator: 6, Denominator: 3, 'Number of 1/32 Notes': 8 },
    });
  });

  void it('set metronome', () => {
    expectDecoded([0xd3100002, 0x18020304, 0x02010000, 0], {
      name: 'Set Metronome',
      group: 3,
      fields: {
        'Number of Clocks per Primary Click': 24,
        'Bar Accent Part 1': 2,
        'Bar Accent Part 2': 3,
        'Bar Accent Part 3': 4,
        'Number of Subdivision Clicks 1': 2,
        'Number of Subdivision Clicks 2': 1,
      },
    });
  });

  void it('set key signature: D major (2 sharps) for the group, 5 flats for channel 3', () => {
    expectDecoded([0xd0100005, 0x24000000, 0, 0], {
      name: 'Set Key Signature',
      status: 0x0005,
      summary: 'D, 2 sharps',
      fields: { 'Sharps / Flats': 2, 'Tonic Note': 4 },
    });
    expectDecoded([0xd0030005, 0xb4000000, 0, 0], {
      name: 'Set Key Signature',
      channel: 3,
      fields: { Address: 0, 'Sharps / Flats': -5, 'Tonic Note': 4 },
    });
  });

  void it('set chord name: C♯ minor 7th over E, with an alteration', () => {
    expectDecoded([0xd0100006, 0x13093500, 0x00000000, 0x05000000], {
      name: 'Set Chord Name',
      status: 0x0006,
      summary: 'C♯ Minor 7th / E',
      fields: {
        'Tonic Sharps / Flats': 1,
        'Chord Tonic': 3,
        'Chord Type': 0x09,
        'Chord Alteration 1': 0x35,
        'Chord Alteration 2': 0,
        'Bass Sharps / Flats': 0,
        'Bass Note': 5,
        'Bass Chord Type': 0,
      },
    });
  });

  void it('metadata text: project name', () => {
    expectDecoded([0xd0100101, 0x4d494449, 0, 0], {
      name: 'Project Name',
      status: 0x0101,
      summary: '"MIDI"',
      fields: { 'Status Bank': 1, Status: 1, Text: 'MIDI' },
    });
  });

  void it('performance text: the start of a lyric on channel 0', () => {
    expectDecoded([0xd0400201, 0x48656c6c, 0x6f2c2077, 0x6f726c64], {
      name: 'Lyrics',
      status: 0x0201,
      channel: 0,
      summary: '"Hello, world" (start)',
      fields: { Form: 'Start', Text: 'Hello, world' },
    });
  });

  void it('reserved banks, statuses and addresses', () => {
    expectDecoded([0xd0100300, 0, 0, 0], {
      name: 'Reserved Flex Data Status',
      status: 0x0300,
      reserved: true,
    });
    expectDecoded([0xd0100003, 0, 0, 0], {
      name: 'Reserved Flex Data Status',
      status: 0x0003,
      reserved: true,
    });
    expectDecoded([0xd0200000, 0x02faf080, 0, 0], { name: 'Set Tempo', reserved: true, channel: undefined });
  });
});
