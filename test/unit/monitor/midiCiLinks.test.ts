// MIDI-CI replies linked to their requests: the pure rule (kinds, both MUIDs, request id, ACK/NAK
// by the kind they name), and the monitor host's search through a capture in both directions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BROADCAST_MUID,
  MidiCiMessageType as T,
  buildDiscovery,
  buildDiscoveryReply,
  buildNak,
  buildPropertyExchangeChunk,
  isMidiCiReplyTo,
  midiCiPackets,
  midiCiRole,
  parseMidiCi,
  type MidiCiMessage,
} from '../../../src/midici';
import { Capture } from '../../../src/views/monitor/capture';
import { findMidiCiCounterpart } from '../../../src/views/monitor/midiCiCounterpart';
import { rowSearchText } from '../../../src/views/monitor/rowSearchText';

const host = 0x0123456;
const device = 0x0654321;
const other = 0x0111111;
const identity = { manufacturer: [0x7d, 0, 0], family: 1, model: 2, softwareRevision: [0, 0, 0, 1] };
const discovery = buildDiscovery(
  { sourceMuid: host, destinationMuid: BROADCAST_MUID },
  { ...identity, categories: 0x0c, maxSysExSize: 512 },
);
const discoveryReply = (from: number) =>
  buildDiscoveryReply(
    { sourceMuid: from, destinationMuid: host },
    { ...identity, categories: 0x0c, maxSysExSize: 512 },
  );
const get = (requestId: number) =>
  buildPropertyExchangeChunk(
    T.PropertyGet,
    { sourceMuid: host, destinationMuid: device },
    {
      requestId,
      header: Array.from('{"resource":"DeviceInfo"}', (c) => c.charCodeAt(0)),
      chunkCount: 1,
      chunkNumber: 1,
      data: [],
    },
  );
const getReply = (requestId: number, from = device) =>
  buildPropertyExchangeChunk(
    T.PropertyGetReply,
    { sourceMuid: from, destinationMuid: host },
    {
      requestId,
      header: Array.from('{"status":200}', (c) => c.charCodeAt(0)),
      chunkCount: 1,
      chunkNumber: 1,
      data: Array.from('{"model":"X"}', (c) => c.charCodeAt(0)),
    },
  );
const nakTo = (type: number) =>
  buildNak({ sourceMuid: device, destinationMuid: host }, { originalMessageType: type, statusCode: 0x20 });
const message = (bytes: Uint8Array): MidiCiMessage => parseMidiCi(bytes).message!;

void describe('MIDI-CI links', () => {
  void it('a reply answers a request by kind, both MUIDs and request id; broadcast requests from any MUID', () => {
    assert.equal(midiCiRole(message(discovery)), 'request');
    assert.equal(midiCiRole(message(discoveryReply(device))), 'reply');
    assert.equal(midiCiRole(message(nakTo(T.PropertyGet))), 'reply');
    assert.equal(isMidiCiReplyTo(message(discoveryReply(device)), message(discovery)), true);
    assert.equal(isMidiCiReplyTo(message(discoveryReply(other)), message(discovery)), true, 'broadcast');
    assert.equal(isMidiCiReplyTo(message(getReply(5)), message(get(5))), true);
    assert.equal(isMidiCiReplyTo(message(getReply(6)), message(get(5))), false, 'another request id');
    assert.equal(isMidiCiReplyTo(message(getReply(5, other)), message(get(5))), false, 'from another MUID');
    assert.equal(isMidiCiReplyTo(message(discoveryReply(device)), message(get(5))), false, 'another kind');
    assert.equal(
      isMidiCiReplyTo(message(nakTo(T.PropertyGet)), message(get(5))),
      true,
      'a NAK naming the kind',
    );
    assert.equal(isMidiCiReplyTo(message(nakTo(T.PropertySet)), message(get(5))), false);
  });

  void it('the monitor finds the reply after a request and the request before a reply, in its view', () => {
    const capture = new Capture(1000, (row) => rowSearchText(row, ['A', 'B']));
    const rows: Uint8Array[] = [
      discovery, // 0
      get(5), // 1
      get(6), // 2
      discoveryReply(device), // 3
      getReply(6), // 4
      getReply(5), // 5
      get(7), // 6: never answered
    ];
    capture.append(Uint32Array.of(0x20903c64), Float64Array.of(1), 1, 0); // a note first: row 0
    rows.forEach((body, i) => {
      for (const packet of midiCiPackets(0, body)) capture.append(packet, Float64Array.of(10 + i), 1, i % 2);
    });
    const at = (index: number) => findMidiCiCounterpart(capture, index + 1);
    assert.deepEqual(at(0), { found: true, viewIndex: 4 });
    assert.deepEqual(at(3), { found: true, viewIndex: 1 });
    assert.deepEqual(at(1), { found: true, viewIndex: 6 });
    assert.deepEqual(at(5), { found: true, viewIndex: 2 });
    assert.deepEqual(at(2), { found: true, viewIndex: 5 });
    assert.deepEqual(at(4), { found: true, viewIndex: 3 });
    const unanswered = at(6);
    assert.equal(unanswered.found, false);
    assert.match(
      !unanswered.found ? unanswered.reason : '',
      /no reply after it in this view \(0 row\(s\) searched\)/,
    );
    const note = findMidiCiCounterpart(capture, 0);
    assert.match(!note.found ? note.reason : '', /not a MIDI-CI request or reply/);
    // Only rows in the view count: filtered to endpoint 0 (the note, Discovery, Get 6, its reply,
    // Get 7), the Discovery's reply (endpoint 1) is not there.
    capture.setFilter({ ...capture.filter, endpoints: [0] });
    while (!capture.scanFilter(1000)) {
      /* until the filter has seen every row */
    }
    const start = capture.view.start;
    assert.equal(capture.view.end - start, 5);
    assert.deepEqual(findMidiCiCounterpart(capture, start + 2), { found: true, viewIndex: start + 3 });
    assert.deepEqual(findMidiCiCounterpart(capture, start + 3), { found: true, viewIndex: start + 2 });
    assert.equal(findMidiCiCounterpart(capture, start + 1).found, false);
  });
});
