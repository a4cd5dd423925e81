// Golden vectors for Data 64 (SysEx7, type 0x3) and Data 128 (SysEx8 and Mixed Data Set, type 0x5).
import { describe, it } from 'node:test';
import { expectDecoded } from './expectDecoded';

void describe('decodeUmp: Data 64 / SysEx7 (type 0x3)', () => {
  void it('complete packet with 3 bytes', () => {
    expectDecoded([0x31037e7f, 0x06000000], {
      name: 'SysEx7 Complete',
      status: 0x0,
      group: 1,
      wordCount: 2,
      summary: '7E 7F 06',
      fields: { Form: 'Complete', 'Number of Bytes': 3, Data: '7E 7F 06' },
    });
  });

  void it('start, continue and end', () => {
    expectDecoded([0x30160102, 0x03040506], {
      name: 'SysEx7 Start',
      status: 0x1,
      fields: { Data: '01 02 03 04 05 06' },
    });
    expectDecoded([0x30260708, 0x090a0b0c], {
      name: 'SysEx7 Continue',
      status: 0x2,
      fields: { Data: '07 08 09 0A 0B 0C' },
    });
    expectDecoded([0x30310d00, 0x00000000], {
      name: 'SysEx7 End',
      status: 0x3,
      fields: { 'Number of Bytes': 1, Data: '0D' },
    });
  });

  void it('an empty complete packet', () => {
    expectDecoded([0x30000000, 0], { name: 'SysEx7 Complete', summary: '(no data)', fields: { Data: '' } });
  });

  void it('a byte count over 6 shows the 6 bytes there are', () => {
    expectDecoded([0x30070102, 0x03040506], {
      name: 'SysEx7 Complete',
      fields: { 'Number of Bytes': 7, Data: '01 02 03 04 05 06' },
    });
  });

  void it('statuses 0x4–0xF are reserved', () => {
    expectDecoded([0x30400000, 0], { name: 'Reserved Data 64 Status', wordCount: 2, reserved: true });
  });
});

void describe('decodeUmp: Data 128 (type 0x5)', () => {
  void it('SysEx8 complete with stream id and 4 bytes (the count includes the stream id)', () => {
    expectDecoded([0x50050a01, 0x02030400, 0, 0], {
      name: 'SysEx8 Complete',
      status: 0x0,
      group: 0,
      wordCount: 4,
      fields: { 'Number of Bytes': 5, 'Stream ID': 10, Data: '01 02 03 04' },
    });
  });

  void it('SysEx8 start with 13 data bytes', () => {
    expectDecoded([0x501e0011, 0x22334455, 0x66778899, 0xaabbccdd], {
      name: 'SysEx8 Start',
      status: 0x1,
      fields: { 'Stream ID': 0, Data: '11 22 33 44 55 66 77 88 99 AA BB CC DD' },
    });
  });

  void it('SysEx8 continue and end', () => {
    expectDecoded([0x5f2201ff, 0, 0, 0], {
      name: 'SysEx8 Continue',
      group: 15,
      fields: { 'Stream ID': 1, Data: 'FF' },
    });
    expectDecoded([0x50310200, 0, 0, 0], { name: 'SysEx8 End', fields: { 'Stream ID': 2, Data: '' } });
  });

  void it('Mixed Data Set header', () => {
    expectDecoded([0x52830020, 0x00030001, 0x00417f7f, 0x00010002], {
      name: 'Mixed Data Set Header',
      status: 0x8,
      group: 2,
      fields: {
        'MDS ID': 3,
        'Number of Valid Bytes in This Chunk': 32,
        'Number of Chunks in Mixed Data Set': 3,
        'Number of This Chunk': 1,
        'Manufacturer ID': 0x0041,
        'Device ID': 0x7f7f,
        'Sub ID #1': 1,
        'Sub ID #2': 2,
      },
    });
  });

  void it('Mixed Data Set payload carries 14 bytes', () => {
    expectDecoded([0x50910102, 0x03040506, 0x0708090a, 0x0b0c0d0e], {
      name: 'Mixed Data Set Payload',
      status: 0x9,
      fields: { 'MDS ID': 1, Data: '01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E' },
    });
  });

  void it('other statuses are reserved', () => {
    expectDecoded([0x50400000, 0, 0, 0], { name: 'Reserved Data 128 Status', wordCount: 4, reserved: true });
    expectDecoded([0x50a00000, 0, 0, 0], { name: 'Reserved Data 128 Status', reserved: true });
  });
});
