// Mixed Data Set: the builder's exact words and their decode, and reassembly of chunks from
// header and payload packets, malformed sequences reported (never thrown) with what was dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as ump from '../../../src/ump';
import { expectDecoded, fieldValue } from './expectDecoded';

const ids = { manufacturerId: 0x0041, deviceId: 0x1234, subId1: 0x0001, subId2: 0x0002 };
const body = Array.from({ length: 20 }, (_, i) => i + 1);

function words(packet: Uint32Array): number[] {
  return Array.from(packet);
}

function feed(reassembler: ump.MixedDataSetReassembler, packets: Uint32Array[]): ump.MixedDataSetEvent[] {
  return packets.flatMap((packet) => [...reassembler.push(packet)]);
}

void describe('buildMixedDataSetPackets', () => {
  void it('writes a header and 14 bytes a payload, the last zero-padded', () => {
    const packets = ump.buildMixedDataSetPackets(2, 5, { ...ids, chunkCount: 3, chunkNumber: 2 }, body);
    assert.deepEqual(packets.map(words), [
      [0x52850014, 0x00030002, 0x00411234, 0x00010002],
      [0x52950102, 0x03040506, 0x0708090a, 0x0b0c0d0e],
      [0x52950f10, 0x11121314, 0, 0],
    ]);
  });

  void it('makes one chunk of one by default, and a header alone for no bytes', () => {
    assert.deepEqual(ump.buildMixedDataSetPackets(0, 0, ids, []).map(words), [
      [0x50800000, 0x00010001, 0x00411234, 0x00010002],
    ]);
    assert.equal(ump.buildMixedDataSetPackets(0, 0, ids, new Uint8Array(14)).length, 2);
    assert.equal(ump.buildMixedDataSetPackets(0, 0, ids, new Uint8Array(15)).length, 3);
  });

  void it('decodes to the header fields and payload bytes it was built from', () => {
    const [header, first, second] = ump.buildMixedDataSetPackets(
      2,
      5,
      { ...ids, chunkCount: 3, chunkNumber: 2 },
      body,
    );
    expectDecoded(words(header), {
      name: 'Mixed Data Set Header',
      status: 0x8,
      group: 2,
      fields: {
        'MDS ID': 5,
        'Number of Valid Bytes in This Chunk': 20,
        'Number of Chunks in Mixed Data Set': 3,
        'Number of This Chunk': 2,
        'Manufacturer ID': 0x0041,
        'Device ID': 0x1234,
        'Sub ID #1': 1,
        'Sub ID #2': 2,
      },
    });
    expectDecoded(words(first), {
      name: 'Mixed Data Set Payload',
      status: 0x9,
      group: 2,
      fields: { 'MDS ID': 5, Data: '01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E' },
    });
    expectDecoded(words(second), {
      name: 'Mixed Data Set Payload',
      fields: { Data: '0F 10 11 12 13 14 00 00 00 00 00 00 00 00' },
    });
  });

  void it('rejects values outside their fields', () => {
    assert.throws(() => ump.buildMixedDataSetPackets(0, 16, ids, []), {
      name: 'RangeError',
      message: 'mdsId must be an integer from 0 to 15; got 16',
    });
    assert.throws(
      () => ump.buildMixedDataSetPackets(0, 0, { ...ids, deviceId: 0x10000 }, []),
      /^RangeError: deviceId must be/,
    );
    assert.throws(() => ump.buildMixedDataSetPackets(0, 0, { ...ids, chunkCount: 2, chunkNumber: 3 }, []), {
      message: 'chunkNumber must be an integer from 1 to 2; got 3',
    });
    assert.throws(
      () => ump.buildMixedDataSetPackets(0, 0, { ...ids, chunkNumber: 0 }, []),
      /^RangeError: chunkNumber/,
    );
    // An unknown chunk count (0) lets the chunk number run to the top of its field.
    assert.equal(ump.buildMixedDataSetPackets(0, 0, { ...ids, chunkCount: 0, chunkNumber: 9 }, []).length, 1);
    assert.throws(() => ump.buildMixedDataSetPackets(0, 0, ids, [1, 256]), {
      message: 'bytes[1] must be an integer from 0 to 255; got 256',
    });
    assert.throws(
      () => ump.buildMixedDataSetPackets(0, 0, ids, new Uint8Array(0x10000)),
      /bytes must be at most 65535 in one chunk; got 65536/,
    );
  });
});

