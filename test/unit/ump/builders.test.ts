// Every builder: the exact words (by hand from the spec layouts), the decode of those words, and
// a RangeError that names the argument when a value does not fit its field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ump from '../../../src/ump';
import { fieldValue } from './expectDecoded';

function words(packet: Uint32Array): number[] {
  return Array.from(packet);
}

function assertRangeError(build: () => unknown, argument: string): void {
  assert.throws(build, (error: unknown) => {
    assert.ok(error instanceof RangeError, `expected a RangeError, got ${String(error)}`);
    assert.match(error.message, new RegExp(`^${argument.replace(/[.[\]]/g, '\\$&')} must be`));
    return true;
  });
}

void describe('MIDI 1.0 channel voice builders', () => {
  void it('buildMidi1ChannelVoiceMessage puts status, channel and bytes in place', () => {
    assert.deepEqual(words(ump.buildMidi1ChannelVoiceMessage(0, 0x9, 0, 60, 100)), [0x20903c64]);
    assert.deepEqual(words(ump.buildMidi1ChannelVoiceMessage(5, 0x9, 3, 120, 100)), [0x25937864]);
    assert.equal(ump.decodeUmp(ump.buildMidi1ChannelVoiceMessage(15, 0xe, 15, 0, 64)).name, 'Pitch Bend');
  });

  void it('convenience builders', () => {
    assert.deepEqual(words(ump.midi1NoteOn(0, 0, 60, 100)), [0x20903c64]);
    assert.deepEqual(words(ump.midi1NoteOff(1, 2, 60)), [0x21823c00]);
    assert.deepEqual(words(ump.midi1PolyPressure(0, 0, 60, 127)), [0x20a03c7f]);
    assert.deepEqual(words(ump.midi1ControlChange(0, 0, 7, 64)), [0x20b00740]);
    assert.deepEqual(words(ump.midi1ProgramChange(0, 7, 5)), [0x20c70500]);
    assert.deepEqual(words(ump.midi1ChannelPressure(0, 3, 42)), [0x20d32a00]);
    assert.deepEqual(words(ump.midi1PitchBend(0, 0, 8192)), [0x20e00040]);
    assert.deepEqual(words(ump.midi1PitchBend(0, 0, 16383)), [0x20e07f7f]);
  });

  void it('rejects values outside their fields', () => {
    assertRangeError(() => ump.buildMidi1ChannelVoiceMessage(16, 0x9, 0, 60, 100), 'group');
    assertRangeError(() => ump.buildMidi1ChannelVoiceMessage(0, 0x7, 0, 60, 100), 'status');
    assertRangeError(() => ump.buildMidi1ChannelVoiceMessage(0, 0x9, -1, 60, 100), 'channel');
    assertRangeError(() => ump.buildMidi1ChannelVoiceMessage(0, 0x9, 0, 128, 100), 'byte1');
    assertRangeError(() => ump.buildMidi1ChannelVoiceMessage(0, 0x9, 0, 60, 1.5), 'byte2');
    assertRangeError(() => ump.midi1NoteOn(0, 0, 60, 128), 'velocity');
    assertRangeError(() => ump.midi1PitchBend(0, 0, 16384), 'value');
  });

  void it('names the range in the message', () => {
    assert.throws(() => ump.midi1NoteOn(0, 0, 200, 1), {
      message: 'note must be an integer from 0 to 127; got 200',
    });
  });
});

