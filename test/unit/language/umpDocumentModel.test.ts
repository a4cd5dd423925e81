// The `.ump` document model: blocks parsed apart, word positions, problems in document order,
// lookups by offset, and where a problem's bits were written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
