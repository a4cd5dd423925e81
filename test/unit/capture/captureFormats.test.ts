import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCapture, writeCaptureBytes, captureFormatOf } from '../../../src/capture/captureFormats';
import type { CaptureInfo } from '../../../src/capture/captureTable';
import { messagesOf, sampleCapture, type PlainMessage } from './captureSamples';

const info: CaptureInfo = {
  endpoints: ['Loopback A', 'Loopback B'],
  ticksPerSecond: 10_000_000,
  title: 'test',
};
const read = { defaultEndpoint: 'file.bin' };

function roundTrip(format: 'ump' | 'midi2' | 'clip' | 'syx') {
  const messages = messagesOf(sampleCapture());
  const { bytes, writer } = writeCaptureBytes(format, info, messages);
  return { messages, reading: readCapture(bytes, format, read), writer, bytes };
}

const relative = (messages: readonly PlainMessage[]): PlainMessage[] =>
  messages.map((message) => ({ ...message, ticks: message.ticks - messages[0].ticks }));

void describe('capture formats: round trips', () => {
  void it('.ump text keeps messages, timestamps (to the tick) and endpoint names', () => {
    const { messages, reading } = roundTrip('ump');
    assert.equal(reading.error, undefined);
    assert.deepEqual(messagesOf(reading.table), messages);
    assert.deepEqual(reading.info.endpoints, info.endpoints);
    assert.equal(reading.info.title, 'test');
  });

  void it('.midi2 keeps messages, timestamps and endpoint names', () => {
    const { messages, reading, bytes } = roundTrip('midi2');
    assert.equal(reading.error, undefined);
    assert.deepEqual(messagesOf(reading.table), messages);
    assert.deepEqual(reading.info.endpoints, info.endpoints);
    const text = new TextDecoder().decode(bytes);
    assert.match(text, /^#\n# Windows MIDI Services Console Capture .+\n# Endpoint: {3}Loopback A\n/);
    assert.match(text, /\n# 00:00:00\.000 123456789 Midi1ChannelVoice32 Note On \[e0\]\n0x20903C64\n/);
    assert.match(text, /\n0x40903C00 0xC0000000\n/);
  });

  void it('a MIDI Clip File keeps messages and their times from the first message, to the tick', () => {
    const messages = messagesOf(sampleCapture()).filter((message) => message.words[0] !== 0xd0100000);
    const { bytes } = writeCaptureBytes('clip', info, messages);
    const reading = readCapture(bytes, 'clip', read);
    assert.equal(reading.error, undefined);
    const expected = relative(messages).map((message) => ({ ...message, endpointIndex: 0 }));
    assert.deepEqual(messagesOf(reading.table), expected);
  });

  void it('a long gap in a MIDI Clip File takes several 16-bit Delta Clockstamps (what aplaymidi2 reads)', () => {
    const messages = [
      { words: [0x20903c64], ticks: 0, endpointIndex: 0 },
      { words: [0x20803c00], ticks: 10_000_000, endpointIndex: 0 }, // one second later
    ];
    const { bytes } = writeCaptureBytes('clip', info, messages);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const deltas: number[] = [];
    for (let at = 8; at + 4 <= bytes.length;) {
      const word = view.getUint32(at);
      if (word >>> 20 === 0x004) deltas.push(word & 0xfffff);
      at += 4 * [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4][word >>> 28];
    }
    assert.ok(deltas.every((delta) => delta <= 0xffff));
    assert.equal(
      deltas.reduce((sum, delta) => sum + delta, 0),
      10_000_000,
    );
    assert.deepEqual(messagesOf(readCapture(bytes, 'clip', read).table), messages);
  });

  void it('a Set Tempo in the capture sets the clip tick from there on: times stay within one tick', () => {
    const { messages, reading } = roundTrip('clip');
    assert.equal(reading.error, undefined);
    const read = messagesOf(reading.table);
    const expected = relative(messages);
    assert.deepEqual(
      read.map((message) => message.words),
      expected.map((message) => message.words),
    );
    // 120 BPM at 10,000 ticks per quarter note: a tick is 50 µs (500 clock ticks).
    read.forEach((message, index) => assert.ok(Math.abs(message.ticks - expected[index].ticks) <= 250));
  });

  void it('.syx keeps the SysEx7 bytes and counts what it cannot hold', () => {
    const { reading, writer, bytes } = roundTrip('syx');
    assert.equal(reading.error, undefined);
    assert.deepEqual(Array.from(bytes), [0xf0, 0x7e, 0x7f, 0x06, 0x01, 0x10, 0x20, 0x30, 0x40, 0x50, 0xf7]);
    assert.equal(reading.table.count, 2);
    assert.deepEqual(writer.leftOut, ['8 message(s) that are not SysEx7']);
  });

  void it('recognises the formats by extension', () => {
    assert.equal(captureFormatOf('a/b.UMP'), 'ump');
    assert.equal(captureFormatOf('x.midi2'), 'midi2');
    assert.equal(captureFormatOf('x.midi2clip'), 'clip');
    assert.equal(captureFormatOf('x.syx'), 'syx');
    assert.equal(captureFormatOf('x.txt'), undefined);
  });
});
