// The parse error of a send at its two lengths: short for the notification, whole for the log
// and the diagnostic, both with the exact column and how many messages came before it.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProblemTexts, shortReason } from '../../../src/extension/sending/parseProblemReport';
import { readUmpText } from '../../../src/extension/sending/umpMessages';

function problemOf(text: string) {
  const reading = readUmpText(text);
  assert.equal(reading.ok, false);
  if (reading.ok) throw new Error('parsed');
  return reading.problem;
}

void describe('parse errors of a send', () => {
  void it('point at the bad character and count the messages before it', () => {
    const problem = problemOf('0x20903C64 0x20803C00\n0x2090XY64\n');
    assert.deepEqual(
      { line: problem.line, column: problem.column, token: problem.token, before: problem.completeMessages },
      { line: 2, column: 7, token: '0x2090XY64', before: 2 },
    );
    const texts = parseProblemTexts('notes.ump:2:7', problem);
    assert.equal(texts.short, "notes.ump:2:7: 'X' is not a hex digit. Nothing sent.");
    assert.equal(texts.full, `UMP parse error at notes.ump:2:7: ${texts.diagnostic}`);
    assert.match(texts.diagnostic, /the token is '0x2090XY64', expected hex digits 0-9 A-F/);
    assert.match(texts.diagnostic, /2 complete messages came before it\. Nothing was sent\.$/);
  });

  void it('say so when nothing came before', () => {
    const texts = parseProblemTexts('x.ump:1:1', problemOf('zz'));
    assert.match(texts.full, /no complete message came before it\. Nothing was sent\.$/);
  });

  void it('keep the notification to the first clause of a long reason; the rest goes to the log', () => {
    const problem = problemOf('0x40903C00\n');
    assert.match(problem.message, /is cut short: a /);
    const texts = parseProblemTexts('x.ump:1:1', problem);
    assert.equal(
      texts.short,
      'x.ump:1:1: the message that begins with 0x40903C00 is cut short. Nothing sent.',
    );
    assert.match(texts.full, /is cut short: a .* has 2 words, the text ends after 1/);
  });

  void it('cut a first clause longer than a notification holds', () => {
    const long = `'${'9'.repeat(120)}' has 120 hex digits`;
    const short = shortReason(long);
    assert.equal(short.length, 80);
    assert.ok(short.endsWith('…'));
  });
});
