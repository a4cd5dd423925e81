// Loopback throughput of UMP32 messages into a batch handler: the engine's single-message and
// bulk word-array sends against a pure-JS loopback over the event loop and against jzz.
// Senders yield to the event loop after every chunk so the receiving side drains as it goes
// (the engine's receive ring is sized to hold a chunk; drops are counted and reported).
import type { MidiEndpointConnection } from '../../src/engine';
import { publish, progress, row, type BenchRow } from './support/benchReport';
import { loadEngine, nextTurn, until } from './support/engine';
import { JsLoopback } from './support/jsLoopback';
import { openJzzLoopback } from './support/jzzLoopback';
import { acrossRepetitions } from './support/statistics';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiSession, MidiSendMessageResults } = engine;

const repetitions = 5;
const singleMessages = 2_000_000;
const bulkMessages = 10_000_000;
const jzzMessages = 100_000;
const singleChunk = 50_000;
const bulkChunkWords = 65_536;
const noteOn = 0x2593_7864; // MIDI 1.0 note on, group 5, channel 3, note 120, velocity 100
const noteOnBytes = [0x25, 0x93, 0x78, 0x64];
const bulkWords = new Uint32Array(bulkChunkWords).fill(noteOn);

interface Outcome {
  messagesPerSecond: number;
  dropped: number;
  failedSends: number;
}

