// One numbering of groups and channels for rows, details, filters and hovers; times since the
// capture started, of day, or in ticks; the capture's memory as used of its limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { umpHoverMarkdown } from '../../../src/extension/language/umpHoverText';
import { UmpStreamChecker, decodeUmp, fieldsWithNumbering, numberLabel } from '../../../src/ump';
import { rowCells, type PresentationContext } from '../../../webview/monitor/rowPresentation';
import {
  formatCaptureMemory,
  formatTime,
  formatTimeOfDay,
  timeHeaders,
} from '../../../webview/monitor/timeFormat';

const base = { ticksPerSecond: 10_000_000, captureStartTicks: 50_000_000, epochMsAtTickZero: 0 };

function context(overrides: Partial<PresentationContext> = {}): PresentationContext {
  return {
    ...base,
    endpoints: [{ index: 0, endpointDeviceId: 'b', name: 'Firmware In' }],
    numbering: 'oneBased',
    time: 'sinceStart',
    ...overrides,
  };
}

function row(words: number[], timestamp = 62_500_000) {
  return {
    seq: 0,
    timestamp,
    previousTimestamp: null,
    endpointIndex: 0,
    packetCount: 1,
    flags: 0,
    words: Uint32Array.from(words),
  };
}

void describe('group and channel numbering', () => {
  void it('numbers 1-16 by default and 0-15 when asked, the same in every place', () => {
    assert.equal(numberLabel(0, 'oneBased'), '1');
    assert.equal(numberLabel(15, 'zeroBased'), '15');
    assert.equal(numberLabel(undefined, 'oneBased'), '');
    // Group 2, channel 4 (0-based in the message: 0x2 and 0x3).
    const words = [0x42933c00, 0xc9240000];
    for (const [numbering, group, channel] of [
      ['oneBased', '3', '4'],
      ['zeroBased', '2', '3'],
    ] as const) {
      const cells = rowCells(row(words), context({ numbering }));
      assert.equal(cells.group, group);
      assert.equal(cells.channel, channel);
      const fields = fieldsWithNumbering(decodeUmp(words).fields, numbering);
      assert.equal(fields.find((f) => f.name === 'Group')?.display, group);
      assert.equal(fields.find((f) => f.name === 'Channel')?.display, channel);
      const hover = umpHoverMarkdown(words, undefined, numbering);
      assert.match(hover, new RegExp(`\\| Group \\| ${group} \\|`));
      assert.match(hover, new RegExp(`\\| Channel \\| ${channel} \\|`));
    }
  });

  // #17: the problems in a hover follow the numbering, as the Group and Channel rows above them.
  void it('numbers the groups in the problems of a hover as its fields', () => {
    // Function Block Info: first group 14, 4 groups (past the last group).
    const block = [0xf0110101, 0x0e040000, 0, 0];
    // SysEx7 Continue on group 2 with no Start, checked in its stream.
    const sysEx = [0x32260102, 0x03040506];
    const streamProblems = new UmpStreamChecker().check(sysEx);
    for (const [numbering, first, group] of [
      ['oneBased', '15', '3'],
      ['zeroBased', '14', '2'],
    ] as const) {
      assert.match(umpHoverMarkdown(block, undefined, numbering), new RegExp(`from group ${first};`));
      const hover = umpHoverMarkdown(sysEx, streamProblems, numbering);
      assert.match(hover, new RegExp(`\\| Group \\| ${group} \\|`));
      assert.match(hover, new RegExp(`SysEx7 Continue on group ${group} with no SysEx7 Start before it`));
    }
  });

  // #17: a function block's groups in the row's summary, the First Group field and the hover.
  void it("numbers a function block's groups in the row, its First Group field and the hover", () => {
    // Function Block Info: block 1, input, first group 2, 4 groups.
    const words = [0xf0110101, 0x02040000, 0, 0];
    for (const [numbering, first, range] of [
      ['oneBased', '3', '3–6'],
      ['zeroBased', '2', '2–5'],
    ] as const) {
      const cells = rowCells(row(words), context({ numbering }));
      assert.equal(cells.fields, `block 1 inactive input groups ${range}`);
      const fields = fieldsWithNumbering(decodeUmp(words).fields, numbering);
      assert.equal(fields.find((f) => f.name === 'First Group')?.display, first);
      assert.equal(fields.find((f) => f.name === 'Number of Groups Spanned')?.display, '4');
      assert.match(umpHoverMarkdown(words, undefined, numbering), new RegExp(`groups ${range}\n`));
    }
    // Read raw (the .umptest runner's descriptions), the summary keeps the values in the message.
    assert.equal(decodeUmp(words).summary, 'block 1 inactive input groups 2–5');
  });

  void it('shows a MIDI 2.0 velocity the same way in the row as in the details', () => {
    const words = [0x40903c00, 0xc9240000];
    const cells = rowCells(row(words), context());
    const velocity = decodeUmp(words).fields.find((f) => f.name === 'Velocity')?.display ?? '';
    assert.match(cells.fields, /vel 0xC924/);
    assert.ok(velocity.startsWith('0xC924'), velocity);
    assert.equal(cells.hex, '40903C00 C9240000');
  });
});

void describe('time display', () => {
  void it('shows time since the capture started, of day, or in ticks', () => {
    assert.equal(formatTime(62_500_000, 'sinceStart', base), '1.250000');
    assert.equal(formatTime(62_500_000, 'ticks', base), '62500000');
    const local = new Date(2026, 11, 1, 14, 3, 7, 250);
    const atDay = { ...base, epochMsAtTickZero: local.getTime() };
    assert.equal(formatTimeOfDay(1_310, atDay), '14:03:07.250131');
    assert.equal(formatTime(0, 'timeOfDay', atDay), '14:03:07.250000');
    assert.equal(rowCells(row([0x20903c64]), context({ time: 'ticks' })).time, '62500000');
    assert.equal(timeHeaders.sinceStart.header, 'Time (s)');
  });
});

void describe('capture memory', () => {
  void it('says what the messages use, with the limit beside it', () => {
    assert.equal(formatCaptureMemory(1, 42, 42_000_000), '1 msg · 42 B of 40.1 MiB');
    assert.equal(formatCaptureMemory(2048, 86_016, 42_000_000), '2\u202f048 msgs · 84.0 KiB of 40.1 MiB');
  });
});
