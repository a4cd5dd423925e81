// Captures in the real extension host: a monitor's capture saved in every format and opened
// again in a monitor that listens to nothing (same messages, timestamps and endpoint names),
// a malformed file opening up to its error, Compare Captures in the diff editor, Replay through
// the scheduler to a loopback pair with group remapping, the jitter/loss statistics and the
// round-trip measurement.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { MonitorHandle } from '../../../src/views/monitor';
import {
  closeEditors,
  createPair,
  listenOn,
  midiScope,
  removePair,
  scratchFile,
  uniquePairConfig,
  waitFor,
  type CreatedPair,
} from './extensionTestSupport';

interface Snapshot {
  words: number[][];
  timestamps: number[];
  endpoints: number[];
}

function snapshot(monitor: MonitorHandle): Snapshot {
  const { ring } = monitor.captured.capture;
  const result: Snapshot = { words: [], timestamps: [], endpoints: [] };
  for (let seq = ring.firstSeq; seq < ring.endSeq; seq++) {
    const at = ring.wordOffset(seq);
    const size = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4][ring.wordsArray[at] >>> 28];
    result.words.push(Array.from(ring.wordsArray.subarray(at, at + size)));
    result.timestamps.push(ring.timestamp(seq));
    result.endpoints.push(ring.endpointIndex(seq));
  }
  return result;
}

/** Sends `words` (whole messages back to back) out of `endpointDeviceId`, each `spacingUs` apart. */
function sendTimed(
  api: MidiScopeApi,
  endpointDeviceId: string,
  messages: number[][],
  spacingUs: number,
): void {
  const session = api.engine.MidiSession.create('captures integration test sender');
  try {
    const connection = session.createEndpointConnection(endpointDeviceId);
    assert.ok(connection.open());
    const start = api.engine.MidiClock.offsetTimestampByMicroseconds(api.engine.MidiClock.now(), 20_000);
    const list = messages.map((words, i) => ({
      timestamp: api.engine.MidiClock.offsetTimestampByMicroseconds(start, i * spacingUs),
      words: Uint32Array.from(words),
    }));
    assert.equal(connection.sendMultipleMessagesPacketList(list).messagesSent, messages.length);
  } finally {
    // Closing the session drops what is still scheduled: keep it until the last message went.
    setTimeout(() => session.close(), 200 + (messages.length * spacingUs) / 1000);
  }
}

async function monitorOn(api: MidiScopeApi, endpointDeviceId: string): Promise<MonitorHandle> {
  const before = api.monitor.monitors;
  await vscode.commands.executeCommand('midiScope.openMonitor', endpointDeviceId);
  return waitFor('a new monitor', () => api.monitor.monitors.find((m) => !before.includes(m)));
}

const probeMessages = (count: number): number[][] =>
  Array.from({ length: count }, (_, i) =>
    i % 3 === 0
      ? [0x20903c00 | (i & 0x7f)]
      : i % 3 === 1
        ? [0x41903c00, 0x8000_0000 + i]
        : [0x3206_0102, 0x0304_0506],
  );

