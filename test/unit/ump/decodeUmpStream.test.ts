// Golden vectors for UMP Stream messages (type 0xF, groupless).
import { describe, it } from 'node:test';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: UMP Stream (type 0xF)', () => {
  void it('endpoint discovery asking for everything', () => {
    expectDecoded([0xf0000101, 0x0000001f, 0, 0], {
      name: 'Endpoint Discovery',
      status: 0x000,
      group: undefined,
      wordCount: 4,
      fields: {
        'UMP Version Major': 1,
        'UMP Version Minor': 1,
        'Filter Bitmap': 0x1f,
        'Request Endpoint Info': true,
        'Request Device Identity': true,
        'Request Endpoint Name': true,
        'Request Product Instance Id': true,
        'Request Stream Configuration': true,
      },
    });
    expectDecoded([0xf0000101, 0x00000004, 0, 0], {
      name: 'Endpoint Discovery',
      fields: { 'Request Endpoint Info': false, 'Request Endpoint Name': true },
    });
  });

  void it('endpoint info notification', () => {
    expectDecoded([0xf0010101, 0x83000303, 0, 0], {
      name: 'Endpoint Info Notification',
      status: 0x001,
      fields: {
        'Static Function Blocks': true,
        'Number of Function Blocks': 3,
        'MIDI 2.0 Protocol': true,
        'MIDI 1.0 Protocol': true,
        'Receive JR Timestamps': true,
        'Transmit JR Timestamps': true,
      },
    });
  });

  void it('device identity notification: 14-bit family and model, LSB first', () => {
    expectDecoded([0xf0020000, 0x00410000, 0x23025608, 0x01020304], {
      name: 'Device Identity Notification',
      status: 0x002,
      fields: {
        Manufacturer: '0x41 0x00 0x00',
        'Device Family': 0x0123,
        'Device Family Model Number': 0x0456,
        'Software Revision Level': '0x01 0x02 0x03 0x04',
      },
    });
  });

  void it('endpoint name and product instance id text', () => {
    expectDecoded([0xf0035363, 0x6f706500, 0, 0], {
      name: 'Endpoint Name Notification',
      status: 0x003,
      summary: '"Scope"',
      fields: { Form: 'Complete', 'Name Part': 'Scope' },
    });
    expectDecoded([0xf4034d49, 0x44492053, 0x636f7065, 0x204c6f6f], {
      name: 'Endpoint Name Notification',
      summary: '"MIDI Scope Loo" (start)',
      fields: { Form: 'Start' },
    });
    expectDecoded([0xf0043132, 0x33000000, 0, 0], {
      name: 'Product Instance Id Notification',
      status: 0x004,
      fields: { 'Name Part': '123' },
    });
  });

  void it('stream configuration request and notification', () => {
    expectDecoded([0xf0050203, 0, 0, 0], {
      name: 'Stream Configuration Request',
      status: 0x005,
      summary: 'MIDI 2.0 rxJR txJR',
      fields: { Protocol: 2, 'Receive JR Timestamps': true, 'Transmit JR Timestamps': true },
    });
    expectDecoded([0xf0060100, 0, 0, 0], {
      name: 'Stream Configuration Notification',
      status: 0x006,
      fields: { Protocol: 1, 'Receive JR Timestamps': false, 'Transmit JR Timestamps': false },
    });
  });

  void it('function block discovery for all blocks', () => {
    expectDecoded([0xf010ff03, 0, 0, 0], {
      name: 'Function Block Discovery',
      status: 0x010,
      fields: {
        'Function Block Number': 255,
        'Request Function Block Info': true,
        'Request Function Block Name': true,
      },
    });
  });

  void it('function block info notification', () => {
    expectDecoded([0xf0118133, 0x00020100, 0, 0], {
      name: 'Function Block Info Notification',
      status: 0x011,
      summary: 'block 1 active bidirectional groups 0–1',
      fields: {
        Active: true,
        'Function Block Number': 1,
        'UI Hint': 3,
        'MIDI 1.0': 0,
        Direction: 3,
        'First Group': 0,
        'Number of Groups Spanned': 2,
        'MIDI-CI Message Version/Format': 1,
        'Max Number of SysEx8 Streams': 0,
      },
    });
  });

  void it('function block name: 13 bytes after the block number', () => {
    expectDecoded([0xf0120253, 0x796e7468, 0, 0], {
      name: 'Function Block Name Notification',
      status: 0x012,
      fields: { 'Function Block Number': 2, 'Name Part': 'Synth' },
    });
  });

  void it('start and end of clip', () => {
    expectDecoded([0xf0200000, 0, 0, 0], { name: 'Start of Clip', status: 0x020 });
    expectDecoded([0xf0210000, 0, 0, 0], { name: 'End of Clip', status: 0x021 });
  });

  void it('unknown statuses are reserved', () => {
    expectDecoded([0xf0300000, 0, 0, 0], {
      name: 'Reserved UMP Stream Status',
      status: 0x030,
      reserved: true,
    });
    expectDecoded([0xf3ff0000, 0, 0, 0], {
      name: 'Reserved UMP Stream Status',
      status: 0x3ff,
      reserved: true,
    });
  });
});
