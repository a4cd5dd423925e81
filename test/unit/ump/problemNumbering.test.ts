// Issue #17: the group and channel numbers in the checker's and the reassemblers' sentences follow
// the numbering they are shown under, as the monitor's rows do: a message on group nibble 2 is
// "group 3" (oneBased, the default) or "group 2" (zeroBased). Each case uses numbers above 0 so
// that a sentence written with the raw value fails the oneBased reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MixedDataSetReassembler,
  SysEx7Reassembler,
  SysEx8Reassembler,
  UmpStreamChecker,
  UmpTextReassembler,
  buildSysEx7Packets,
  buildSysEx8Packets,
  checkUmp,
  groupOrChannel,
  numbered,
  showNumbered,
  type GroupChannelNumbering,
  type NumberedText,
  type UmpProblemCode,
} from '../../../src/ump';
import { sysEx7, sysEx8 } from './check/streamVectors';

const both: readonly GroupChannelNumbering[] = ['oneBased', 'zeroBased'];

/** The sentence of the one `code` problem the last message has in a stream of `messages`. */
function streamText(messages: number[][], code: UmpProblemCode): NumberedText {
  const checker = new UmpStreamChecker();
  const last = messages.map((words) => checker.check(words)).at(-1) ?? [];
  const found = last.filter((problem) => problem.code === code);
  assert.equal(found.length, 1, `one ${code}: ${JSON.stringify(last)}`);
  return found[0].text;
}

const mdsHeader = (group: number, id: number, bytes: number): number[] => [
  (0x50800000 | (group << 24) | (id << 16) | bytes) >>> 0,
  0x00010001,
  0,
  0,
];
const mdsPayload = (group: number, id: number): number[] => [
  (0x50900000 | (group << 24) | (id << 16)) >>> 0,
  0,
  0,
  0,
];

interface Case {
  what: string;
  text: () => NumberedText;
  oneBased: string | RegExp;
  zeroBased: string | RegExp;
}

