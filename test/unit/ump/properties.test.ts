// Property tests (fast-check): builders round-trip through the decoder, words survive hex and
// back, and no input makes the parser, the decoder or the reassemblers throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as ump from '../../../src/ump';
import { fieldValue } from './expectDecoded';

const group = fc.integer({ min: 0, max: 15 });
const channel = fc.integer({ min: 0, max: 15 });
const seven = fc.integer({ min: 0, max: 127 });
const uint16 = fc.integer({ min: 0, max: 0xffff });
const uint32 = fc.integer({ min: 0, max: 0xffffffff });

/** One well-formed message: a first word of any type followed by the words its type needs. */
const message = fc
  .tuple(
    fc.integer({ min: 0, max: 15 }),
    fc.integer({ min: 0, max: 0x0fffffff }),
    fc.array(uint32, { minLength: 3, maxLength: 3 }),
  )
  .map(([type, rest, more]) => [((type << 28) | rest) >>> 0, ...more].slice(0, ump.UMP_WORD_COUNTS[type]));

/** The 1-based line and column of a character offset, counting \n, \r\n and \r as line ends. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    const char = text[at];
    if (char === '\r' && text[at + 1] === '\n') continue;
    if (char === '\n' || char === '\r') {
      line++;
      lineStart = at + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Text made of pieces the parser has rules for, to reach its deeper paths more often than random text. */
const hexLikeText = fc
  .array(
    fc.constantFrom(
      '0x20903C64',
      '0x40903C00',
      'FFFF0000',
      '0x2090_3C64',
      '20',
      '90',
      '3C64',
      '0x0',
      'u',
      'UL',
      ',',
      ';',
      ' ; ',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '[',
      ']',
      '{',
      '}',
      '//c',
      '#x',
      '/*',
      '*/',
      '+10ms',
      '@1.5s',
      '+ms',
      'zz',
      'é',
      '𝄞',
      '0x50050A01',
    ),
    { maxLength: 30 },
  )
  .map((pieces) => pieces.join(''));

