import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageKind, emptyFilter } from '../../../src/views/monitor/protocol';
import { validateFromWebview } from '../../../src/views/monitor/webviewMessageValidation';

function reason(raw: unknown): string {
  const result = validateFromWebview(raw);
  assert.equal(result.ok, false, `expected ${JSON.stringify(raw)} to be rejected`);
  return result.ok ? '' : result.reason;
}

void describe('validateFromWebview', () => {
  void it('accepts each well-formed message and returns exactly its fields', () => {
    const valid = [
      { kind: MessageKind.Ready },
      { kind: MessageKind.Clear },
      { kind: MessageKind.GetRows, generation: 3, from: 1000, count: 128 },
      { kind: MessageKind.GetPackets, generation: 3, viewIndex: 7 },
      { kind: MessageKind.SetFilter, filter: { ...emptyFilter, groups: [0, 15], text: 'note' } },
      { kind: MessageKind.SetViewState, following: true, paused: false, tailRows: 40 },
      { kind: MessageKind.UpdateApplied, shownReceived: 12 },
      { kind: MessageKind.Export, format: 'csv', scope: 'filtered' },
      { kind: MessageKind.CopyRows, generation: 1, from: 0, count: 3 },
      {
        kind: MessageKind.SaveLayout,
        layout: { time: 'timeOfDay', columns: [{ key: 'hex', widthPx: 320, hidden: false }] },
      },
    ];
    for (const message of valid) {
      const result = validateFromWebview({ id: 9, message: { ...message, extra: 'ignored' } });
      assert.ok(result.ok, JSON.stringify(message));
      assert.deepEqual(result.envelope, { id: 9, inReplyTo: undefined, message });
    }
  });

  void it('rejects envelopes that are not objects or lack a numeric id', () => {
    assert.match(reason('ready'), /envelope must be an object/);
    assert.match(reason({ message: { kind: 'ready' } }), /id must be a whole number/);
    assert.match(reason({ id: -1, message: { kind: 'ready' } }), /id must be a whole number from 0/);
    assert.match(reason({ id: 1, message: 'ready' }), /message must be an object/);
    assert.match(
      reason({ id: 1, inReplyTo: 'x', message: { kind: 'ready' } }),
      /inReplyTo must be a whole number/,
    );
  });

  void it('rejects unknown kinds and names the kind', () => {
    assert.match(reason({ id: 1, message: { kind: 'format-disk' } }), /unknown message kind "format-disk"/);
    assert.match(reason({ id: 1, message: { kind: MessageKind.Init } }), /unknown message kind "init"/);
  });

  void it('rejects fields of the wrong type or out of range, naming the field', () => {
    const rows = (fields: object) => ({
      id: 1,
      message: { kind: MessageKind.GetRows, generation: 1, from: 0, count: 1, ...fields },
    });
    assert.match(reason(rows({ count: 0 })), /count must be a whole number from 1 to 4096, got 0/);
    assert.match(reason(rows({ count: 5000 })), /count must be a whole number from 1 to 4096/);
    assert.match(reason(rows({ from: 1.5 })), /from must be a whole number/);
    assert.match(reason(rows({ from: '0' })), /from must be a whole number .* got "0"/);
    assert.match(
      reason({
        id: 1,
        message: { kind: MessageKind.SetViewState, following: 'yes', paused: false, tailRows: 1 },
      }),
      /following must be true or false/,
    );
    assert.match(
      reason({ id: 1, message: { kind: MessageKind.Export, format: 'exe', scope: 'all' } }),
      /format must be one of hex, json, csv, got "exe"/,
    );
  });

  void it('checks every part of a filter', () => {
    const withFilter = (filter: unknown) => ({ id: 1, message: { kind: MessageKind.SetFilter, filter } });
    assert.match(reason(withFilter(null)), /filter must be an object/);
    assert.match(
      reason(withFilter({ ...emptyFilter, groups: [16] })),
      /filter.groups\[0\] must be a whole number from 0 to 15, got 16/,
    );
    assert.match(reason(withFilter({ ...emptyFilter, channels: 'all' })), /filter.channels must be a list/);
    assert.match(
      reason(withFilter({ ...emptyFilter, text: 'x'.repeat(300) })),
      /filter.text must be a string of at most 256/,
    );
    assert.match(
      reason(withFilter({ ...emptyFilter, endpoints: [255] })),
      /filter.endpoints\[0\] must be a whole number from 0 to 254/,
    );
  });

  void it('checks a saved layout: known columns once each, bounded widths, a known time display', () => {
    const withLayout = (layout: unknown) => ({ id: 1, message: { kind: MessageKind.SaveLayout, layout } });
    const column = { key: 'hex', widthPx: 100, hidden: false };
    assert.match(reason(withLayout(null)), /layout must be an object/);
    assert.match(reason(withLayout({ time: 'now', columns: [] })), /time must be one of sinceStart/);
    assert.match(
      reason(withLayout({ time: 'ticks', columns: [{ ...column, key: 'colour' }] })),
      /key must be one of seq, time/,
    );
    assert.match(
      reason(withLayout({ time: 'ticks', columns: [column, column] })),
      /layout.columns\[1\]: column hex appears twice/,
    );
    assert.match(
      reason(withLayout({ time: 'ticks', columns: [{ ...column, widthPx: 1e6 }] })),
      /widthPx must be a whole number from 0 to 4000/,
    );
    assert.match(
      reason(withLayout({ time: 'ticks', columns: Array.from({ length: 11 }, () => column) })),
      /at most 10 columns/,
    );
  });
});
