// Stream problems in the monitor: every stream-context code, fed through a capture as the engine
// delivers it, marks the packet it happened on (in the row block the webview reads, or in the
// packets block of a multi-packet row), counts in the problems counter and passes "problems
// only"; the same stream made right does none of that. Endpoints are separate streams.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capture } from '../../../src/views/monitor/capture';
import { packetsBlock, rowsBlock } from '../../../src/views/monitor/captureBlocks';
import { emptyFilter } from '../../../src/views/monitor/protocol';
import { maxKeptPackets } from '../../../src/views/monitor/streamProblemLog';
import { showNumbered } from '../../../src/ump';
import { streamVectors, sysEx7 } from '../ump/check/streamVectors';

const problemsOnly = { ...emptyFilter, problemsOnly: true };

/** A capture that received `messages` one by one on `endpoint` (as separate engine batches). */
function received(
  messages: number[][],
  timestamps?: number[],
  endpoint = 0,
  capture = new Capture(1000, () => ''),
) {
  messages.forEach((words, i) =>
    capture.append(Uint32Array.from(words), Float64Array.of(timestamps?.[i] ?? i), 1, endpoint),
  );
  return capture;
}

/** The stream problem codes the capture sent the webview for packet `seq`, wherever it sits. */
function codesSentFor(capture: Capture, seq: number): string[] {
  const range = capture.viewRange();
  for (let viewIndex = range.start; viewIndex < range.end; viewIndex++) {
    const packets = packetsBlock(capture, viewIndex, 64);
    const rows = rowsBlock(capture, viewIndex, 1);
    const view = new Float64Array(
      packets?.data ?? new ArrayBuffer(0),
      0,
      packets?.count ? packets.count * 2 : 0,
    );
    for (let i = 0; i < (packets?.count ?? 0); i++) {
      if (view[i * 2] !== seq) continue;
      const fromPackets = packets?.streamProblems?.find((entry) => entry.index === i)?.problems ?? [];
      // A row's first packet travels with the row too: both must say the same.
      if (i === 0) {
        const fromRow = rows.streamProblems?.find((entry) => entry.index === 0)?.problems ?? [];
        assert.deepEqual(fromRow, fromPackets, 'row block and packets block agree');
      }
      return fromPackets.map((problem) => problem.code);
    }
  }
  throw new Error(`packet ${seq} is not in the capture`);
}

function keptByProblemsOnly(capture: Capture): number {
  capture.setFilter(problemsOnly);
  while (!capture.scanFilter(1000));
  const range = capture.viewRange();
  return range.end - range.start;
}

void describe('monitor: problems in the stream', () => {
  for (const vector of streamVectors) {
    void it(`${vector.code}: ${vector.what}`, () => {
      const capture = received(vector.messages, vector.timestamps);
      const last = vector.messages.length - 1;
      assert.ok(
        codesSentFor(capture, last).includes(vector.code),
        `packet ${last} carries ${vector.code}: ${JSON.stringify(codesSentFor(capture, last))}`,
      );
      for (let seq = 0; seq < last; seq++)
        assert.ok(!codesSentFor(capture, seq).includes(vector.code), `not on packet ${seq}`);
      assert.ok(capture.problems >= 1, 'the problems counter counts it');
      assert.ok(keptByProblemsOnly(capture) >= 1, '"problems only" keeps its row');

      const clean = received(vector.clean, vector.cleanTimestamps);
      for (let seq = 0; seq < vector.clean.length; seq++) assert.deepEqual(codesSentFor(clean, seq), []);
      assert.equal(clean.problems, 0);
      assert.equal(keptByProblemsOnly(clean), 0);
    });
  }

  void it('keeps each endpoint a stream of its own', () => {
    const capture = new Capture(100, () => '');
    received([sysEx7(1)], undefined, 0, capture);
    received([sysEx7(3)], undefined, 1, capture);
    received([sysEx7(3)], undefined, 0, capture);
    assert.deepEqual(
      codesSentFor(capture, 1),
      ['sysExWithoutStart'],
      'the End on endpoint 1 had no Start there',
    );
    assert.deepEqual(codesSentFor(capture, 2), [], 'the End on endpoint 0 closes its Start');
    assert.equal(capture.problems, 1);
  });

  void it('forgets the stream on clear', () => {
    const capture = received([sysEx7(1)]);
    capture.clear();
    received([sysEx7(1)], undefined, 0, capture);
    assert.deepEqual(codesSentFor(capture, 0), [], 'no Start twice across a clear');
    assert.equal(capture.problems, 0);
  });

  void it(`keeps the sentences of the newest ${maxKeptPackets} and the codes of all packets in the capture`, () => {
    const count = maxKeptPackets + 10;
    const capture = new Capture(count, () => '');
    // SysEx7 Ends with no Start, each a problem of its own.
    const words = new Uint32Array(count * 2);
    for (let i = 0; i < count; i++) words[i * 2] = sysEx7(3)[0];
    capture.append(
      words,
      new Float64Array(count).map((_, i) => i),
      count,
      0,
    );
    assert.equal(capture.problems, count);
    const oldest = capture.streamProblems.problemsOf(0) ?? [];
    assert.deepEqual(
      oldest.map((problem) => problem.code),
      ['sysExWithoutStart'],
    );
    assert.match(showNumbered(oldest[0].text, 'oneBased'), /details of only the newest/);
    const newest = capture.streamProblems.problemsOf(count - 1) ?? [];
    assert.match(showNumbered(newest[0].text, 'oneBased'), /with no SysEx7 Start before it/);
    assert.equal(keptByProblemsOnly(capture), count);
  });
});
