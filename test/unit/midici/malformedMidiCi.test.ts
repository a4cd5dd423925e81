// Malformed MIDI-CI becomes problems with a place, never an exception: short messages, unknown
// versions, bytes above 0x7F, lengths past the end, bad chunk numbers, JSON that does not parse,
// chunks larger than the receiver takes. Random input is fuzzed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  MidiCiMessageType as T,
  PropertyExchangeAssembler,
  asciiBytes,
  buildDiscoveryReply,
  buildPropertyExchangeChunk,
  buildPropertyExchangeMessages,
  parseMidiCi,
  type MidiCiMessage,
  type PropertyExchangeChunk,
} from '../../../src/midici';

const address = { deviceId: 0x7f, sourceMuid: 0x1234567, destinationMuid: 0x7654321 };
const identity = {
  manufacturer: [0x7d, 0, 0],
  family: 1,
  model: 2,
  softwareRevision: [0, 0, 0, 1],
  categories: 8,
  maxSysExSize: 512,
};

function pe(body: Uint8Array): MidiCiMessage & PropertyExchangeChunk {
  const parsed = parseMidiCi(body);
  assert.equal(parsed.message?.kind, 'propertyExchange');
  if (parsed.message?.kind !== 'propertyExchange') throw new Error('not a PE message');
  return parsed.message;
}

void describe('malformed MIDI-CI', () => {
  void it('a message cut inside its fields is short, at the offset where it ends', () => {
    const whole = buildDiscoveryReply(address, identity);
    const parsed = parseMidiCi(whole.slice(0, 20));
    assert.equal(parsed.problems[0].code, 'short');
    assert.equal(parsed.problems[0].offset, 20);
    assert.match(parsed.problems[0].message, /Reply to Discovery: 20 bytes end inside a field/);
    assert.equal(parseMidiCi(whole.slice(0, 9)).problems[0].code, 'short');
  });

  void it('an unknown version is named, and the fields are still read', () => {
    const body = buildDiscoveryReply({ ...address, version: 0x00 }, identity);
    const parsed = parseMidiCi(body);
    assert.deepEqual(
      parsed.problems.map((p) => p.code),
      ['version'],
    );
    assert.equal(parsed.message?.kind, 'discoveryReply');
  });

  void it('a byte above 0x7F is reported with its offset', () => {
    const body = buildDiscoveryReply(address, identity);
    body[15] = 0x80;
    assert.deepEqual(
      parseMidiCi(body).problems.map((p) => [p.code, p.offset]),
      [['not7Bit', 15]],
    );
  });

  void it('a declared length past the end is reported', () => {
    const body = buildPropertyExchangeChunk(T.PropertyGetReply, address, {
      requestId: 1,
      header: [],
      chunkCount: 1,
      chunkNumber: 1,
      data: [1, 2, 3],
    });
    const cut = body.slice(0, body.length - 2);
    assert.deepEqual(
      parseMidiCi(cut).problems.map((p) => p.code),
      ['length'],
    );
  });

  void it('chunk 0 and a chunk number above the count are bad chunk numbers', () => {
    for (const [count, number] of [
      [1, 0],
      [2, 3],
    ]) {
      const body = buildPropertyExchangeChunk(T.PropertyGetReply, address, {
        requestId: 1,
        header: [],
        chunkCount: count,
        chunkNumber: number,
        data: [],
      });
      assert.deepEqual(
        parseMidiCi(body).problems.map((p) => p.code),
        ['chunk'],
      );
    }
  });

  void it('an unknown sub-ID#2 is reported, not thrown', () => {
    const parsed = parseMidiCi(Uint8Array.from([0x7e, 0x7f, 0x0d, 0x55, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    assert.deepEqual(
      parsed.problems.map((p) => p.code),
      ['unknownMessage'],
    );
  });
});

void describe('Property Exchange reassembly', () => {
  void it('joins a body split over chunks no larger than the max SysEx size', () => {
    const body = JSON.stringify({ text: 'x'.repeat(700) });
    const messages = buildPropertyExchangeMessages(
      T.PropertyGetReply,
      address,
      5,
      '{"status":200}',
      asciiBytes(body),
      256,
    );
    assert.ok(messages.length >= 3);
    for (const m of messages) assert.ok(m.length + 2 <= 256, `a chunk of ${m.length + 2} bytes`);
    const assembler = new PropertyExchangeAssembler({ maxSysExSizeOf: () => 256 });
    const results = messages.map((m) => assembler.push(pe(m), m.length));
    const done = results.at(-1);
    assert.ok(done);
    assert.deepEqual(
      results.slice(0, -1),
      messages.slice(0, -1).map(() => undefined),
    );
    assert.deepEqual(done.problems, []);
    assert.deepEqual(done.header, { status: 200 });
    assert.deepEqual(done.bodyJson, { text: 'x'.repeat(700) });
    assert.equal(done.chunkCount, messages.length);
  });

  void it('reports chunks out of order, JSON that does not parse, and a chunk too large for the receiver', () => {
    const chunk = (n: number, data: string, headerJson = '') =>
      buildPropertyExchangeChunk(T.PropertyGetReply, address, {
        requestId: 2,
        header: asciiBytes(headerJson),
        chunkCount: 3,
        chunkNumber: n,
        data: asciiBytes(data),
      });
    const assembler = new PropertyExchangeAssembler({ maxSysExSizeOf: () => 40 });
    const first = chunk(1, '{"a":', '{"status":200');
    assert.equal(assembler.push(pe(first), first.length), undefined);
    const third = chunk(3, '1');
    const done = assembler.push(pe(third), third.length);
    assert.ok(done);
    const codes = done.problems.map((p) => p.code);
    assert.deepEqual(codes, ['tooLarge', 'chunk', 'json', 'json']);
    assert.match(done.problems[1].message, /chunk 3 came where chunk 2 was due/);
    assert.match(done.problems[2].message, /the header is not JSON/);
  });
});

void describe('fuzzing the MIDI-CI parser', () => {
  void it('never throws on random bytes after a MIDI-CI header', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7f }), fc.uint8Array({ maxLength: 80 }), (type, rest) => {
        const body = Uint8Array.from([0x7e, 0x7f, 0x0d, type, ...rest]);
        const parsed = parseMidiCi(body);
        assert.ok(Array.isArray(parsed.problems));
      }),
      { numRuns: 3000 },
    );
  });

  void it('never throws reassembling random PE chunks', () => {
    const assembler = new PropertyExchangeAssembler({ maxSysExSizeOf: () => 64 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
        (count, number, text) => {
          const body = buildPropertyExchangeChunk(T.PropertySetReply, address, {
            requestId: 3,
            header: asciiBytes(text),
            chunkCount: count,
            chunkNumber: number,
            data: asciiBytes(text),
          });
          const parsed = parseMidiCi(body);
          if (parsed.message?.kind === 'propertyExchange') assembler.push(parsed.message, body.length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