void describe('MIDI 2.0 channel voice builders', () => {
  void it('buildMidi2ChannelVoiceMessage puts opcode, index and data in place', () => {
    assert.deepEqual(
      words(ump.buildMidi2ChannelVoiceMessage(0, 0x9, 1, 0x3c03, 0xc0007a80)),
      [0x40913c03, 0xc0007a80],
    );
  });

  void it('notes with velocity and attributes', () => {
    assert.deepEqual(words(ump.midi2NoteOn(0, 0, 60, 0xffff)), [0x40903c00, 0xffff0000]);
    assert.deepEqual(words(ump.midi2NoteOn(0, 1, 60, 0xc000, 3, 0x7a80)), [0x40913c03, 0xc0007a80]);
    assert.deepEqual(words(ump.midi2NoteOff(2, 3, 64)), [0x42834000, 0]);
  });

  void it('controllers, pressure, bends and programs', () => {
    assert.deepEqual(words(ump.midi2PolyPressure(0, 0, 60, 0x80000000)), [0x40a03c00, 0x80000000]);
    assert.deepEqual(words(ump.midi2ControlChange(0, 0, 64, 0xffffffff)), [0x40b04000, 0xffffffff]);
    assert.deepEqual(words(ump.midi2ProgramChange(0, 0, 5)), [0x40c00000, 0x05000000]);
    assert.deepEqual(words(ump.midi2ProgramChange(0, 0, 5, { msb: 2, lsb: 3 })), [0x40c00001, 0x05000203]);
    assert.deepEqual(words(ump.midi2ChannelPressure(0, 0, 0x40000000)), [0x40d00000, 0x40000000]);
    assert.deepEqual(words(ump.midi2PitchBend(0, 0, 0x80000000)), [0x40e00000, 0x80000000]);
    assert.deepEqual(words(ump.midi2PerNotePitchBend(0, 0, 60, 0x80000000)), [0x40603c00, 0x80000000]);
    assert.deepEqual(words(ump.midi2RegisteredController(0, 0, 0, 0, 0x04000000)), [0x40200000, 0x04000000]);
    assert.deepEqual(words(ump.midi2AssignableController(3, 2, 1, 2, 0xffffffff)), [0x43320102, 0xffffffff]);
    assert.deepEqual(words(ump.midi2RelativeRegisteredController(4, 0, 0, 1, -1)), [0x44400001, 0xffffffff]);
    assert.deepEqual(words(ump.midi2RelativeAssignableController(0, 0, 2, 3, 16)), [0x40500203, 0x10]);
    assert.deepEqual(
      words(ump.midi2RegisteredPerNoteController(0, 0, 60, 3, 0x7a000000)),
      [0x40003c03, 0x7a000000],
    );
    assert.deepEqual(
      words(ump.midi2AssignablePerNoteController(1, 5, 60, 16, 0x12345678)),
      [0x41153c10, 0x12345678],
    );
    assert.deepEqual(
      words(ump.midi2PerNoteManagement(0, 0, 60, { detach: true, reset: true })),
      [0x40f03c03, 0],
    );
    assert.deepEqual(words(ump.midi2PerNoteManagement(0, 0, 60, { reset: true })), [0x40f03c01, 0]);
  });

  void it('rejects values outside their fields', () => {
    assertRangeError(() => ump.buildMidi2ChannelVoiceMessage(0, 0x9, 0, 0x10000, 0), 'index');
    assertRangeError(() => ump.buildMidi2ChannelVoiceMessage(0, 0x9, 0, 0, 2 ** 32), 'data');
    assertRangeError(() => ump.buildMidi2ChannelVoiceMessage(0, 0x10, 0, 0, 0), 'status');
    assert.throws(() => ump.buildMidi2ChannelVoiceMessage(0, 0x7, 0, 0, 0), /status 0x7 is reserved/);
    assertRangeError(() => ump.midi2NoteOn(0, 0, 60, 0x10000), 'velocity16');
    assertRangeError(() => ump.midi2NoteOn(0, 0, 60, 1, 256), 'attributeType');
    assertRangeError(() => ump.midi2ProgramChange(0, 0, 5, { msb: 128, lsb: 0 }), 'bank.msb');
    assertRangeError(() => ump.midi2RegisteredController(0, 0, 128, 0, 0), 'bank');
    assertRangeError(() => ump.midi2RelativeAssignableController(0, 0, 0, 0, 2 ** 31), 'delta');
    assertRangeError(() => ump.midi2ControlChange(0, 0, 128, 0), 'controller');
  });
});