const cases: Case[] = [
  {
    what: 'SysEx7 Start twice (stream checker)',
    text: () => streamText([sysEx7(1, 2), sysEx7(1, 2)], 'sysExStartedTwice'),
    oneBased: /^SysEx7 Start on group 3 while a SysEx7 message is still open/,
    zeroBased: /^SysEx7 Start on group 2 while a SysEx7 message is still open/,
  },
  {
    what: 'SysEx8 End without Start (stream checker)',
    text: () => streamText([sysEx8(3, 9, 4)], 'sysExWithoutStart'),
    oneBased: 'SysEx8 End on group 5 stream 9 with no SysEx8 Start before it',
    zeroBased: 'SysEx8 End on group 4 stream 9 with no SysEx8 Start before it',
  },
  {
    what: 'SysEx8 inside an open SysEx7 (stream checker)',
    text: () => streamText([sysEx7(1, 15), sysEx8(0, 0, 15)], 'sysExInterleaved'),
    oneBased: 'SysEx8 Complete on group 16 while a SysEx7 message is open there',
    zeroBased: 'SysEx8 Complete on group 15 while a SysEx7 message is open there',
  },
  {
    what: 'Mixed Data Set payload without a header (stream checker)',
    text: () => streamText([mdsPayload(1, 7)], 'mdsPayloadWithoutHeader'),
    oneBased: /^Mixed Data Set payload on group 2 MDS id 7 with no open chunk/,
    zeroBased: /^Mixed Data Set payload on group 1 MDS id 7 with no open chunk/,
  },
  {
    what: 'Mixed Data Set payloads disagree with the header (stream checker)',
    text: () =>
      streamText([mdsHeader(6, 1, 40), mdsPayload(6, 1), mdsHeader(6, 1, 0)], 'mdsPayloadCountMismatch'),
    oneBased: /^the previous chunk on group 7 MDS id 1 announced 40 valid bytes/,
    zeroBased: /^the previous chunk on group 6 MDS id 1 announced 40 valid bytes/,
  },
  {
    what: 'Mixed Data Set count read as including the header (stream checker)',
    text: () =>
      streamText([mdsHeader(2, 3, 22), mdsPayload(2, 3), mdsHeader(2, 3, 0)], 'mdsCountIncludesHeader'),
    oneBased: /^the previous chunk on group 3 MDS id 3 had 1 payload/,
    zeroBased: /^the previous chunk on group 2 MDS id 3 had 1 payload/,
  },
  {
    what: 'Function Block Info: First Group out of range (checkUmp)',
    // First Group 17, 1 group: the First Group and the span are both out of range.
    text: () => checkUmp([0xf0110101, 0x11010000, 0, 0]).filter((p) => p.word === 1)[0].text,
    oneBased: 'First Group is 18; groups are 1–16',
    zeroBased: 'First Group is 17; groups are 0–15',
  },
  {
    what: 'Function Block Info: span past the last group (checkUmp)',
    text: () => checkUmp([0xf0110101, 0x0e040000, 0, 0])[0].text,
    oneBased: 'Number of Groups Spanned is 4 from group 15; a block spans 1 to 2 groups',
    zeroBased: 'Number of Groups Spanned is 4 from group 14; a block spans 1 to 2 groups',
  },
  {
    what: 'SysEx7 reassembler: Continue without Start',
    text: () => {
      const [, middle] = buildSysEx7Packets(3, new Uint8Array(20));
      const [problem] = new SysEx7Reassembler().push(middle);
      assert.equal(problem.kind, 'continueWithoutStart');
      return problem.description;
    },
    oneBased: 'SysEx on group 4: a Continue packet came with no message started (6 bytes discarded)',
    zeroBased: 'SysEx on group 3: a Continue packet came with no message started (6 bytes discarded)',
  },
  {
    what: 'SysEx8 reassembler: message never ended',
    text: () => {
      const reassembler = new SysEx8Reassembler();
      reassembler.push(buildSysEx8Packets(9, 2, new Uint8Array(30))[0]);
      return reassembler.flush()[0].description;
    },
    oneBased: /^SysEx on group 10 stream 2: the message was never ended/,
    zeroBased: /^SysEx on group 9 stream 2: the message was never ended/,
  },
  {
    what: 'Mixed Data Set reassembler: payload without a header',
    text: () => {
      const [problem] = new MixedDataSetReassembler().push(mdsPayload(5, 2));
      assert.equal(problem.kind, 'continueWithoutStart');
      return problem.description;
    },
    oneBased: /^Mixed Data Set on group 6 id 2: a payload came with no chunk header before it/,
    zeroBased: /^Mixed Data Set on group 5 id 2: a payload came with no chunk header before it/,
  },
  {
    what: 'text reassembler: Flex Data lyrics on a channel, Continue without Start',
    // Group 1, channel 9, form Continue, bank 2 (performance text), status 1 (lyrics).
    text: () => {
      const [problem] = new UmpTextReassembler().push([0xd1890201, 0x41424344, 0, 0]);
      assert.equal(problem.kind, 'continueWithoutStart');
      return problem.description;
    },
    oneBased: 'Lyrics group 2 channel 10: a Continue packet came with no text started (4 bytes discarded)',
    zeroBased: 'Lyrics group 1 channel 9: a Continue packet came with no text started (4 bytes discarded)',
  },
];

void describe('problem sentences under the group and channel numbering (#17)', () => {
  for (const c of cases) {
    for (const numbering of both) {
      void it(`${c.what}, ${numbering}`, () => {
        const shown = showNumbered(c.text(), numbering);
        const expected = c[numbering];
        if (typeof expected === 'string') assert.equal(shown, expected);
        else assert.match(shown, expected);
      });
    }
  }

  void it('a sentence is plain data: it survives JSON (postMessage) and reads the same after', () => {
    const text = streamText([sysEx8(3, 9, 4)], 'sysExWithoutStart');
    const copy = JSON.parse(JSON.stringify(text)) as NumberedText;
    for (const numbering of both) assert.equal(showNumbered(copy, numbering), showNumbered(text, numbering));
  });

  void it('numbered`` keeps marks, flattens nested sentences and joins the text between them', () => {
    const inner = numbered`group ${groupOrChannel(0)} stream ${7}`;
    const text = numbered`on ${inner}, channel ${groupOrChannel(15)}.`;
    assert.deepEqual(text, [
      'on group ',
      { groupOrChannel: 0 },
      ' stream 7, channel ',
      { groupOrChannel: 15 },
      '.',
    ]);
    assert.equal(showNumbered(text, 'oneBased'), 'on group 1 stream 7, channel 16.');
    assert.equal(showNumbered(text, 'zeroBased'), 'on group 0 stream 7, channel 15.');
  });
});