void describe('properties: build → decode', () => {
  void it('MIDI 1.0 channel voice fields come back', () => {
    fc.assert(
      fc.property(
        group,
        fc.integer({ min: 0x8, max: 0xe }),
        channel,
        seven,
        seven,
        (g, status, c, b1, b2) => {
          const decoded = ump.decodeUmp(ump.buildMidi1ChannelVoiceMessage(g, status, c, b1, b2));
          assert.equal(decoded.messageType, 0x2);
          assert.equal(decoded.status, status);
          assert.equal(decoded.group, g);
          assert.equal(decoded.channel, c);
          assert.equal(decoded.reserved, undefined);
        },
      ),
    );
  });

  void it('MIDI 2.0 note on fields come back', () => {
    fc.assert(
      fc.property(
        group,
        channel,
        seven,
        uint16,
        fc.integer({ min: 0, max: 255 }),
        uint16,
        (g, c, note, velocity, type, data) => {
          const decoded = ump.decodeUmp(ump.midi2NoteOn(g, c, note, velocity, type, data));
          assert.equal(decoded.name, 'Note On');
          assert.deepEqual(
            [
              decoded.group,
              decoded.channel,
              fieldValue(decoded, 'Note Number'),
              fieldValue(decoded, 'Velocity'),
            ],
            [g, c, note, velocity],
          );
          assert.deepEqual(
            [fieldValue(decoded, 'Attribute Type'), fieldValue(decoded, 'Attribute Data')],
            [type, data],
          );
        },
      ),
    );
  });

  void it('MIDI 2.0 controllers keep bank, index and (signed) data', () => {
    fc.assert(
      fc.property(
        group,
        channel,
        seven,
        seven,
        uint32,
        fc.integer({ min: -0x80000000, max: 0x7fffffff }),
        (g, c, bank, index, data, delta) => {
          const absolute = ump.decodeUmp(ump.midi2AssignableController(g, c, bank, index, data));
          assert.deepEqual(
            [fieldValue(absolute, 'Bank'), fieldValue(absolute, 'Index'), fieldValue(absolute, 'Data')],
            [bank, index, data],
          );
          const relative = ump.decodeUmp(ump.midi2RelativeRegisteredController(g, c, bank, index, delta));
          assert.equal(fieldValue(relative, 'Data'), delta);
        },
      ),
    );
  });

  void it('program change keeps program and bank', () => {
    fc.assert(
      fc.property(
        group,
        channel,
        seven,
        fc.option(fc.record({ msb: seven, lsb: seven })),
        (g, c, program, bank) => {
          const decoded = ump.decodeUmp(ump.midi2ProgramChange(g, c, program, bank ?? undefined));
          assert.equal(fieldValue(decoded, 'Program'), program);
          assert.equal(fieldValue(decoded, 'Bank Valid'), bank !== null);
          if (bank !== null)
            assert.deepEqual(
              [fieldValue(decoded, 'Bank MSB'), fieldValue(decoded, 'Bank LSB')],
              [bank.msb, bank.lsb],
            );
        },
      ),
    );
  });

  void it('SysEx7 and SysEx8 packets decode and reassemble to the bytes they were built from', () => {
    fc.assert(
      fc.property(group, fc.array(seven, { maxLength: 60 }), (g, bytes) => {
        const packets = ump.buildSysEx7Packets(g, bytes);
        const decodedBytes = packets.flatMap((p) => {
          const data = fieldValue(ump.decodeUmp(p), 'Data') as string;
          return data === '' ? [] : data.split(' ').map((b) => parseInt(b, 16));
        });
        assert.deepEqual(decodedBytes, bytes);
        const reassembler = new ump.SysEx7Reassembler();
        const events = packets.flatMap((p) => [...reassembler.push(p)]);
        assert.deepEqual(events, [
          { kind: 'message', group: g, bytes: Uint8Array.from(bytes), packetCount: packets.length },
        ]);
      }),
    );
    fc.assert(
      fc.property(
        group,
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ maxLength: 100 }),
        (g, stream, bytes) => {
          const packets = ump.buildSysEx8Packets(g, stream, bytes);
          assert.ok(packets.every((p) => ump.decodeUmp(p).name.startsWith('SysEx8 ')));
          const reassembler = new ump.SysEx8Reassembler();
          const events = packets.flatMap((p) => [...reassembler.push(p)]);
          assert.deepEqual(events, [
            { kind: 'message', group: g, streamId: stream, bytes, packetCount: packets.length },
          ]);
        },
      ),
    );
  });

  void it('names and Flex Data text reassemble to the string they were built from', () => {
    // NUL is padding in these messages, so a text cannot carry it.
    const text = fc.string({ unit: 'grapheme', maxLength: 24 }).filter((s) => !s.includes('\0'));
    fc.assert(
      fc.property(text, fc.option(channel), (name, c) => {
        const reassembler = new ump.UmpTextReassembler();
        if (ump.encodeUtf8(name).length <= ump.MAX_ENDPOINT_NAME_BYTES) {
          const events = ump.buildEndpointNamePackets(name).flatMap((p) => [...reassembler.push(p)]);
          assert.deepEqual(
            events.map((e) => ('text' in e ? e.text : e.kind)),
            [name],
          );
        }
        const lyric = ump
          .buildFlexTextPackets(1, 0x02, 0x01, name, c ?? undefined)
          .flatMap((p) => [...reassembler.push(p)]);
        assert.deepEqual(
          lyric.map((e) => [e.channel, 'text' in e ? e.text : e.kind]),
          [[c ?? undefined, name]],
        );
      }),
    );
  });
});

void describe('properties: words → hex → words', () => {
  void it('formatUmpHex then parseUmpHex gives back the same messages', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 20 }), fc.boolean(), (messages, prefix) => {
        const words = messages.flat();
        const parsed = ump.parseUmpHex(ump.formatUmpHex(words, { prefix }));
        assert.ok(parsed.ok);
        assert.deepEqual(
          parsed.messages.map((m) => Array.from(m.words)),
          messages,
        );
        assert.equal(parsed.wordCount, words.length);
        assert.deepEqual(
          parsed.messages.map((m) => [m.line, m.column]),
          messages.map((_, i) => [i + 1, 1]),
        );
      }),
    );
  });

  void it('any mix of spellings of the same words parses to the same words', () => {
    const spelling = fc.constantFrom('0x%', '%', '0x%u', '%UL', 'bytes', 'halves', 'underscore');
    const separator = fc.constantFrom(' ', ', ', ',\n', '\t', ' ;', '\n// c\n', ' /* c */ ', ' # c\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(message, fc.array(fc.tuple(spelling, separator), { minLength: 4, maxLength: 4 })), {
          maxLength: 8,
        }),
        (entries) => {
          let text = '[';
          for (const [words, styles] of entries) {
            words.forEach((word, i) => {
              const [style, sep] = styles[i];
              const hex = word.toString(16).toUpperCase().padStart(8, '0');
              const spelled =
                style === 'bytes'
                  ? hex.match(/../g)!.join(' ')
                  : style === 'halves'
                    ? `${hex.slice(0, 4)} ${hex.slice(4)}`
                    : style === 'underscore'
                      ? `0x${hex.slice(0, 4)}_${hex.slice(4)}`
                      : style.replace('%', hex);
              text += spelled + sep;
            });
          }
          text += ']';
          const parsed = ump.parseUmpHex(text);
          assert.ok(parsed.ok, parsed.ok ? '' : `${parsed.error.message} in ${JSON.stringify(text)}`);
          assert.deepEqual(
            parsed.messages.map((m) => Array.from(m.words)),
            entries.map(([words]) => words),
          );
        },
      ),
    );
  });
});

