// Every stream-context problem code: a short stream (from the packet formats of M2-104-UM v1.1)
// whose last message has the problem, and the same stream made right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UmpStreamChecker, type UmpProblem } from '../../../../src/ump';
import { noops, streamVectors, sysEx7, sysEx8 } from './streamVectors';

function run(messages: number[][], timestamps?: number[]): UmpProblem[][] {
  const checker = new UmpStreamChecker();
  return messages.map((words, index) => checker.check(words, 0, timestamps?.[index]));
}

void describe('UmpStreamChecker: a message in its stream', () => {
  for (const vector of streamVectors) {
    void it(`${vector.code}: ${vector.what}`, () => {
      const results = run(vector.messages, vector.timestamps);
      const last = results[results.length - 1];
      const found = last.filter((problem) => problem.code === vector.code);
      assert.equal(found.length, 1, `the last message has one ${vector.code}: ${JSON.stringify(last)}`);
      assert.ok(found[0].text.length > 0);
      const before = results
        .slice(0, -1)
        .flat()
        .filter((problem) => problem.code === vector.code);
      assert.deepEqual(before, [], 'not reported earlier');
      const clean = run(vector.clean, vector.cleanTimestamps).flat();
      assert.deepEqual(clean, [], 'the stream made right is clean');
    });
  }

  void it('reports a NOOP flood once per run, and again after something else', () => {
    const checker = new UmpStreamChecker({ noopFloodThreshold: 3 });
    const codes = [...noops(5), [0x20903c64], ...noops(3)].map((words) =>
      checker.check(words).map((problem) => problem.code),
    );
    assert.deepEqual(codes.flat(), ['noopFlood', 'noopFlood']);
    assert.deepEqual(codes[2], ['noopFlood']);
    assert.deepEqual(codes[8], ['noopFlood']);
  });

  void it('adds the per-message problems of the same message', () => {
    const checker = new UmpStreamChecker();
    assert.deepEqual(
      checker.check([0x30017f00, 0]).map((p) => p.code),
      [],
    );
    assert.deepEqual(
      checker.check([0x30018000, 0]).map((p) => p.code),
      ['sysEx7ByteHighBit'],
    );
  });

  void it('keeps SysEx8 streams with different ids apart and closes them at End', () => {
    const results = run([sysEx8(1, 1), sysEx8(1, 2), sysEx8(3, 1), sysEx8(3, 2), sysEx7(0)]);
    assert.deepEqual(results.flat(), []);
  });

  void it('reset forgets open sequences', () => {
    const checker = new UmpStreamChecker();
    checker.check(sysEx7(1));
    assert.equal(checker.openSequences(), 1);
    checker.reset();
    assert.equal(checker.openSequences(), 0);
    assert.deepEqual(checker.check(sysEx7(1)), []);
  });
});
