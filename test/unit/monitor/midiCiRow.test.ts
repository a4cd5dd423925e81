// The monitor names a MIDI-CI SysEx row by its message from the first packet, and its details
// decode the whole message from the row's packets, malformed ones as problems.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildDiscoveryReply, buildProfileInquiry, midiCiPackets } from '../../../src/midici';
import { buildSysEx7Packets } from '../../../src/ump';
import { midiCiDetails, midiCiRowName } from '../../../webview/monitor/midiCiRow';

const reply = buildDiscoveryReply(
  { sourceMuid: 0x1234567, destinationMuid: 0x0abcdef },
  {
    manufacturer: [0x7d, 0, 0],
    family: 1,
    model: 2,
    softwareRevision: [0, 0, 0, 1],
    categories: 0x08,
    maxSysExSize: 512,
  },
);

void it('names the row from its first packet and decodes the message from all of them', () => {
  const packets = midiCiPackets(2, reply).map((words) => ({ words }));
  assert.equal(midiCiRowName(packets[0].words), 'MIDI-CI Reply to Discovery');
  const details = midiCiDetails(packets, 'oneBased');
  assert.ok(details);
  assert.equal(
    details.summary,
    '0x1234567 → 0x0ABCDEF: manufacturer 7D 00 00, Property Exchange, max SysEx 512',
  );
  assert.deepEqual(details.fields.slice(3, 5), [
    ['Source MUID', '0x1234567'],
    ['Destination MUID', '0x0ABCDEF'],
  ]);
  assert.deepEqual(details.problems, []);
});

void it('leaves other SysEx and other messages alone, and reports a cut MIDI-CI message', () => {
  assert.equal(midiCiRowName(buildSysEx7Packets(0, [0x7e, 0x7f, 0x06, 0x01])[0]), undefined);
  assert.equal(midiCiRowName(Uint32Array.of(0x20903c64)), undefined);
  const cut = midiCiPackets(0, reply.slice(0, 16)).map((words) => ({ words }));
  assert.match(
    midiCiDetails(cut, 'oneBased')?.problems[0] ?? '',
    /Reply to Discovery: 16 bytes end inside a field/,
  );
});

// #17: a Device ID that addresses a channel is numbered as the monitor's rows number channels.
void it("numbers a Device ID's channel under the numbering", () => {
  const inquiry = buildProfileInquiry({ deviceId: 0x09, sourceMuid: 0x1234567, destinationMuid: 0x0abcdef });
  const packets = midiCiPackets(0, inquiry).map((words) => ({ words }));
  for (const [numbering, channel] of [
    ['oneBased', '10'],
    ['zeroBased', '9'],
  ] as const) {
    const deviceId = midiCiDetails(packets, numbering)?.fields.find(([name]) => name === 'Device ID');
    assert.deepEqual(deviceId, ['Device ID', `0x09 (channel ${channel})`]);
  }
});
