// Golden vectors for Utility (type 0x0) and System Common / Real Time (type 0x1) messages.
import { describe, it } from 'node:test';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: utility (type 0x0, groupless)', () => {
  void it('NOOP', () => {
    expectDecoded([0x00000000], { name: 'NOOP', status: 0x0, group: undefined, wordCount: 1 });
  });

  void it('JR Clock in ticks and microseconds (1 tick = 32 µs)', () => {
    expectDecoded([0x00100064], {
      name: 'JR Clock',
      status: 0x1,
      group: undefined,
      summary: '100 ticks (3200 µs)',
      fields: { 'Sender Clock Time': 100, Time: 3200 },
    });
  });

  void it('JR Timestamp at its largest', () => {
    expectDecoded([0x0020ffff], {
      name: 'JR Timestamp',
      status: 0x2,
      fields: { 'Sender Clock Timestamp': 65535, Time: 65535 * 32 },
    });
  });

  void it('Delta Clockstamp Ticks Per Quarter Note and Delta Clockstamp (20 bits)', () => {
    expectDecoded([0x00300060], {
      name: 'Delta Clockstamp Ticks Per Quarter Note',
      status: 0x3,
      fields: { 'Ticks Per Quarter Note': 96 },
    });
    expectDecoded([0x004fffff], {
      name: 'Delta Clockstamp',
      status: 0x4,
      fields: { 'Ticks Since Last Event': 0xfffff },
    });
  });

  void it('statuses 0x5–0xF are reserved', () => {
    expectDecoded([0x00500000], { name: 'Reserved Utility Status', status: 0x5, reserved: true });
    expectDecoded([0x00f0ffff], { name: 'Reserved Utility Status', status: 0xf, reserved: true });
  });
});

void describe('decodeUmp: system common and real time (type 0x1)', () => {
  void it('MIDI time code quarter frame splits piece and value', () => {
    expectDecoded([0x10f12300], {
      name: 'MIDI Time Code Quarter Frame',
      status: 0xf1,
      group: 0,
      fields: { 'Message Type': 2, Value: 3 },
    });
  });

  void it('song position pointer joins 14 bits', () => {
    expectDecoded([0x12f27f7f], {
      name: 'Song Position Pointer',
      group: 2,
      fields: { Position: 16383, LSB: 127, MSB: 127 },
    });
    expectDecoded([0x10f20001], { name: 'Song Position Pointer', fields: { Position: 128 } });
  });

  void it('song select', () => {
    expectDecoded([0x10f30500], { name: 'Song Select', status: 0xf3, fields: { 'Song Number': 5 } });
  });

  void it('real time and tune request', () => {
    const names: Array<[number, string]> = [
      [0x10f60000, 'Tune Request'],
      [0x10f80000, 'Timing Clock'],
      [0x10fa0000, 'Start'],
      [0x10fb0000, 'Continue'],
      [0x1ffc0000, 'Stop'],
      [0x10fe0000, 'Active Sensing'],
      [0x10ff0000, 'Reset'],
    ];
    for (const [word, name] of names)
      expectDecoded([word], { name, status: (word >>> 16) & 0xff, wordCount: 1 });
  });

  void it('F0, F4, F5, F7, F9, FD and non-system bytes are reserved', () => {
    for (const status of [0xf0, 0xf4, 0xf5, 0xf7, 0xf9, 0xfd, 0x80, 0x00]) {
      expectDecoded([(0x10000000 | (status << 16)) >>> 0], {
        name: 'Reserved System Status',
        status,
        reserved: true,
      });
    }
  });
});
