// The builders' checks and messages that builders.test.ts leaves out: the limits the spec sets
// beyond field widths, text that padding would swallow, and the decode of the remaining builders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ump from '../../../src/ump';
import { fieldValue } from './expectDecoded';

function rangeError(message: string): { name: string; message: string } {
  return { name: 'RangeError', message };
}

void describe('builder checks beyond field widths', () => {
  void it('system messages: data bytes a status does not carry, and real time statuses', () => {
    assert.throws(
      () => ump.buildSystemMessage(0, 0xf8, 1),
      rangeError('data1 must be 0, as status 0xF8 carries no data1; got 1'),
    );
    assert.throws(
      () => ump.buildSystemRealTime(0, 0xf2),
      /^RangeError: status must be a system real time status/,
    );
    assert.throws(() => ump.buildSystemMessage(0, 0xf9), /got 0xF9$/);
    assert.throws(() => ump.buildSongPositionPointer(0, 0x4000), /^RangeError: position must be/);
  });

  void it('MIDI 2.0: the reserved opcode and signed deltas', () => {
    assert.throws(() => ump.buildMidi2ChannelVoiceMessage(0, 0x7, 0, 0, 0), RangeError);
    assert.deepEqual(
      Array.from(ump.midi2RelativeAssignableController(0, 0, 0, 0, -0x80000000)),
      [0x40500000, 0x80000000],
    );
    assert.throws(
      () => ump.midi2RelativeRegisteredController(0, 0, 0, 0, -0x80000001),
      rangeError('delta must be an integer from -2147483648 to 2147483647; got -2147483649'),
    );
  });

  void it('UMP Stream: function block numbers, protocols, identity lengths and text limits', () => {
    assert.throws(
      () => ump.buildFunctionBlockDiscovery(32, 1),
      rangeError('functionBlock must be an integer from 0 to 31, or 255 for all; got 32'),
    );
    assert.throws(() => ump.buildFunctionBlockNamePackets(32, 'x'), /^RangeError: functionBlock must be/);
    assert.throws(
      () => ump.buildStreamConfigurationRequest(3, false, false),
      /^RangeError: protocol must be/,
    );
    assert.throws(
      () =>
        ump.buildDeviceIdentityNotification({
          manufacturer: [0x41],
          family: 0,
          model: 0,
          softwareRevision: [0, 0, 0, 0],
        }),
      rangeError('manufacturer must have exactly 3 entries; got 1'),
    );
    assert.throws(
      () => ump.buildProductInstanceIdPackets('x'.repeat(ump.MAX_PRODUCT_INSTANCE_ID_BYTES + 1)),
      /productInstanceId must be at most 42 bytes of UTF-8; got 43/,
    );
    assert.equal(
      ump.buildFunctionBlockNamePackets(0, 'x'.repeat(ump.MAX_FUNCTION_BLOCK_NAME_BYTES)).length,
      7,
    );
    assert.throws(() => ump.buildEndpointNamePackets('a\0b'), /^RangeError: name must not contain NUL/);
  });

  void it('Flex Data: tempo limits, accidentals, alterations and NUL in text', () => {
    assert.throws(() => ump.tempoUnitsFromBpm(Number.NaN), /bpm must be a positive number; got NaN/);
    assert.throws(
      () => ump.tempoUnitsFromBpm(1),
      /bpm must be a positive number from about 1.397 to 12000000000/,
    );
    assert.equal(ump.tempoUnitsFromBpm(6e9), 1);
    assert.throws(
      () => ump.buildSetChordName(0, { tonicSharpsFlats: 3, tonic: 1, chordType: 1 }),
      rangeError('tonicSharpsFlats must be an integer from -2 to 2; got 3'),
    );
    assert.throws(
      () =>
        ump.buildSetChordName(0, {
          tonicSharpsFlats: 0,
          tonic: 1,
          chordType: 1,
          alterations: [1, 2, 3, 4, 5],
        }),
      rangeError('alterations must have at most 4 entries; got 5'),
    );
    assert.throws(
      () =>
        ump.buildSetChordName(0, { tonicSharpsFlats: 0, tonic: 1, chordType: 1, bassAlterations: [0x50] }),
      /^RangeError: bassAlterations\[0\] must be/,
    );
    assert.throws(() => ump.buildSetKeySignature(0, 0, 8), /^RangeError: tonic must be/);
    assert.throws(() => ump.buildSetTimeSignature(0, 0, 2), /^RangeError: numerator must be/);
    assert.throws(() => ump.buildFlexTextPackets(0, 1, 1, 'a\0'), /^RangeError: text must not contain NUL/);
    assert.throws(() => ump.buildFlexTextPackets(0, 1, 1, 'a', 16), /^RangeError: channel must be/);
  });
});

