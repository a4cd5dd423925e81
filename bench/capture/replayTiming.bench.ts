// Replay timing over a loopback pair: a capture of 1,000 messages with gaps of 0.1–2 ms replayed
// at 1× as Replay Capture does it (every message handed to the engine's scheduler at once with
// its timestamp). Measured: how far each inter-message gap, as stamped on arrival at the other
// end of the pair, is from the original gap (p50/p99/max of |error| in µs). Peer (ours, same
// run and measuring point): a replay driven by Node timers, each message sent when its
// setTimeout fires.
import { CaptureTable } from '../../src/capture/captureTable';
import { replayOffsetsUs, remappedWords } from '../../src/extension/capture/replayTiming';
import { progress, publish, row } from '../engine/support/benchReport';
import { delay, loadEngine, until } from '../engine/support/engine';
import { median, spread } from '../engine/support/statistics';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiSession } = engine;
const messageCount = 1000;
const repetitions = 3;
const ticksPerUs = MidiClock.timestampFrequency / 1e6;

function capture(): CaptureTable {
  const table = new CaptureTable(messageCount);
  let seed = 99;
  let ticks = 0;
  for (let i = 0; i < messageCount; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    ticks += Math.round((100 + (seed % 1900)) * ticksPerUs);
    table.addMessage([0x20903c00 | (i & 0x7f)], ticks);
  }
  return table;
}

type Sender = (
  table: CaptureTable,
  offsets: number[],
  send: (timestamp: number, words: Uint32Array) => void,
  sendList: (list: { timestamp: number; words: Uint32Array }[]) => void,
) => Promise<void>;

const scheduled: Sender = (table, offsets, _send, sendList) => {
  const start = MidiClock.offsetTimestampByMicroseconds(MidiClock.now(), 50_000);
  sendList(
    offsets.map((offset, i) => ({
      timestamp: MidiClock.offsetTimestampByMicroseconds(start, offset),
      words: remappedWords(table, i, undefined),
    })),
  );
  return Promise.resolve();
};

const timers: Sender = async (table, offsets, send) => {
  const start = performance.now() + 50;
  let next = 0;
  while (next < offsets.length) {
    const wait = start + offsets[next] / 1000 - performance.now();
    if (wait > 0) await delay(wait);
    const now = performance.now();
    while (next < offsets.length && start + offsets[next] / 1000 <= now)
      send(0, remappedWords(table, next++, undefined));
  }
};

async function errorsOf(sender: Sender, table: CaptureTable): Promise<number[]> {
  const associationId = `bench-replay-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'replay A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'replay B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('replay bench');
  const out = session.createEndpointConnection(pair.endpointDeviceIdA);
  const input = session.createEndpointConnection(pair.endpointDeviceIdB);
  const arrivals: number[] = [];
  input.onMessagesReceived(({ timestamps, messageCount: count }) => {
    for (let i = 0; i < count; i++) arrivals.push(timestamps[i]);
  });
  out.open();
  input.open();
  const offsets = replayOffsetsUs(table, MidiClock.timestampFrequency, 1);
  await sender(
    table,
    offsets,
    (timestamp, words) => out.sendSingleMessageWordArray(timestamp, 0, words.length, words),
    (list) => out.sendMultipleMessagesPacketList(list),
  );
  await until(() => arrivals.length >= messageCount, 'every replayed message', 120_000);
  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  const errors: number[] = [];
  for (let i = 1; i < messageCount; i++) {
    const replayed = (arrivals[i] - arrivals[i - 1]) / ticksPerUs;
    const original = (table.ticks(i) - table.ticks(i - 1)) / ticksPerUs;
    errors.push(Math.abs(replayed - original));
  }
  return errors;
}

async function main(): Promise<void> {
  const table = capture();
  const ours: ReturnType<typeof spread>[] = [];
  const peer: ReturnType<typeof spread>[] = [];
  for (let r = 0; r < repetitions; r++) {
    ours.push(spread(await errorsOf(scheduled, table)));
    peer.push(spread(await errorsOf(timers, table)));
    progress(
      `repetition ${r + 1}: scheduler p99 ${ours[r].p99.toFixed(1)} µs, timers p99 ${peer[r].p99.toFixed(1)} µs`,
    );
  }
  const pick = (list: ReturnType<typeof spread>[], key: 'p50' | 'p99' | 'max'): number =>
    median(list.map((s) => s[key]));
  publish({
    benchmark: 'capture/replay',
    description: `Replay Capture at 1× over a loopback pair: |replayed gap − original gap| for ${messageCount} messages with gaps of 0.1–2 ms`,
    rows: (['p50', 'p99', 'max'] as const).map((key) =>
      row({
        work: `inter-message timing error, ${key}`,
        unit: 'µs',
        figure: pick(ours, key),
        peer: 'a replay loop on Node timers, each message sent when its setTimeout fires (ours)',
        peerOrigin: 'ours',
        peerFigure: pick(peer, key),
        higherIsBetter: false,
        repetitions,
        ...(key === 'p99' ? { target: { value: 200, text: '<= 200' } } : {}),
      }),
    ),
    notes: [
      'Arrival stamps are the engine’s, taken when a message enters the receiving ring (see bench/engine/latency).',
    ],
  });
}

void main();
