import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCapture, writeCaptureBytes } from '../../../src/capture/captureFormats';
import { whereOf } from '../../../src/capture/captureTable';

const read = { defaultEndpoint: 'broken' };
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

void describe('capture readers: a malformed file opens up to the error', () => {
  void it('.ump: the error line and column, the messages before it', () => {
    const reading = readCapture(
      text('@0us 0x20903C64\n@5us 0x20903C65\n@7us 0x40G0\n@9us 0x20903C66\n'),
      'ump',
      read,
    );
    assert.equal(reading.table.count, 2);
    assert.equal(reading.error?.line, 3);
    // The column of the bad character ('G'), not of the start of its token.
    assert.equal(reading.error?.column, 10);
    assert.match(reading.error?.message ?? '', /0x40G0/);
    assert.ok(reading.error);
    assert.equal(whereOf(reading.error), 'line 3, column 10');
  });

  void it('.ump: other spellings go through the general parser with their timing', () => {
    const reading = readCapture(
      text('@0us 20 90 3C 64\n+1ms [0x20903C65]\n/* a\n comment */ 0x20903C66\n'),
      'ump',
      read,
    );
    assert.equal(reading.error, undefined);
    assert.deepEqual(
      Array.from({ length: 3 }, (_, i) => reading.table.ticks(i)),
      [0, 10_000, 10_000],
    );
  });

  void it('.midi2: a line with more words than its message', () => {
    const source = '#\n# Endpoint:   X\n#\n0x20903C64\n0x20903C64,0x00000000\n';
    const reading = readCapture(text(source), 'midi2', read);
    assert.equal(reading.table.count, 1);
    assert.equal(reading.error?.line, 5);
    assert.equal(reading.error?.column, 12);
    assert.deepEqual(reading.info.endpoints, ['X']);
  });

  void it('.midi2: a word that is not hex, and a message cut short', () => {
    assert.match(
      readCapture(text('0x2090ZZ64\n'), 'midi2', read).error?.message ?? '',
      /'0x2090ZZ64' is not a 32-bit word/,
    );
    assert.match(readCapture(text('0x40903C00\n'), 'midi2', read).error?.message ?? '', /cut short/);
  });

  void it('clip: a file cut inside a message keeps what came before', () => {
    const messages = [0x20903c64, 0x20903c65, 0x20903c66].map((word, index) => ({
      words: [word],
      ticks: index * 10,
    }));
    const { bytes } = writeCaptureBytes('clip', { endpoints: ['x'], ticksPerSecond: 10_000_000 }, messages);
    const cut = bytes.subarray(0, bytes.length - 18);
    const reading = readCapture(cut, 'clip', read);
    assert.equal(reading.table.count, 3);
    assert.match(reading.error?.message ?? '', /End of Clip|ends first/);
    assert.equal(readCapture(text('SMF2CLIQ'), 'clip', read).error?.offset, 7);
  });

  void it('.syx: bytes outside a message and a message without F7', () => {
    const outside = readCapture(Uint8Array.of(0xf0, 0x01, 0xf7, 0x42), 'syx', read);
    assert.equal(outside.table.count, 1);
    assert.equal(outside.error?.offset, 3);
    assert.match(readCapture(Uint8Array.of(0xf0, 0x01), 'syx', read).error?.message ?? '', /no F7/);
    assert.match(
      readCapture(Uint8Array.of(0xf0, 0x90, 0xf7), 'syx', read).error?.message ?? '',
      /0x90 inside/,
    );
  });
});
