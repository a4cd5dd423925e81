// SysEx7, SysEx8 and text reassembly: whole messages back from their packets, and malformed
// sequences reported (never thrown) with what was dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ump from '../../../src/ump';

function feed<Event>(push: (words: Uint32Array) => readonly Event[], packets: Uint32Array[]): Event[] {
  return packets.flatMap((packet) => [...push(packet)]);
}

const body = Array.from({ length: 20 }, (_, i) => i + 1);

void describe('SysEx7Reassembler', () => {
  void it('joins start, continue and end into one message', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const events = feed((p) => reassembler.push(p), ump.buildSysEx7Packets(3, body));
    assert.deepEqual(events, [{ kind: 'message', group: 3, bytes: Uint8Array.from(body), packetCount: 4 }]);
  });

  void it('keeps groups apart', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const [a1, a2] = ump.buildSysEx7Packets(0, [1, 2, 3, 4, 5, 6, 7]);
    const [b1, b2] = ump.buildSysEx7Packets(1, [9, 9, 9, 9, 9, 9, 9, 9]);
    const events = feed((p) => reassembler.push(p), [a1, b1, a2, b2]);
    assert.deepEqual(
      events.map((e) => [e.kind, e.group, 'bytes' in e ? Array.from(e.bytes) : []]),
      [
        ['message', 0, [1, 2, 3, 4, 5, 6, 7]],
        ['message', 1, [9, 9, 9, 9, 9, 9, 9, 9]],
      ],
    );
  });

  void it('reports a continue or an end without a start', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const [, middle, last] = ump.buildSysEx7Packets(2, body.slice(0, 13));
    const events = feed((p) => reassembler.push(p), [middle, last]);
    assert.deepEqual(
      events.map((e) => [e.kind, e.group, 'discardedBytes' in e ? e.discardedBytes : -1]),
      [
        ['continueWithoutStart', 2, 6],
        ['endWithoutStart', 2, 1],
      ],
    );
    assert.ok(
      events.every(
        (e) =>
          'description' in e && ump.showNumbered(e.description, 'zeroBased').startsWith('SysEx on group 2: '),
      ),
    );
  });

  void it('reports a start inside a start and keeps the new message', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const [firstStart] = ump.buildSysEx7Packets(0, body);
    const events = feed(
      (p) => reassembler.push(p),
      [firstStart, ...ump.buildSysEx7Packets(0, [7, 8, 9, 10, 11, 12, 13])],
    );
    assert.deepEqual(
      events.map((e) => e.kind),
      ['startInsideStart', 'message'],
    );
    assert.deepEqual(events[1], {
      kind: 'message',
      group: 0,
      bytes: Uint8Array.of(7, 8, 9, 10, 11, 12, 13),
      packetCount: 2,
    });
  });

  void it('reports a complete packet inside a start, and unterminated messages on flush', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const [start] = ump.buildSysEx7Packets(0, body);
    const events = feed((p) => reassembler.push(p), [start, ...ump.buildSysEx7Packets(0, [1])]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['completeInsideStart', 'message'],
    );
    reassembler.push(start);
    const flushed = reassembler.flush();
    assert.deepEqual(
      flushed.map((p) => [p.kind, p.discardedBytes]),
      [['unterminated', 6]],
    );
    assert.deepEqual(reassembler.flush(), []);
  });

  void it('reports a bad byte count and a packet cut short', () => {
    const reassembler = new ump.SysEx7Reassembler();
    const events = reassembler.push([0x30070102, 0x03040506]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['invalidByteCount', 'message'],
    );
    assert.deepEqual(
      reassembler.push([0x30160102]).map((e) => e.kind),
      ['truncatedPacket'],
    );
  });

  void it('drops a message longer than the limit up to its end', () => {
    const reassembler = new ump.SysEx7Reassembler({ maxBytes: 16 });
    const events = feed(
      (p) => reassembler.push(p),
      ump.buildSysEx7Packets(
        0,
        Array.from({ length: 40 }, () => 1),
      ),
    );
    assert.deepEqual(
      events.map((e) => [e.kind, 'discardedBytes' in e ? e.discardedBytes : 0]),
      [['tooLong', 18]],
    );
    assert.deepEqual(reassembler.flush(), []);
    assert.throws(
      () => new ump.SysEx7Reassembler({ maxBytes: 4 }),
      /maxBytes must be an integer of at least 16/,
    );
  });

  void it('ignores other message types', () => {
    const reassembler = new ump.SysEx7Reassembler();
    assert.deepEqual(reassembler.push([0x20903c64]), []);
    assert.deepEqual(reassembler.push([0x30400000, 0]), []);
    assert.deepEqual(reassembler.push([], 0), []);
  });
});

