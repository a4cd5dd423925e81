import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareCaptures, compareTexts } from '../../../src/capture/captureCompare';
import { CaptureTable } from '../../../src/capture/captureTable';

function table(words: number[], start = 0): CaptureTable {
  const t = new CaptureTable();
  words.forEach((word, i) => t.addMessage([word], start + i * 10));
  return t;
}

const note = (n: number): number => 0x20903c00 | n;

void describe('compareCaptures', () => {
  void it('ignores timestamps: the same messages at other times are the same', () => {
    const result = compareCaptures(table([note(1), note(2)], 0), table([note(1), note(2)], 999));
    assert.deepEqual([result.same, result.changed, result.added, result.missing], [2, 0, 0, 0]);
  });

  void it('aligns around a missing and an added message instead of shifting everything', () => {
    const left = table([note(1), note(2), note(3), note(4), note(5)]);
    const right = table([note(1), note(3), note(4), note(9), note(5), note(6)]);
    const result = compareCaptures(left, right);
    assert.deepEqual(
      result.rows.map((row) => row.kind),
      ['same', 'missing', 'same', 'same', 'added', 'same', 'added'],
    );
  });

  void it('pairs a replaced message as changed, and the texts put the pair on the same line', () => {
    const left = table([note(1), note(2), note(3)]);
    const right = table([note(1), 0x20903d02, note(3)]);
    const result = compareCaptures(left, right);
    assert.deepEqual([result.same, result.changed], [2, 1]);
    const texts = compareTexts(left, right, result, 'oneBased');
    const [l, r] = [texts.left.split('\n')[1], texts.right.split('\n')[1]];
    assert.match(
      l,
      /^Note On \| Group 1 \| Channel 1 \| Note Number 60 \(C4\) \| Velocity 2 {3}\[20903C02\]$/,
    );
    assert.match(r, /Note Number 61/);
  });

  // #17: Compare numbers groups and channels as the monitor does, not "Group 0 (Group 1)".
  for (const [numbering, shown] of [
    ['oneBased', 'Group 3 | Channel 10'],
    ['zeroBased', 'Group 2 | Channel 9'],
  ] as const) {
    void it(`numbers groups and channels ${numbering}, as the monitor's setting says`, () => {
      // Note On on group 2, channel 9 against one with another velocity.
      const left = table([0x22993c40]);
      const right = table([0x22993c41]);
      const texts = compareTexts(left, right, compareCaptures(left, right), numbering);
      assert.equal(texts.left, `Note On | ${shown} | Note Number 60 (C4) | Velocity 64   [22993C40]\n`);
      assert.ok(texts.right.startsWith(`Note On | ${shown} | `), texts.right);
    });
  }

  void it('leaves out JR timestamps, NOOPs and timing clock when asked', () => {
    const left = table([0x00000000, note(1), 0x00200010, 0x10f80000, note(2)]);
    const right = table([note(1), note(2), 0x10f80000]);
    const strict = compareCaptures(left, right);
    assert.notEqual(strict.missing + strict.added + strict.changed, 0);
    const loose = compareCaptures(left, right, {
      ignoreNoops: true,
      ignoreJrTimestamps: true,
      ignoreClock: true,
    });
    assert.deepEqual(
      [loose.same, loose.changed, loose.added, loose.missing, ...loose.ignored],
      [2, 0, 0, 0, 3, 1],
    );
  });

  void it('every message of both sides appears once, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 })),
        fc.array(fc.integer({ min: 0, max: 5 })),
        fc.boolean(),
        (a, b, tight) => {
          const result = compareCaptures(table(a.map(note)), table(b.map(note)), {
            maxEdits: tight ? 2 : 4000,
          });
          const lefts = result.rows.flatMap((row) => ('left' in row ? [row.left] : []));
          const rights = result.rows.flatMap((row) => ('right' in row ? [row.right] : []));
          assert.deepEqual(
            lefts,
            a.map((_, i) => i),
          );
          assert.deepEqual(
            rights,
            b.map((_, i) => i),
          );
          for (const row of result.rows) if (row.kind === 'same') assert.equal(a[row.left], b[row.right]);
          if (!result.approximate) assert.ok(result.same >= lcsLength(a, b));
        },
      ),
    );
  });

  void it('cut at unique messages, every message still appears once, in order, equal when same (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }),
        (a, b) => {
          const result = compareCaptures(table(a.map(note)), table(b.map(note)), { anchorAbove: 0 });
          const lefts = result.rows.flatMap((row) => ('left' in row ? [row.left] : []));
          const rights = result.rows.flatMap((row) => ('right' in row ? [row.right] : []));
          assert.deepEqual(
            lefts,
            a.map((_, i) => i),
          );
          assert.deepEqual(
            rights,
            b.map((_, i) => i),
          );
          for (const row of result.rows) if (row.kind === 'same') assert.equal(a[row.left], b[row.right]);
        },
      ),
    );
  });

  void it('finds thousands of scattered differences in long captures exactly, past the edit limit of one pass', () => {
    const count = 30_000;
    const left = new CaptureTable(count);
    const right = new CaptureTable(count);
    let dropped = 0;
    for (let i = 0; i < count; i++) {
      // Every message distinct (a counter in the second word), as a sender with a counter makes them.
      left.addMessage([0x40903c00, i], i);
      if (i % 5 === 2) dropped++;
      else right.addMessage([0x40903c00, i], i);
    }
    const result = compareCaptures(left, right, { maxEdits: 4000 });
    assert.equal(result.approximate, false);
    assert.deepEqual(
      [result.same, result.missing, result.added, result.changed],
      [count - dropped, dropped, 0, 0],
    );
  });

  void it('a reversed capture (no long common order) still finishes with every message accounted for', () => {
    const count = 6000;
    const left = new CaptureTable(count);
    const right = new CaptureTable(count);
    for (let i = 0; i < count; i++) {
      left.addMessage([0x40903c00, i], i);
      right.addMessage([0x40903c00, count - 1 - i], i);
    }
    const result = compareCaptures(left, right, { anchorAbove: 16 });
    assert.equal(result.same + result.changed + result.missing, count);
    assert.equal(result.same + result.changed + result.added, count);
  });
});

function lcsLength(a: number[], b: number[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}
