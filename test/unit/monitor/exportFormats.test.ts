import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseUmpHex } from '../../../src/ump';
import {
  csvCell,
  csvColumns,
  exportFormatter,
  type ExportPacket,
} from '../../../src/views/monitor/exportFormats';

const endpoint = { index: 0, endpointDeviceId: 'midi-scope:diagnostics:b', name: 'Diagnostics B' };
const packets: ExportPacket[] = [
  { seq: 7, timestamp: 12_345_678, endpoint, words: new Uint32Array([0x20903c64]) },
  { seq: 8, timestamp: 12_345_700, endpoint, words: new Uint32Array([0x40903c00, 0xffff0000]) },
  { seq: 9, timestamp: 12_345_800, endpoint, words: new Uint32Array([0xf0010101, 0, 0, 0]) },
];

function exported(format: 'hex' | 'json' | 'csv'): string {
  const formatter = exportFormatter(format, 10_000_000, 'test capture');
  return (
    formatter.header() + packets.map((p, i) => formatter.message(p, i === 0)).join('') + formatter.footer()
  );
}

void describe('export formats', () => {
  void it('hex export parses back into the same messages (the send commands read it)', () => {
    const text = exported('hex');
    const parsed = parseUmpHex(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.deepEqual(
      parsed.messages.map((m) => [...m.words]),
      packets.map((p) => [...p.words]),
    );
    assert.match(text, /^0x20903C64 \/\/ #7 1\.2345678 Diagnostics B$/m);
  });

  void it('keeps comments on one line whatever the endpoint is called', () => {
    const formatter = exportFormatter('hex', 10_000_000, 'title\nsecond line');
    const line = formatter.message(
      { ...packets[0], endpoint: { ...endpoint, name: 'evil\n0x20903C64' } },
      true,
    );
    assert.equal(line.split('\n').length, 2, 'one line and its newline');
    assert.equal(formatter.header().split('\n').length, 3);
  });

  void it('JSON export is one valid array with decoded names, fields and words', () => {
    const records = JSON.parse(exported('json')) as Record<string, unknown>[];
    assert.equal(records.length, 3);
    assert.equal(records[0].name, 'Note On');
    assert.equal(records[0].group, 0);
    assert.equal(records[0].channel, 0);
    assert.equal(records[0].timeSeconds, 1.2345678);
    assert.deepEqual(records[1].words, ['0x40903C00', '0xFFFF0000']);
    assert.equal(records[2].group, null, 'UMP stream messages have no group');
    assert.ok(Array.isArray(records[0].fields) && records[0].fields.length > 0);
  });

  void it('CSV export has a header and one quoted-where-needed line per message', () => {
    const lines = exported('csv').trimEnd().split('\r\n');
    assert.equal(lines[0], csvColumns.join(','));
    assert.equal(lines.length, 4);
    assert.match(lines[1], /^7,12345678,1\.2345678,Diagnostics B,2,0,0,Note On,/);
    assert.match(lines[2], /,0x40903C00 0xFFFF0000$/);
  });

  void it('quotes CSV cells per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(42), '42');
  });
});