void describe('properties: no input crashes anything', () => {
  void it('parseUmpHex returns a result for any text, and an error points into its token', () => {
    for (const texts of [fc.string({ unit: 'binary', maxLength: 80 }), hexLikeText]) {
      fc.assert(
        fc.property(texts, fc.boolean(), (text, allowTimeOffsets) => {
          const result = ump.parseUmpHex(text, { allowTimeOffsets });
          if (result.ok) {
            for (const parsedMessage of result.messages) {
              assert.equal(
                parsedMessage.words.length,
                ump.wordCountForMessageType(parsedMessage.words[0] >>> 28),
              );
            }
            assert.equal(
              result.wordCount,
              result.messages.reduce((sum, m) => sum + m.words.length, 0),
            );
            return;
          }
          const { error } = result;
          assert.ok(error.offset >= 0 && error.length > 0 && error.offset + error.length <= text.length);
          const { tokenOffset, token } = error;
          assert.equal(text.slice(tokenOffset, tokenOffset + token.length), token);
          // The position is inside the token: the bad character itself, or the token's start.
          assert.ok(error.offset >= tokenOffset && error.offset + error.length <= tokenOffset + token.length);
          assert.deepEqual({ line: error.line, column: error.column }, positionOf(text, error.offset));
          assert.ok(error.completeMessages >= 0);
          assert.ok(error.message.length > 0 && error.expected.length > 0);
        }),
        { numRuns: 1000 },
      );
    }
  });

  void it('decodeUmp returns a well-formed result for any words and offset', () => {
    const anyNumber = fc.oneof(uint32, fc.integer(), fc.double(), fc.constant(Number.NaN));
    fc.assert(
      fc.property(
        fc.array(anyNumber, { maxLength: 6 }),
        fc.oneof(fc.nat(8), fc.integer(), fc.double()),
        (words, offset) => {
          const decoded = ump.decodeUmp(words, offset);
          assert.equal(typeof decoded.name, 'string');
          assert.equal(typeof decoded.summary, 'string');
          assert.ok(decoded.fields.every((f) => typeof f.display === 'string' && typeof f.name === 'string'));
          if (decoded.messageType >= 0)
            assert.equal(decoded.wordCount, ump.UMP_WORD_COUNTS[decoded.messageType]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  void it('every complete message of every type decodes without being flagged incomplete', () => {
    fc.assert(
      fc.property(message, (words) => {
        const decoded = ump.decodeUmp(words);
        assert.equal(decoded.incomplete, undefined);
        assert.equal(decoded.wordCount, words.length);
        assert.equal(
          decoded.reserved === true,
          decoded.name.startsWith('Reserved') || decoded.reserved === true,
        );
      }),
      { numRuns: 5000 },
    );
  });

  void it('the reassemblers take any stream of packets without throwing', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 40 }), (messages) => {
        const sysEx7 = new ump.SysEx7Reassembler({ maxBytes: 64 });
        const sysEx8 = new ump.SysEx8Reassembler({ maxBytes: 64 });
        const text = new ump.UmpTextReassembler({ maxBytes: 64 });
        for (const words of messages) {
          for (const event of [...sysEx7.push(words), ...sysEx8.push(words), ...text.push(words)]) {
            assert.equal(typeof event.kind, 'string');
          }
        }
        for (const problem of [...sysEx7.flush(), ...sysEx8.flush(), ...text.flush()])
          assert.equal(problem.kind, 'unterminated');
      }),
    );
  });
});