void describe('MixedDataSetReassembler', () => {
  void it('joins a header and its payloads into a chunk', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    const header = { ...ids, chunkCount: 3, chunkNumber: 2 };
    const events = feed(reassembler, ump.buildMixedDataSetPackets(2, 5, header, body));
    assert.deepEqual(events, [
      {
        kind: 'chunk',
        group: 2,
        mdsId: 5,
        ...header,
        bytes: Uint8Array.from(body),
        packetCount: 3,
        countReading: 'payloadOnly',
      },
    ]);
  });

  void it("accepts a count that includes the header's 8 data bytes, at the next header, and says so", () => {
    const reassembler = new ump.MixedDataSetReassembler();
    // 8 header data bytes + 12 payload bytes = 20: one payload by that reading, two by ours.
    const packets = ump.buildMixedDataSetPackets(2, 5, ids, body.slice(0, 12));
    packets[0][0] = (packets[0][0] & 0xffff0000) | 20;
    const next = ump.buildMixedDataSetPackets(2, 5, ids, []);
    const events = feed(reassembler, [...packets, ...next]);
    assert.deepEqual(
      events.map((e) => (e.kind === 'chunk' ? [e.countReading, Array.from(e.bytes)] : [e.kind])),
      [
        ['headerIncluded', body.slice(0, 12)],
        ['payloadOnly', []],
      ],
    );
  });

  void it('completes a chunk of no bytes at its header', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    const events = feed(reassembler, ump.buildMixedDataSetPackets(1, 0, ids, []));
    assert.deepEqual(
      events.map((e) => [e.kind, 'bytes' in e ? e.bytes.length : -1, 'packetCount' in e ? e.packetCount : 0]),
      [['chunk', 0, 1]],
    );
  });

  void it('keeps data sets apart by group and MDS id', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    const a = ump.buildMixedDataSetPackets(0, 1, ids, body);
    const b = ump.buildMixedDataSetPackets(0, 2, ids, body.slice(0, 15));
    const c = ump.buildMixedDataSetPackets(1, 1, ids, [7]);
    const events = feed(reassembler, [a[0], b[0], c[0], a[1], b[1], c[1], b[2], a[2]]);
    assert.deepEqual(
      events.map((e) => [e.group, e.mdsId, 'bytes' in e ? e.bytes.length : e.kind]),
      [
        [1, 1, 1],
        [0, 2, 15],
        [0, 1, 20],
      ],
    );
  });

  void it('reports a payload with no header, and one past the end of its chunk', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    const [header, first, second] = ump.buildMixedDataSetPackets(2, 5, ids, body);
    const events = feed(reassembler, [first, header, first, second, second]);
    assert.deepEqual(
      events.map((e) => [e.kind, 'discardedBytes' in e ? e.discardedBytes : -1]),
      [
        ['continueWithoutStart', 14],
        ['chunk', -1],
        ['continueWithoutStart', 14],
      ],
    );
    assert.equal(
      ump.showNumbered((events[0] as ump.MixedDataSetProblem).description, 'zeroBased'),
      'Mixed Data Set on group 2 id 5: a payload came with no chunk header before it (14 bytes discarded)',
    );
  });

  void it('reports a header inside an open chunk and keeps the new chunk', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    // 30 bytes: 3 payloads (or 2, counting the header's 8 bytes); 1 payload fits neither reading.
    const [header, first] = ump.buildMixedDataSetPackets(0, 3, ids, [...body, ...body.slice(0, 10)]);
    const next = ump.buildMixedDataSetPackets(0, 3, { ...ids, chunkCount: 2, chunkNumber: 2 }, [9, 8, 7]);
    const events = feed(reassembler, [header, first, ...next]);
    assert.deepEqual(
      events.map((e) => [e.kind, 'discardedBytes' in e ? e.discardedBytes : Array.from(e.bytes)]),
      [
        ['startInsideStart', 14],
        ['chunk', [9, 8, 7]],
      ],
    );
    // A header of no bytes inside an open chunk drops the open one too.
    reassembler.push(header);
    assert.deepEqual(
      reassembler.push(ump.buildMixedDataSetPackets(0, 3, ids, [])[0]).map((e) => e.kind),
      ['completeInsideStart', 'chunk'],
    );
  });

  void it('reports unterminated chunks on flush, a packet cut short, and a chunk over the limit', () => {
    const reassembler = new ump.MixedDataSetReassembler({ maxBytes: 16 });
    const [header, first] = ump.buildMixedDataSetPackets(4, 9, ids, body);
    feed(reassembler, [header, first]);
    assert.deepEqual(
      reassembler.flush().map((p) => [p.kind, p.group, p.mdsId, p.discardedBytes]),
      [['unterminated', 4, 9, 14]],
    );
    assert.deepEqual(reassembler.flush(), []);
    assert.deepEqual(
      reassembler.push([0x50900000, 0]).map((e) => e.kind),
      ['truncatedPacket'],
    );
    const events = feed(reassembler, ump.buildMixedDataSetPackets(0, 0, ids, new Uint8Array(40)));
    assert.deepEqual(
      events.map((e) => [e.kind, 'discardedBytes' in e ? e.discardedBytes : 0]),
      [['tooLong', 28]],
    );
    assert.deepEqual(reassembler.flush(), []);
  });

  void it('ignores other messages, SysEx8 included', () => {
    const reassembler = new ump.MixedDataSetReassembler();
    assert.deepEqual(reassembler.push(ump.buildSysEx8Packets(0, 1, [1, 2])[0]), []);
    assert.deepEqual(reassembler.push(ump.midi1NoteOn(0, 0, 60, 100)), []);
    assert.deepEqual(reassembler.push([0x50a00000, 0, 0, 0]), []);
    assert.deepEqual(reassembler.push([], 0), []);
  });

  void it('reassembles any chunk it built, and takes any packets without throwing', () => {
    const uint16 = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 0, max: 15 }),
        fc.record({ manufacturerId: uint16, deviceId: uint16, subId1: uint16, subId2: uint16 }),
        fc.uint8Array({ maxLength: 100 }),
        (group, mdsId, header, bytes) => {
          const packets = ump.buildMixedDataSetPackets(group, mdsId, header, bytes);
          const payloadBytes = packets
            .slice(1)
            .flatMap((p) => (fieldValue(ump.decodeUmp(p), 'Data') as string).split(' '))
            .map((b) => parseInt(b, 16));
          assert.deepEqual(payloadBytes.slice(0, bytes.length), Array.from(bytes));
          const events = feed(new ump.MixedDataSetReassembler(), packets);
          assert.deepEqual(events, [
            {
              kind: 'chunk',
              group,
              mdsId,
              chunkCount: 1,
              chunkNumber: 1,
              ...header,
              bytes,
              packetCount: packets.length,
              countReading: 'payloadOnly',
            },
          ]);
        },
      ),
    );
    const anyData128 = fc
      .tuple(
        fc.integer({ min: 0, max: 0x0fffffff }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 3 }),
      )
      .map(([rest, more]) => [(0x50000000 | rest) >>> 0, ...more]);
    fc.assert(
      fc.property(fc.array(anyData128, { maxLength: 40 }), (packets) => {
        const reassembler = new ump.MixedDataSetReassembler({ maxBytes: 64 });
        for (const packet of packets)
          for (const event of reassembler.push(packet)) assert.equal(typeof event.kind, 'string');
        for (const problem of reassembler.flush()) assert.equal(problem.kind, 'unterminated');
      }),
    );
  });
});