void describe('SysEx8Reassembler', () => {
  void it('joins packets per group and stream id', () => {
    const reassembler = new ump.SysEx8Reassembler();
    const a = ump.buildSysEx8Packets(0, 1, body);
    const b = ump.buildSysEx8Packets(0, 2, body.slice(0, 14));
    const events = feed((p) => reassembler.push(p), [a[0], b[0], a[1], b[1]]);
    assert.deepEqual(events, [
      { kind: 'message', group: 0, streamId: 1, bytes: Uint8Array.from(body), packetCount: 2 },
      { kind: 'message', group: 0, streamId: 2, bytes: Uint8Array.from(body.slice(0, 14)), packetCount: 2 },
    ]);
  });

  void it('reports problems with the stream id', () => {
    const reassembler = new ump.SysEx8Reassembler();
    const [, end] = ump.buildSysEx8Packets(4, 9, body);
    const [problem] = reassembler.push(end);
    assert.equal(problem.kind, 'endWithoutStart');
    assert.equal(problem.group, 4);
    assert.equal(problem.streamId, 9);
    assert.match(
      ump.showNumbered(problem.description, 'zeroBased'),
      /^SysEx on group 4 stream 9: an End packet/,
    );
    reassembler.push(ump.buildSysEx8Packets(4, 9, body)[0]);
    assert.deepEqual(
      reassembler.flush().map((p) => [p.kind, p.group, p.streamId]),
      [['unterminated', 4, 9]],
    );
  });

  void it('ignores Mixed Data Set packets', () => {
    assert.deepEqual(new ump.SysEx8Reassembler().push([0x50800000, 0, 0, 0]), []);
  });
});

void describe('UmpTextReassembler', () => {
  void it('joins a long endpoint name, multi-byte characters split across packets included', () => {
    const name = 'MIDI Scope — Loopback Ä€𝄞 with a longer name';
    const reassembler = new ump.UmpTextReassembler();
    const packets = ump.buildEndpointNamePackets(name);
    assert.ok(packets.length > 3);
    const events = feed((p) => reassembler.push(p), packets);
    assert.equal(events.length, 1);
    const [text] = events;
    assert.equal(text.kind, 'text');
    assert.equal(text.text, name);
    assert.equal(text.packetCount, packets.length);
    assert.equal(text.name, 'Endpoint Name Notification');
  });

  void it('keeps function block names apart by block number', () => {
    const reassembler = new ump.UmpTextReassembler();
    const a = ump.buildFunctionBlockNamePackets(1, 'Keyboard controller part');
    const b = ump.buildFunctionBlockNamePackets(2, 'Drum pads with a long name');
    const events = feed((p) => reassembler.push(p), [a[0], b[0], a[1], b[1], ...b.slice(2)]);
    assert.deepEqual(
      events.map((e) => [e.functionBlock, 'text' in e ? e.text : e.kind]),
      [
        [1, 'Keyboard controller part'],
        [2, 'Drum pads with a long name'],
      ],
    );
  });

  void it('joins Flex Data text per group, channel and status', () => {
    const reassembler = new ump.UmpTextReassembler();
    const lyric = ump.buildFlexTextPackets(0, 0x02, 0x01, 'Twinkle, twinkle, little star', 5);
    const title = ump.buildFlexTextPackets(0, 0x01, 0x02, 'A song title that spans packets');
    const events = feed(
      (p) => reassembler.push(p),
      [lyric[0], title[0], ...lyric.slice(1), ...title.slice(1)],
    );
    assert.deepEqual(
      events.map((e) => [e.name, e.group, e.channel, e.status, 'text' in e ? e.text : e.kind]),
      [
        ['Lyrics', 0, 5, 0x0201, 'Twinkle, twinkle, little star'],
        ['Composition (Song) Name', 0, undefined, 0x0102, 'A song title that spans packets'],
      ],
    );
  });

  void it('reports malformed text sequences', () => {
    const reassembler = new ump.UmpTextReassembler();
    const packets = ump.buildEndpointNamePackets('A name long enough for three packets, 40b');
    assert.equal(packets.length, 3);
    const events = feed((p) => reassembler.push(p), [packets[1], packets[0], packets[0]]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['continueWithoutStart', 'startInsideStart'],
    );
    assert.match(
      ump.showNumbered((events[0] as ump.TextProblem).description, 'oneBased'),
      /^Endpoint Name Notification: a Continue packet came with no text started/,
    );
    assert.deepEqual(
      reassembler.flush().map((p) => [p.kind, p.name]),
      [['unterminated', 'Endpoint Name Notification']],
    );
    assert.deepEqual(
      reassembler.push([0xd0100101, 0x4d494449]).map((e) => e.kind),
      ['truncatedPacket'],
    );
  });

  void it('ignores messages that carry no text', () => {
    const reassembler = new ump.UmpTextReassembler();
    assert.deepEqual(reassembler.push(ump.buildSetTempo(0, 50_000_000)), []);
    assert.deepEqual(reassembler.push(ump.buildEndpointDiscovery(1, 1, 0x1f)), []);
    assert.deepEqual(reassembler.push(ump.midi1NoteOn(0, 0, 60, 100)), []);
  });
});
