// The `.ump` document model: blocks parsed apart, word positions, problems in document order,
// lookups by offset, and where a problem's bits were written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { problemTextRange } from '../../../src/extension/language/problemRanges';
import { buildUmpDocumentModel, messageAt } from '../../../src/extension/language/umpDocumentModel';
import { umpHoverMarkdown } from '../../../src/extension/language/umpHoverText';

const text = [
  '// a note',
  '0x20903C64 // on',
  '+10ms 0x20803C00',
  '',
  '0x20903CFF 0x4090',
  '',
  '0x30017F00 0x00000000',
  '0x30318000 0x00000000',
].join('\n');

void describe('buildUmpDocumentModel', () => {
  const model = buildUmpDocumentModel(text);

  void it('parses each block on its own: an error in one leaves the others', () => {
    assert.deepEqual(
      model.blocks.map((b) => [b.startLine, b.endLine, b.messages.length, b.error?.token, b.timed]),
      [
        [0, 2, 2, undefined, true],
        [4, 4, 0, '0x4090', false],
        [6, 7, 2, undefined, false],
      ],
    );
    const error = model.blocks[1].error;
    assert.equal(error?.line, 5);
    assert.equal(text.slice(error?.offset, (error?.offset ?? 0) + (error?.length ?? 0)), '0x4090');
  });

  void it('knows where every word was written', () => {
    const [first] = model.messages;
    assert.equal(text.slice(first.wordRanges[0].offset, first.wordRanges[0].offset + 10), '0x20903C64');
    assert.equal(first.line, 1);
    assert.equal(messageAt(model, text.indexOf('0x20803C00') + 3), model.messages[1]);
    assert.equal(messageAt(model, text.indexOf('// on')), undefined);
  });

  void it('checks the messages as one stream', () => {
    assert.deepEqual(
      model.messages.map((m) => m.problems.map((p) => p.code)),
      [[], [], [], ['sysEx7ByteHighBit', 'sysExWithoutStart']],
    );
  });

  void it('puts a problem on the digits of its bits', () => {
    const doc = '0x20C00501\n';
    const [message] = buildUmpDocumentModel(doc).messages;
    const range = problemTextRange(message, message.problems[0], doc);
    assert.equal(message.problems[0].code, 'reservedBitsSet');
    assert.equal(doc.slice(range.offset, range.offset + range.length), '01');
  });

  void it('hovers with the name, every field and the problems', () => {
    const markdown = umpHoverMarkdown([0x20903cff]);
    assert.match(markdown, /\*\*Note On\*\*/);
    assert.match(markdown, /\| Velocity \| 127 \|/);
    assert.match(markdown, /dataHighBitSet.*word 0, bits 7–0/);
  });
});

void describe('buildUmpDocumentModel after an edit', () => {
  // Lines that give blocks, parse errors, skipped preprocessor lines, comments across blank lines
  // and stream problems (a SysEx7 end with no start depends on the blocks before it).
  const pieces = [
    '0x20903C64',
    '0x20903CFF // bad velocity',
    '+1ms 0x20803C00',
    '0x30160102 0x03040506',
    '0x30317F00 0x00000000',
    '0x40903C00 0xFFFF0000',
    '0x4090',
    '#define NOTE 0x20903C64',
    '/* a comment',
    'still */ 0x10F80000',
    '',
    '',
    '{0x20903C64, 0x20803C00}',
  ];
  const documentText = fc
    .array(fc.constantFrom(...pieces), { maxLength: 30 })
    .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));
  const edit = fc.record({
    at: fc.nat(),
    removed: fc.nat({ max: 40 }),
    inserted: fc.constantFrom(
      '',
      '\n',
      '\n\n',
      'F',
      '0',
      ' ',
      '/*',
      '*/',
      '0x20903C64\n',
      '//',
      'x',
      ...pieces,
    ),
  });

  void it('is the model a fresh build gives, edit after edit', () => {
    fc.assert(
      fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        let text = start;
        let model = buildUmpDocumentModel(text);
        for (const { at, removed, inserted } of edits) {
          const from = at % (text.length + 1);
          const next = text.slice(0, from) + inserted + text.slice(from + removed);
          model = buildUmpDocumentModel(next, { text, model });
          text = next;
          assert.deepEqual(model, buildUmpDocumentModel(text));
        }
      }),
      { numRuns: 300 },
    );
  });

  void it('parses only the blocks the edit touched', () => {
    const before = ['0x20903C64', '', '0x20903C65', '', '0x30317F00 0x00000000'].join('\n');
    const first = buildUmpDocumentModel(before);
    const after = before.replace('0x20903C65', '0x20903C66 0x20903C67');
    const second = buildUmpDocumentModel(after, { text: before, model: first });
    assert.equal(second.blocks[0], first.blocks[0], 'the block before the edit is the same object');
    assert.notEqual(second.blocks[1], first.blocks[1]);
    // The block after it moved: same words, new offsets, the same own problems (not checked again).
    assert.equal(second.blocks[2].messages[0].ownProblems, first.blocks[2].messages[0].ownProblems);
    assert.equal(second.blocks[2].startOffset, first.blocks[2].startOffset + 11);
    assert.deepEqual(
      second.blocks[2].messages[0].problems.map((p) => p.code),
      ['sysExWithoutStart'],
    );
  });
});