void describe('system, utility and data builders', () => {
  void it('system messages', () => {
    assert.deepEqual(words(ump.buildSystemMessage(0, 0xf8)), [0x10f80000]);
    assert.deepEqual(words(ump.buildSystemMessage(2, 0xf1, 0x23)), [0x12f12300]);
    assert.deepEqual(words(ump.buildSongPositionPointer(0, 16383)), [0x10f27f7f]);
    assert.deepEqual(words(ump.buildSystemRealTime(1, 0xfa)), [0x11fa0000]);
    assert.throws(
      () => ump.buildSystemMessage(0, 0xf4),
      /status must be a system common or real time status/,
    );
    assertRangeError(() => ump.buildSystemMessage(0, 0xf8, 1), 'data1');
    assertRangeError(() => ump.buildSystemMessage(0, 0xf3, 5, 1), 'data2');
  });

  void it('utility messages', () => {
    assert.deepEqual(words(ump.buildNoop()), [0]);
    assert.deepEqual(words(ump.buildJrClock(100)), [0x00100064]);
    assert.deepEqual(words(ump.buildJrTimestamp(0xffff)), [0x0020ffff]);
    assert.deepEqual(words(ump.buildDeltaClockstampTicksPerQuarterNote(96)), [0x00300060]);
    assert.deepEqual(words(ump.buildDeltaClockstamp(0xfffff)), [0x004fffff]);
    assertRangeError(() => ump.buildJrTimestamp(0x10000), 'ticks');
    assertRangeError(() => ump.buildDeltaClockstamp(0x100000), 'ticks');
  });

  void it('SysEx7: complete, or start/continue/end with 6 bytes a packet', () => {
    assert.deepEqual(ump.buildSysEx7Packets(1, [0x7e, 0x7f, 0x06]).map(words), [[0x31037e7f, 0x06000000]]);
    assert.deepEqual(ump.buildSysEx7Packets(0, []).map(words), [[0x30000000, 0]]);
    assert.deepEqual(ump.buildSysEx7Packets(0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]).map(words), [
      [0x30160102, 0x03040506],
      [0x30260708, 0x090a0b0c],
      [0x30310d00, 0],
    ]);
    assert.deepEqual(ump.buildSysEx7Packets(0, [1, 2, 3, 4, 5, 6, 7]).map(words), [
      [0x30160102, 0x03040506],
      [0x30310700, 0],
    ]);
    assert.throws(() => ump.buildSysEx7Packets(0, [0xf0, 1]), {
      message: 'bytes[0] must be an integer from 0 to 127; got 240',
    });
  });

  void it('SysEx8: 13 bytes a packet after the stream id', () => {
    assert.deepEqual(ump.buildSysEx8Packets(0, 10, [1, 2, 3, 4]).map(words), [
      [0x50050a01, 0x02030400, 0, 0],
    ]);
    const bytes = Array.from({ length: 14 }, (_, i) => 0x11 * ((i % 15) + 1));
    assert.deepEqual(ump.buildSysEx8Packets(0, 0, bytes).map(words), [
      [0x501e0011, 0x22334455, 0x66778899, 0xaabbccdd],
      [0x503200ee, 0, 0, 0],
    ]);
    assertRangeError(() => ump.buildSysEx8Packets(0, 256, []), 'streamId');
    assertRangeError(() => ump.buildSysEx8Packets(0, 0, [256]), 'bytes[0]');
  });
});

void describe('UMP Stream builders', () => {
  void it('discovery and configuration messages a host sends', () => {
    assert.deepEqual(words(ump.buildEndpointDiscovery(1, 1, 0x1f)), [0xf0000101, 0x1f, 0, 0]);
    assert.deepEqual(words(ump.buildFunctionBlockDiscovery(0xff, 0x03)), [0xf010ff03, 0, 0, 0]);
    assert.deepEqual(words(ump.buildStreamConfigurationRequest(2, true, true)), [0xf0050203, 0, 0, 0]);
    assert.deepEqual(words(ump.buildStreamConfigurationNotification(1, false, false)), [0xf0060100, 0, 0, 0]);
    assert.deepEqual(words(ump.buildStartOfClip()), [0xf0200000, 0, 0, 0]);
    assert.deepEqual(words(ump.buildEndOfClip()), [0xf0210000, 0, 0, 0]);
  });

  void it('notifications an endpoint answers with', () => {
    const info = ump.buildEndpointInfoNotification({
      umpVersionMajor: 1,
      umpVersionMinor: 1,
      staticFunctionBlocks: true,
      functionBlockCount: 3,
      supportsMidi2Protocol: true,
      supportsMidi1Protocol: true,
      receivesJrTimestamps: true,
      transmitsJrTimestamps: true,
    });
    assert.deepEqual(words(info), [0xf0010101, 0x83000303, 0, 0]);
    const identity = ump.buildDeviceIdentityNotification({
      manufacturer: [0x41, 0, 0],
      family: 0x0123,
      model: 0x0456,
      softwareRevision: [1, 2, 3, 4],
    });
    assert.deepEqual(words(identity), [0xf0020000, 0x00410000, 0x23025608, 0x01020304]);
    const block = ump.buildFunctionBlockInfoNotification({
      active: true,
      functionBlock: 1,
      uiHint: 3,
      midi1: 0,
      direction: 3,
      firstGroup: 0,
      groupCount: 2,
      midiCiVersion: 1,
      maxSysEx8Streams: 0,
    });
    assert.deepEqual(words(block), [0xf0118133, 0x00020100, 0, 0]);
  });

  void it('names spread over packets with the form bits', () => {
    assert.deepEqual(ump.buildEndpointNamePackets('Scope').map(words), [[0xf0035363, 0x6f706500, 0, 0]]);
    assert.deepEqual(ump.buildEndpointNamePackets('MIDI Scope Loopback').map(words), [
      [0xf4034d49, 0x44492053, 0x636f7065, 0x204c6f6f],
      [0xfc037062, 0x61636b00, 0, 0],
    ]);
    assert.deepEqual(ump.buildProductInstanceIdPackets('123').map(words), [[0xf0043132, 0x33000000, 0, 0]]);
    assert.deepEqual(ump.buildFunctionBlockNamePackets(2, 'Synth').map(words), [
      [0xf0120253, 0x796e7468, 0, 0],
    ]);
  });

  void it('rejects names that do not fit and out-of-range fields', () => {
    assert.equal(ump.buildEndpointNamePackets('x'.repeat(98)).length, 7);
    assert.throws(
      () => ump.buildEndpointNamePackets('x'.repeat(99)),
      /name must be at most 98 bytes of UTF-8; got 99/,
    );
    assert.throws(() => ump.buildFunctionBlockNamePackets(0, 'x'.repeat(92)), /at most 91 bytes/);
    assert.throws(() => ump.buildProductInstanceIdPackets('é'), /printable ASCII/);
    assertRangeError(
      () =>
        ump.buildFunctionBlockInfoNotification({
          active: true,
          functionBlock: 0,
          uiHint: 0,
          midi1: 0,
          direction: 1,
          firstGroup: 15,
          groupCount: 2,
          midiCiVersion: 0,
          maxSysEx8Streams: 0,
        }),
      'groupCount',
    );
    assertRangeError(() => ump.buildEndpointDiscovery(256, 0, 0), 'umpVersionMajor');
  });
});