void describe('the remaining builders decode to what they built', () => {
  void it('UMP Stream notifications and clips', () => {
    const config = ump.decodeUmp(ump.buildStreamConfigurationNotification(1, true, false));
    assert.equal(config.name, 'Stream Configuration Notification');
    assert.deepEqual(
      [fieldValue(config, 'Protocol'), fieldValue(config, 'Receive JR Timestamps')],
      [1, true],
    );
    assert.equal(ump.decodeUmp(ump.buildStartOfClip()).name, 'Start of Clip');
    assert.equal(ump.decodeUmp(ump.buildEndOfClip()).name, 'End of Clip');
    const identity = ump.decodeUmp(
      ump.buildDeviceIdentityNotification({
        manufacturer: [0, 0x21, 0x09],
        family: 0x3fff,
        model: 0x0080,
        softwareRevision: [0, 1, 0x7f, 2],
      }),
    );
    assert.deepEqual(
      [
        fieldValue(identity, 'Manufacturer'),
        fieldValue(identity, 'Device Family'),
        fieldValue(identity, 'Device Family Model Number'),
        fieldValue(identity, 'Software Revision Level'),
      ],
      ['0x00 0x21 0x09', 0x3fff, 0x0080, '0x00 0x01 0x7F 0x02'],
    );
  });

  void it('MIDI 1.0 and system helpers', () => {
    const names = [
      ump.midi1NoteOff(0, 0, 60),
      ump.midi1PolyPressure(0, 0, 60, 1),
      ump.midi1ProgramChange(0, 0, 1),
      ump.midi1ChannelPressure(0, 0, 1),
      ump.midi1PitchBend(0, 0, 0),
      ump.buildSystemRealTime(0, 0xfe),
      ump.buildSystemMessage(0, 0xf6),
    ].map((packet) => ump.decodeUmp(packet).name);
    assert.deepEqual(names, [
      'Note Off',
      'Poly Pressure',
      'Program Change',
      'Channel Pressure',
      'Pitch Bend',
      'Active Sensing',
      'Tune Request',
    ]);
  });

  void it('Flex Data key and chord to one channel, with a bass note', () => {
    const chord = ump.decodeUmp(
      ump.buildSetChordName(
        1,
        {
          tonicSharpsFlats: -1,
          tonic: 2,
          chordType: 0x07,
          alterations: [0x17, 0x29, 0x35, 0x43],
          bassSharpsFlats: 2,
          bassNote: 6,
          bassChordType: 0x01,
          bassAlterations: [0x12, 0x34],
        },
        9,
      ),
    );
    assert.deepEqual(
      [chord.group, chord.channel, chord.summary, fieldValue(chord, 'Chord Alteration 4')],
      [1, 9, 'B♭ Minor / F𝄪', 0x43],
    );
    assert.equal(fieldValue(chord, 'Bass Alteration 2'), 0x34);
    assert.equal(ump.decodeUmp(ump.buildFlexTextPackets(2, 2, 1, 'la', 4)[0]).name, 'Lyrics');
  });
});
