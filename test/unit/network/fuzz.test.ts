// Hostile datagrams (fast-check): the parser never throws and never hands out UMP that is not
// whole messages inside the datagram; a real host fed malformed datagrams from a client with a
// session stays up, counts them, delivers nothing from them, and the session still works.
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { wordCountOf } from '../../../src/ump/messageType';
import { NetworkHost, dispatchDatagram } from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { keptLog, receiveFrom } from './support/networkTestKit';

const SIGNATURE = [0x4d, 0x49, 0x44, 0x49];

/** A command with a random code, data and payload whose declared length may lie. */
const commandBytes = fc
  .record({
    code: fc.oneof(
      fc.constantFrom(
        0x01,
        0x02,
        0x03,
        0x10,
        0x11,
        0x12,
        0x13,
        0x20,
        0x21,
        0x7f,
        0x80,
        0x81,
        0x82,
        0x83,
        0x8f,
        0xf0,
        0xf1,
        0xff,
      ),
      fc.integer({ min: 0, max: 255 }),
    ),
    data1: fc.integer({ min: 0, max: 255 }),
    data2: fc.integer({ min: 0, max: 255 }),
    payload: fc.uint8Array({ maxLength: 48 }),
    lie: fc.integer({ min: -2, max: 3 }),
  })
  .map(({ code, data1, data2, payload, lie }) => {
    const words = Math.max(0, Math.min(255, Math.ceil(payload.length / 4) + lie));
    return [code, words, data1, data2, ...payload];
  });

const hostileDatagram = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc
    .array(commandBytes, { maxLength: 6 })
    .map((commands) => Uint8Array.from([...SIGNATURE, ...commands.flat()])),
);

void describe('network parser under fuzzing', () => {
  void it('never throws; UMP it hands out is in bounds and whole messages', () => {
    fc.assert(
      fc.property(hostileDatagram, (bytes) => {
        dispatchDatagram(bytes, {
          umpData: (_sequence, view, byteOffset, wordCount, messages) => {
            assert.ok(byteOffset >= 8 && byteOffset + wordCount * 4 <= bytes.length);
            let index = 0;
            let counted = 0;
            while (index < wordCount) {
              index += wordCountOf(view.getUint32(byteOffset + index * 4));
              counted++;
            }
            assert.equal(index, wordCount);
            assert.equal(counted, messages);
          },
          command: () => undefined,
          refused: (_kind, message, header, nak) => {
            assert.ok(message.length > 0);
            if (nak !== undefined) assert.notEqual(header, undefined);
          },
          tolerated: (text) => assert.ok(text.length > 0),
        });
      }),
      { numRuns: 20_000 },
    );
  });
});

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Malformed on purpose: a wrong signature, a truncated header, a length past the end, or UMP cut short. */
const malformedDatagram = fc.oneof(
  fc
    .uint8Array({ minLength: 4, maxLength: 64 })
    .filter((b) => !(b[0] === 0x4d && b[1] === 0x49 && b[2] === 0x44 && b[3] === 0x49)),
  fc.uint8Array({ minLength: 1, maxLength: 3 }).map((tail) => Uint8Array.from([...SIGNATURE, ...tail])),
  fc.integer({ min: 1, max: 255 }).map((words) => Uint8Array.from([...SIGNATURE, 0xff, words, 0, 0])),
  fc
    .constantFrom(0x4, 0x3, 0x5, 0xd, 0xf)
    .map((type) => Uint8Array.from([...SIGNATURE, 0xff, 1, 0, 0, type << 4, 0x90, 0x3c, 0x64])),
);

void describe('a host fed malformed datagrams', () => {
  void it('counts and refuses them, delivers nothing from them, and the session goes on', async () => {
    const host = await NetworkHost.start({ endpointName: 'Fuzzed', productInstanceId: 'F', log: keptLog() });
    closers.push(() => host.close());
    const socket = dgram.createSocket('udp4');
    closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const replies: Buffer[] = [];
    socket.on('message', (bytes) => replies.push(bytes));
    // A bare invitation (no name) from this socket makes it a client with a session.
    socket.send(Uint8Array.from([...SIGNATURE, 0x01, 0, 0, 0]), host.local.port, '127.0.0.1');
    await waitFor(() => host.sessions.length === 1, 'the session');
    const session = host.sessions[0];
    const received = receiveFrom(session);
    const samples = fc.sample(malformedDatagram, { numRuns: 400, seed: 12 });
    for (const bytes of samples) socket.send(bytes, host.local.port, '127.0.0.1');
    await waitFor(() => session.counters.malformed === samples.length, `${samples.length} malformed counted`);
    assert.equal(received.messages, 0);
    assert.equal(session.state, 'established');
    assert.ok(session.counters.naksSent > 0);
    // A good UMP Data command with sequence 0 still arrives.
    socket.send(
      Uint8Array.from([...SIGNATURE, 0xff, 1, 0, 0, 0x20, 0x90, 0x3c, 0x64]),
      host.local.port,
      '127.0.0.1',
    );
    await waitFor(() => received.messages === 1, 'the good message after the barrage');
    assert.deepEqual(received.words, [0x20903c64]);
    assert.ok(
      replies.some((reply) => reply[4] === 0x8f),
      'NAKs went back with code 0x8F',
    );
  });
});