describe('captures: save, open, compare, replay, measure', function () {
  this.timeout(60_000);
  let api: MidiScopeApi;
  let pair: CreatedPair;
  let live: MonitorHandle;
  let original: Snapshot;
  const saved = new Map<string, vscode.Uri>();

  before(async () => {
    api = await midiScope();
    pair = await createPair(uniquePairConfig('captures'));
    live = await monitorOn(api, pair.endpointDeviceIdB);
    sendTimed(api, pair.endpointDeviceIdA, probeMessages(30), 1000);
    await waitFor('30 messages in the monitor', () => live.counters.received >= 30 || undefined, 10_000);
    original = snapshot(live);
  });

  after(async () => {
    for (const monitor of api.monitor.monitors) monitor.dispose();
    await closeEditors();
    await removePair(pair.associationId);
  });

  for (const format of ['ump', 'midi2', 'clip', 'syx'] as const) {
    it(`saves the monitor's capture as ${format} and opens it again`, async () => {
      live.panel.reveal();
      await waitFor('the live monitor in front', () => live.panel.active || undefined);
      const uri = scratchFile(`capture.${format === 'clip' ? 'midi2clip' : format}`, '');
      const result = await vscode.commands.executeCommand<{
        ok: boolean;
        written: number;
        leftOut: string[];
      }>('midiScope.saveCapture', { uri, format, scope: 'all' });
      assert.equal(result.ok, true);
      saved.set(format, uri);
      const opened = await vscode.commands.executeCommand<{
        ok: boolean;
        messages: number;
        endpoints: string[];
        monitor: MonitorHandle;
      }>('midiScope.openCapture', uri);
      assert.equal(opened.ok, true);
      assert.deepEqual(opened.monitor.listenedEndpointIds, []);
      const back = snapshot(opened.monitor);
      if (format === 'syx') {
        assert.equal(result.written, 10);
        // A .syx has neither groups nor times: the SysEx comes back on group 0.
        const sysEx = original.words.filter((w) => w[0] >>> 28 === 0x3);
        assert.deepEqual(
          back.words,
          sysEx.map(([first, second]) => [(first & 0xf0ffffff) >>> 0, second]),
        );
        return;
      }
      assert.deepEqual(back.words, original.words);
      const first = original.timestamps[0];
      const expectedTimes =
        format === 'clip' ? original.timestamps.map((t) => t - first) : original.timestamps;
      assert.deepEqual(back.timestamps, expectedTimes);
      if (format !== 'clip') assert.deepEqual(opened.endpoints, [live.captured.endpoints[0].name]);
      await waitFor(
        'the opened monitor shows its rows',
        () =>
          (opened.monitor.isWebviewReady && opened.monitor.counters.received === back.words.length) ||
          undefined,
        20_000,
      );
      opened.monitor.dispose();
    });
  }

  it('opens a malformed file up to its error and says where', async () => {
    const uri = scratchFile(
      'broken.midi2',
      '# Endpoint:   Broken\n0x20903C64\n0x20903C65\n0x40903C00\n0x20903C66\n',
    );
    const opened = await vscode.commands.executeCommand<{
      ok: boolean;
      messages: number;
      problem?: string;
      monitor: MonitorHandle;
    }>('midiScope.openCapture', uri);
    assert.equal(opened.messages, 2);
    assert.match(opened.problem ?? '', /line 4, column 1: the message is cut short/);
    opened.monitor.dispose();
  });

  it('compares two captures in the diff editor, aligned on messages', async () => {
    const ump = saved.get('ump');
    assert.ok(ump);
    const text = readFileSync(ump.fsPath, 'utf8').split('\n');
    // Drop one message and change another: one missing, one changed, the rest the same.
    const firstMessageLine = text.findIndex((line) => line.startsWith('@'));
    text.splice(firstMessageLine + 4, 1);
    text[firstMessageLine + 5] = text[firstMessageLine + 5].replace(/0x2090/, '0x2080');
    const edited = scratchFile('edited.ump', text.join('\n'));
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      same: number;
      changed: number;
      missing: number;
      added: number;
    }>('midiScope.compareCaptures', { left: ump.toString(), right: edited.toString(), ignoreNoops: true });
    assert.deepEqual([result.same, result.changed, result.missing, result.added], [28, 1, 1, 0]);
    await waitFor(
      'a diff editor',
      () =>
        vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff ||
        undefined,
    );
  });

  it('replays a capture file to an endpoint through the scheduler, on another group', async () => {
    const ump = saved.get('ump');
    assert.ok(ump);
    const listener = listenOn(api, pair.endpointDeviceIdB);
    try {
      const result = await vscode.commands.executeCommand<{ ok: boolean; messages: number }>(
        'midiScope.replayCapture',
        {
          uri: ump.toString(),
          endpointDeviceId: pair.endpointDeviceIdA,
          speed: 2,
          group: 5,
        },
      );
      assert.equal(result.ok, true);
      await waitFor('every replayed message', () => listener.received.length >= 30 || undefined, 10_000);
      const expected = original.words.map((words) => [
        ((words[0] & 0xf0ffffff) | (5 << 24)) >>> 0,
        ...words.slice(1),
      ]);
      assert.deepEqual(
        listener.received.map((message) => message.words),
        expected,
      );
    } finally {
      listener.dispose();
    }
  });

  it('reports jitter and counter skips of the monitor view', async () => {
    const monitor = await monitorOn(api, pair.endpointDeviceIdB);
    const messages = [1, 2, 3, 5, 4, 6].map((counter) => [0x40903c00, counter]);
    sendTimed(api, pair.endpointDeviceIdA, messages, 500);
    await waitFor('6 messages', () => monitor.counters.received >= 6 || undefined);
    monitor.panel.reveal();
    await waitFor('the monitor in front', () => monitor.panel.active || undefined);
    const result = await vscode.commands.executeCommand<{
      messages: number;
      deltas: { count: number; meanUs: number; minUs: number; maxUs: number };
      counters: { skips: number; lost: number; reordered: number };
    }>('midiScope.captureStatistics');
    assert.equal(result.messages, 6);
    assert.equal(result.deltas.count, 5);
    // The scheduler may deliver a late run at once (equal arrival times): no timing is asserted.
    assert.ok(result.deltas.minUs <= result.deltas.meanUs && result.deltas.meanUs <= result.deltas.maxUs);
    assert.deepEqual([result.counters.skips, result.counters.lost, result.counters.reordered], [1, 1, 1]);
  });

  it('replays the rows selected in a monitor (the argument of its context menu) and only those', async () => {
    live.panel.reveal();
    await waitFor('the live monitor in front', () => live.panel.active || undefined);
    const { capture } = live.captured;
    const listener = listenOn(api, pair.endpointDeviceIdB);
    try {
      const result = await vscode.commands.executeCommand<{ ok: boolean; messages: number }>(
        'midiScope.replaySelectedRows',
        {
          webview: 'midiScope.monitor',
          midiScopeRows: { generation: capture.generation, from: capture.view.start + 3, count: 4 },
          endpointDeviceId: pair.endpointDeviceIdA,
          speed: 4,
        },
      );
      assert.equal(result.ok, true);
      assert.equal(result.messages, 4);
      await waitFor('the four replayed rows', () => listener.received.length >= 4 || undefined, 10_000);
      assert.deepEqual(
        listener.received.map((message) => message.words),
        original.words.slice(3, 7),
      );
    } finally {
      listener.dispose();
    }
    // Rows selected before a clear or a new filter are not replayed as other rows.
    const stale = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>(
      'midiScope.replaySelectedRows',
      {
        midiScopeRows: { generation: capture.generation + 1, from: capture.view.start, count: 1 },
        endpointDeviceId: pair.endpointDeviceIdA,
        speed: 4,
      },
    );
    assert.equal(stale.ok, false);
    assert.match(stale.reason ?? '', /cleared or filtered after the rows were selected/);
  });

  it('measures the round trip over a loopback pair', async () => {
    const result = await vscode.commands.executeCommand<{
      ok: boolean;
      sent: number;
      lost: number;
      summary: { count: number; p50Us: number; maxUs: number };
      text: string;
    }>('midiScope.measureRoundTrip', {
      outEndpointDeviceId: pair.endpointDeviceIdA,
      inEndpointDeviceId: pair.endpointDeviceIdB,
      probes: 40,
      intervalMs: 1,
    });
    assert.equal(result.ok, true);
    assert.deepEqual([result.sent, result.lost, result.summary.count], [40, 0, 40]);
    assert.ok(result.summary.p50Us <= result.summary.maxUs);
    assert.match(result.text, /probes: 40 {2}min .* p50 .* p99 .* max /);
  });
});