void describe('Flex Data builders', () => {
  void it('tempo from 10 ns units and from BPM', () => {
    assert.deepEqual(words(ump.buildSetTempo(0, 50_000_000)), [0xd0100000, 0x02faf080, 0, 0]);
    assert.equal(ump.tempoUnitsFromBpm(120), 50_000_000);
    assert.equal(
      fieldValue(ump.decodeUmp(ump.buildSetTempo(0, ump.tempoUnitsFromBpm(93.5))), 'Tempo'),
      6e9 / 64171123,
    );
    assert.throws(() => ump.tempoUnitsFromBpm(0), /bpm must be a positive number/);
    assertRangeError(() => ump.buildSetTempo(0, 0), 'tenNsPerQuarter');
  });

  void it('time signature, metronome, key signature and chord name', () => {
    assert.deepEqual(words(ump.buildSetTimeSignature(0, 6, 3)), [0xd0100001, 0x06030800, 0, 0]);
    assert.deepEqual(
      words(
        ump.buildSetMetronome(3, {
          clocksPerPrimaryClick: 24,
          barAccentPart1: 2,
          barAccentPart2: 3,
          barAccentPart3: 4,
          subdivisionClicks1: 2,
          subdivisionClicks2: 1,
        }),
      ),
      [0xd3100002, 0x18020304, 0x02010000, 0],
    );
    assert.deepEqual(words(ump.buildSetKeySignature(0, 2, 4)), [0xd0100005, 0x24000000, 0, 0]);
    assert.deepEqual(words(ump.buildSetKeySignature(0, -5, 4, 3)), [0xd0030005, 0xb4000000, 0, 0]);
    assert.deepEqual(
      words(
        ump.buildSetChordName(0, {
          tonicSharpsFlats: 1,
          tonic: 3,
          chordType: 0x09,
          alterations: [0x35],
          bassNote: 5,
        }),
      ),
      [0xd0100006, 0x13093500, 0, 0x05000000],
    );
    assertRangeError(() => ump.buildSetKeySignature(0, 8, 1), 'sharpsFlats');
    assertRangeError(
      () => ump.buildSetChordName(0, { tonicSharpsFlats: 0, tonic: 1, chordType: 0x1c }),
      'chordType',
    );
  });

  void it('text over as many packets as it needs', () => {
    assert.deepEqual(ump.buildFlexTextPackets(0, 0x01, 0x01, 'MIDI').map(words), [
      [0xd0100101, 0x4d494449, 0, 0],
    ]);
    assert.deepEqual(ump.buildFlexTextPackets(0, 0x02, 0x01, 'Hello, world!', 0).map(words), [
      [0xd0400201, 0x48656c6c, 0x6f2c2077, 0x6f726c64],
      [0xd0c00201, 0x21000000, 0, 0],
    ]);
    assertRangeError(() => ump.buildFlexTextPackets(0, 0x00, 0x01, 'x'), 'statusBank');
  });
});

