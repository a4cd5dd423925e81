// Every problem code the checker can report has a vector in the message or stream tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UMP_PROBLEM_CODE_LIST } from '../../../../src/ump';
import { messageVectors } from './messageVectors';
import { streamVectors } from './streamVectors';

void describe('problem codes', () => {
  void it('each code has a test vector', () => {
    const covered = new Set([...messageVectors, ...streamVectors].map((vector) => vector.code));
    const missing = UMP_PROBLEM_CODE_LIST.filter((code) => !covered.has(code));
    assert.deepEqual(missing, []);
  });
});