/** One run through a fresh loopback pair: sends `count` messages with `sendChunk` and waits for all. */
async function throughEngine(
  count: number,
  sendChunk: (connection: MidiEndpointConnection, remaining: number) => [number, number],
): Promise<Outcome> {
  const associationId = `bench-throughput-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'bench A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'bench B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('throughput bench');
  const sender = session.createEndpointConnection(pair.endpointDeviceIdA);
  const receiver = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBufferWords: 1 << 22 });
  let received = 0;
  receiver.onMessagesReceived((batch) => (received += batch.messageCount));
  sender.open();
  receiver.open();

  let sent = 0;
  let failedSends = 0;
  const started = performance.now();
  while (sent < count) {
    const [accepted, failures] = sendChunk(sender, count - sent);
    sent += accepted;
    failedSends += failures;
    await nextTurn();
  }
  await until(() => received + receiver.statistics.dropped >= count - failedSends, 'every message received');
  const seconds = (performance.now() - started) / 1_000;
  const { dropped } = receiver.statistics;
  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  return { messagesPerSecond: received / seconds, dropped, failedSends };
}

function engineSingle(): Promise<Outcome> {
  return throughEngine(singleMessages, (connection, remaining) => {
    const chunk = Math.min(singleChunk, remaining);
    let failures = 0;
    for (let i = 0; i < chunk; i++) {
      if (connection.sendSingleMessageWords(0, noteOn) !== MidiSendMessageResults.succeeded) failures++;
    }
    return [chunk, failures];
  });
}

function engineBulk(): Promise<Outcome> {
  return throughEngine(bulkMessages, (connection, remaining) => {
    const chunk = Math.min(bulkChunkWords, remaining);
    const result = connection.sendMultipleMessagesWordArray(0, 0, chunk, bulkWords);
    return [chunk, chunk - result.messagesSent];
  });
}

async function throughJs(count: number, bulk: boolean): Promise<Outcome> {
  let received = 0;
  const loop = new JsLoopback(
    (batch) => (received += batch.messageCount),
    () => MidiClock.now(),
  );
  const started = performance.now();
  for (let sent = 0; sent < count;) {
    if (bulk) {
      const chunk = Math.min(bulkChunkWords, count - sent);
      loop.sendMultipleMessagesWordArray(0, chunk, bulkWords);
      sent += chunk;
    } else {
      const end = Math.min(count, sent + singleChunk);
      for (; sent < end; sent++) loop.sendSingleMessageWords(noteOn);
    }
    await nextTurn();
  }
  await until(() => received >= count, 'every message through the JS loopback');
  return { messagesPerSecond: count / ((performance.now() - started) / 1_000), dropped: 0, failedSends: 0 };
}

/** jzz's engine is global and cannot be reopened once closed: one loop serves every run. */
let jzzReceived = 0;
const jzzLoop = openJzzLoopback(() => jzzReceived++);

async function throughJzz(): Promise<Outcome> {
  const loop = await jzzLoop;
  const target = jzzReceived + jzzMessages;
  const started = performance.now();
  for (let sent = 0; sent < jzzMessages; sent++) loop.send(noteOnBytes);
  await until(() => jzzReceived >= target, 'every message through jzz');
  return {
    messagesPerSecond: jzzMessages / ((performance.now() - started) / 1_000),
    dropped: 0,
    failedSends: 0,
  };
}

async function main(): Promise<void> {
  const runs = {
    engineSingle: [] as Outcome[],
    engineBulk: [] as Outcome[],
    jsSingle: [] as Outcome[],
    jsBulk: [] as Outcome[],
    jzz: [] as Outcome[],
  };
  // One untimed round warms the JIT and the allocator; then the variants alternate so that
  // noise from other work on the machine spreads over all of them.
  progress('warm-up');
  await engineSingle();
  await engineBulk();
  await throughJs(singleMessages, false);
  await throughJs(bulkMessages, true);
  await throughJzz();
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    runs.engineSingle.push(await engineSingle());
    runs.jsSingle.push(await throughJs(singleMessages, false));
    runs.engineBulk.push(await engineBulk());
    runs.jsBulk.push(await throughJs(bulkMessages, true));
    runs.jzz.push(await throughJzz());
  }

  const rate = (outcomes: Outcome[]) =>
    acrossRepetitions(outcomes.map((outcome) => outcome.messagesPerSecond));
  const figures = (ours: Outcome[], theirs: Outcome[]) => {
    const [engineRate, peerRate] = [rate(ours), rate(theirs)];
    return {
      figure: engineRate.median,
      figureRange: [engineRate.min, engineRate.max] as [number, number],
      peerFigure: peerRate.median,
      peerRange: [peerRate.min, peerRate.max] as [number, number],
    };
  };
  const losses = (outcomes: Outcome[]) => {
    const dropped = outcomes.reduce((sum, outcome) => sum + outcome.dropped, 0);
    const failed = outcomes.reduce((sum, outcome) => sum + outcome.failedSends, 0);
    return dropped + failed === 0
      ? undefined
      : `${dropped} dropped and ${failed} refused over all repetitions`;
  };
  const jsPeer = 'pure-JS loopback (queue + setImmediate batches)';
  const jzzPeer = 'jzz 1.9.6 virtual MIDI-Out -> Widget -> MIDI-In, UMP mode, one send() per message';
  const single = 'loopback UMP32, sendSingleMessageWords per message, into a batch handler';
  const bulk = `loopback UMP32, sendMultipleMessagesWordArray of ${bulkChunkWords} messages, into a batch handler`;
  const common = { unit: 'messages/s', higherIsBetter: true, repetitions };
  const singleTarget = { value: 2_000_000, text: '>= 2,000,000' };
  const bulkTarget = { value: 10_000_000, text: '>= 10,000,000' };
  const rows: BenchRow[] = [
    row({
      ...common,
      work: single,
      ...figures(runs.engineSingle, runs.jsSingle),
      peer: jsPeer,
      peerOrigin: 'ours',
      target: singleTarget,
      note: losses(runs.engineSingle),
    }),
    row({
      ...common,
      work: single,
      ...figures(runs.engineSingle, runs.jzz),
      peer: jzzPeer,
      peerOrigin: 'outside',
      target: singleTarget,
    }),
    row({
      ...common,
      work: bulk,
      ...figures(runs.engineBulk, runs.jsBulk),
      peer: jsPeer,
      peerOrigin: 'ours',
      target: bulkTarget,
      note: losses(runs.engineBulk),
    }),
  ];
  (await jzzLoop).close();
  publish({
    benchmark: 'engine/throughput',
    description:
      `Messages per second from the first send until the receiving batch handler has seen all of them ` +
      `(${singleMessages.toLocaleString('en')} single sends in chunks of ${singleChunk.toLocaleString('en')}, ` +
      `${bulkMessages.toLocaleString('en')} messages in bulk, ${jzzMessages.toLocaleString('en')} through jzz); ` +
      `median of ${repetitions} repetitions, the lowest and highest in brackets. Single sends are compared with ` +
      `single sends, bulk with bulk.`,
    rows,
    notes: [
      'The engine crosses threads on every batch: sends write into the receiver ring on the JS thread, a wake-up goes through a thread-safe function, and the handler drains the ring on a later turn of the event loop.',
      'The pure-JS peer never leaves the JS thread: it copies into a JS queue and delivers on setImmediate.',
      'jzz delivers synchronously inside send(), creating a JZZ.UMP object at each hop of its port graph. It has no multi-message send, so it has no bulk row.',
    ],
  });
}

void main();