void describe('every builder decodes to the message it built', () => {
  const cases: Array<[string, Uint32Array, string]> = [
    ['midi1NoteOn', ump.midi1NoteOn(3, 4, 60, 100), 'Note On'],
    ['midi1ControlChange', ump.midi1ControlChange(0, 0, 64, 127), 'Control Change'],
    ['midi2NoteOn', ump.midi2NoteOn(1, 2, 60, 0x8000), 'Note On'],
    ['midi2NoteOff', ump.midi2NoteOff(1, 2, 60), 'Note Off'],
    ['midi2PolyPressure', ump.midi2PolyPressure(0, 0, 1, 2), 'Poly Pressure'],
    ['midi2ControlChange', ump.midi2ControlChange(0, 0, 1, 2), 'Control Change'],
    ['midi2ProgramChange', ump.midi2ProgramChange(0, 0, 1, { msb: 1, lsb: 2 }), 'Program Change'],
    ['midi2ChannelPressure', ump.midi2ChannelPressure(0, 0, 1), 'Channel Pressure'],
    ['midi2PitchBend', ump.midi2PitchBend(0, 0, 1), 'Pitch Bend'],
    ['midi2PerNotePitchBend', ump.midi2PerNotePitchBend(0, 0, 1, 2), 'Per-Note Pitch Bend'],
    ['midi2RegisteredController', ump.midi2RegisteredController(0, 0, 1, 2, 3), 'Registered Controller'],
    ['midi2AssignableController', ump.midi2AssignableController(0, 0, 1, 2, 3), 'Assignable Controller'],
    [
      'midi2RelativeRegisteredController',
      ump.midi2RelativeRegisteredController(0, 0, 1, 2, -3),
      'Relative Registered Controller',
    ],
    [
      'midi2RelativeAssignableController',
      ump.midi2RelativeAssignableController(0, 0, 1, 2, 3),
      'Relative Assignable Controller',
    ],
    [
      'midi2RegisteredPerNoteController',
      ump.midi2RegisteredPerNoteController(0, 0, 1, 2, 3),
      'Registered Per-Note Controller',
    ],
    [
      'midi2AssignablePerNoteController',
      ump.midi2AssignablePerNoteController(0, 0, 1, 2, 3),
      'Assignable Per-Note Controller',
    ],
    ['midi2PerNoteManagement', ump.midi2PerNoteManagement(0, 0, 1, { detach: true }), 'Per-Note Management'],
    ['buildSystemMessage', ump.buildSystemMessage(0, 0xfc), 'Stop'],
    ['buildSongPositionPointer', ump.buildSongPositionPointer(0, 5), 'Song Position Pointer'],
    ['buildNoop', ump.buildNoop(), 'NOOP'],
    ['buildJrClock', ump.buildJrClock(1), 'JR Clock'],
    ['buildJrTimestamp', ump.buildJrTimestamp(1), 'JR Timestamp'],
    [
      'buildDeltaClockstampTicksPerQuarterNote',
      ump.buildDeltaClockstampTicksPerQuarterNote(480),
      'Delta Clockstamp Ticks Per Quarter Note',
    ],
    ['buildDeltaClockstamp', ump.buildDeltaClockstamp(10), 'Delta Clockstamp'],
    ['buildEndpointDiscovery', ump.buildEndpointDiscovery(1, 1, 0x1f), 'Endpoint Discovery'],
    ['buildFunctionBlockDiscovery', ump.buildFunctionBlockDiscovery(0, 1), 'Function Block Discovery'],
    [
      'buildStreamConfigurationRequest',
      ump.buildStreamConfigurationRequest(2, false, true),
      'Stream Configuration Request',
    ],
    ['buildSetTempo', ump.buildSetTempo(0, 1), 'Set Tempo'],
    ['buildSetTimeSignature', ump.buildSetTimeSignature(0, 4, 2), 'Set Time Signature'],
    ['buildSetMetronome', ump.buildSetMetronome(0, { clocksPerPrimaryClick: 24 }), 'Set Metronome'],
    ['buildSetKeySignature', ump.buildSetKeySignature(0, -8, 0), 'Set Key Signature'],
    [
      'buildSetChordName',
      ump.buildSetChordName(0, { tonicSharpsFlats: -2, tonic: 7, chordType: 0x1b }),
      'Set Chord Name',
    ],
  ];
  for (const [builder, packet, name] of cases) {
    void it(`${builder} → ${name}`, () => {
      const decoded = ump.decodeUmp(packet);
      assert.equal(decoded.name, name);
      assert.equal(decoded.wordCount, packet.length);
      assert.equal(decoded.reserved, undefined);
      assert.equal(decoded.incomplete, undefined);
    });
  }
});
