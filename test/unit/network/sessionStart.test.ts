// Where a peer's stream starts after a session starts or resets: at 0, even when the first
// datagram leads with FEC copies numbered just before 0; where it was, when the peer keeps its
// numbering across a Session Reset (amidi2net does); at the peer's own number when it starts far
// from 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionOptions } from '../../../src/transports/network';
import { newSessionCounters } from '../../../src/transports/network/session/sessionCounters';
import { UmpReceiver } from '../../../src/transports/network/session/umpReceiver';

/** Feeds one datagram of one-word UMP Data commands: [sequence, word] pairs, in order. */
function feed(receiver: UmpReceiver, commands: [number, number][]): void {
  const view = new DataView(new ArrayBuffer(commands.length * 4));
  receiver.beginDatagram();
  commands.forEach(([sequence, word], index) => {
    view.setUint32(index * 4, word);
    receiver.umpData(sequence, view, index * 4, 1, 1);
  });
  receiver.endDatagram();
}

function receiver() {
  const delivered: number[] = [];
  const counters = newSessionCounters();
  const lost: number[] = [];
  const ump = new UmpReceiver(sessionOptions(), counters, {
    deliver: (words) => delivered.push(...words),
    requestRetransmit: () => undefined,
    lost: (from) => lost.push(from),
  });
  return { ump, delivered, counters, lost };
}

void describe('network UMP receiver: where the stream starts', () => {
  void it('drops FEC copies numbered before 0 that lead the first datagram after a reset', () => {
    const r = receiver();
    feed(r.ump, [
      [0, 0x20903c00],
      [1, 0x20903c01],
    ]);
    r.ump.reset();
    feed(r.ump, [
      [65533, 0x20903c7d],
      [65534, 0x20903c7e],
      [65535, 0x20903c7f],
      [0, 0x20903c10],
    ]);
    feed(r.ump, [
      [65534, 0x20903c7e],
      [65535, 0x20903c7f],
      [0, 0x20903c10],
      [1, 0x20903c11],
    ]);
    assert.deepEqual(r.delivered, [0x20903c00, 0x20903c01, 0x20903c10, 0x20903c11]);
    assert.equal(r.counters.duplicates, 6);
    assert.deepEqual(r.lost, []);
    assert.match(
      r.ump.tolerated.join('\n'),
      /led with sequence number 65533: FEC copies from before the start/,
    );
  });

  void it('goes on from where it was when the peer keeps its numbering across a Session Reset', () => {
    const r = receiver();
    feed(r.ump, [
      [500, 0x20903c00],
      [501, 0x20903c01],
      [502, 0x20903c02],
    ]);
    r.ump.reset();
    r.ump.reset(); // the peer asked for a reset too, before anything arrived
    // FEC copies of 500..502, then the first new command, still numbered on.
    feed(r.ump, [
      [500, 0x20903c00],
      [501, 0x20903c01],
      [502, 0x20903c02],
      [503, 0x20903c03],
    ]);
    assert.deepEqual(r.delivered, [0x20903c00, 0x20903c01, 0x20903c02, 0x20903c03]);
    assert.equal(r.counters.duplicates, 3);
    assert.match(
      r.ump.tolerated.join('\n'),
      /did not restart its sequence numbers after Session Reset \(went on at 500\): continued from 503/,
    );
  });

  void it("takes a first sequence number far from 0 as the peer's start", () => {
    const r = receiver();
    feed(r.ump, [
      [40000, 0x20903c00],
      [40001, 0x20903c01],
    ]);
    assert.deepEqual(r.delivered, [0x20903c00, 0x20903c01]);
    assert.match(r.ump.tolerated.join('\n'), /sequence number 40000, not 0: taken as its start/);
  });
});
