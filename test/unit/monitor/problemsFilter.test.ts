// The monitor's "problems only" filter and problems counter: the conformance checker on the
// host side of the monitor, and the filter's validation from the webview.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Capture } from '../../../src/views/monitor/capture';
import { emptyFilter, MessageKind, type FilterSpec } from '../../../src/views/monitor/protocol';
import { compileRowFilter, isEmptyFilter } from '../../../src/views/monitor/rowFilter';
import { rowSearchText } from '../../../src/views/monitor/rowSearchText';
import { validateFromWebview } from '../../../src/views/monitor/webviewMessageValidation';

const problemsOnly: FilterSpec = { ...emptyFilter, problemsOnly: true };
const row = (...words: number[]) => ({ words: Uint32Array.from(words), offset: 0, endpointIndex: 0 });

void describe('monitor: problems only', () => {
  void it('keeps only messages the checker finds a problem in', () => {
    assert.equal(isEmptyFilter(problemsOnly), false);
    const keep = compileRowFilter(problemsOnly, () => '');
    assert.equal(keep(row(0x20903cff)), true);
    assert.equal(keep(row(0x2090bc64)), true);
    assert.equal(keep(row(0x20903c64)), false);
    assert.equal(keep(row(0x30027e80, 0)), true);
  });

  void it('counts received messages with problems and filters a capture down to them', () => {
    const capture = new Capture(100, (r) => rowSearchText(r, ['B']));
    const words = Uint32Array.of(0x20903c64, 0x20903cff, 0x20803c00, 0x10f80100);
    capture.append(words, Float64Array.of(1, 2, 3, 4), 4, 0);
    assert.equal(capture.problems, 2);
    capture.setFilter(problemsOnly);
    capture.scanFilter(1000);
    assert.equal(capture.viewRange().end - capture.viewRange().start, 2);
    capture.clear();
    assert.equal(capture.problems, 0);
  });

  void it('filters by what was recorded per slot as packets arrived, also once the ring wraps', () => {
    const capture = new Capture(3, (r) => rowSearchText(r, ['B']));
    // A bad velocity, then three clean notes that take over every slot, then a bad one again.
    capture.append(Uint32Array.of(0x20903cff, 0x20903c64, 0x20903c65), Float64Array.of(1, 2, 3), 3, 0);
    capture.setFilter(problemsOnly);
    capture.scanFilter(1000);
    assert.equal(capture.viewRange().end - capture.viewRange().start, 1);
    capture.append(Uint32Array.of(0x20903c66, 0x2090bc64), Float64Array.of(4, 5), 2, 0);
    capture.scanFilter(1000);
    const { start, end } = capture.viewRange();
    assert.equal(end - start, 1, 'the evicted bad note is gone, the new one kept');
    const kept = capture.rows.firstSeq(capture.view.rowIdAt(start));
    assert.equal(capture.ring.firstWord(kept), 0x2090bc64);
  });

  void it('accepts problemsOnly from the webview only as a boolean', () => {
    const envelope = (filter: unknown): unknown => ({
      id: 1,
      message: { kind: MessageKind.SetFilter, filter },
    });
    const accepted = validateFromWebview(envelope(problemsOnly));
    assert.ok(accepted.ok);
    assert.deepEqual(accepted.envelope.message, { kind: MessageKind.SetFilter, filter: problemsOnly });
    const refused = validateFromWebview(envelope({ ...emptyFilter, problemsOnly: 'yes' }));
    assert.ok(!refused.ok);
    assert.match(refused.reason, /problemsOnly must be a boolean/);
  });
});
