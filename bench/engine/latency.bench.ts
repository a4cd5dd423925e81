// One-way latency from a send to the JS handler, messages spaced 1 ms apart so every message
// finds the event loop idle: the engine's arrival timestamp (stamped natively when the message
// entered the receive ring) against MidiClock.now() in the batch handler. Peer: the pure-JS
// loopback, timed the same way with its own arrival stamps.
import { publish, progress, row } from './support/benchReport';
import { delay, loadEngine, until } from './support/engine';
import { JsLoopback } from './support/jsLoopback';
import { acrossRepetitions, median, spread } from './support/statistics';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiSession } = engine;

const repetitions = 5;
const messagesPerRepetition = 1_000;
const spacingMs = 1;
const noteOn = 0x2593_7864;
const ticksPerMicrosecond = MidiClock.timestampFrequency / 1_000_000;

type Spread = ReturnType<typeof spread>;

async function engineLatency(): Promise<Spread> {
  const associationId = `bench-latency-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'latency A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'latency B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('latency bench');
  const sender = session.createEndpointConnection(pair.endpointDeviceIdA);
  const receiver = session.createEndpointConnection(pair.endpointDeviceIdB);
  const samples = new Float64Array(messagesPerRepetition);
  let received = 0;
  receiver.onMessagesReceived(({ timestamps, messageCount }) => {
    const now = MidiClock.now();
    for (let i = 0; i < messageCount && received < samples.length; i++) {
      samples[received++] = (now - timestamps[i]) / ticksPerMicrosecond;
    }
  });
  sender.open();
  receiver.open();
  for (let sent = 0; sent < messagesPerRepetition; sent++) {
    sender.sendSingleMessageWords(0, noteOn);
    await delay(spacingMs);
  }
  await until(() => received >= messagesPerRepetition, 'every latency probe');
  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  return spread(samples);
}

async function jsLatency(): Promise<Spread> {
  const samples = new Float64Array(messagesPerRepetition);
  let received = 0;
  const loop = new JsLoopback(
    ({ timestamps, messageCount }) => {
      const now = MidiClock.now();
      for (let i = 0; i < messageCount && received < samples.length; i++) {
        samples[received++] = (now - timestamps[i]) / ticksPerMicrosecond;
      }
    },
    () => MidiClock.now(),
  );
  for (let sent = 0; sent < messagesPerRepetition; sent++) {
    loop.sendSingleMessageWords(noteOn);
    await delay(spacingMs);
  }
  await until(() => received >= messagesPerRepetition, 'every JS latency probe');
  return spread(samples);
}

async function main(): Promise<void> {
  await engineLatency(); // warm-up
  await jsLatency();
  const engineRuns: Spread[] = [];
  const jsRuns: Spread[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    engineRuns.push(await engineLatency());
    jsRuns.push(await jsLatency());
  }
  const peer = 'pure-JS loopback (queue + setImmediate), same spacing';
  const work = (what: string) => `one-way latency send -> batch handler, ${what}, messages 1 ms apart`;
  const of = (runs: Spread[], key: keyof Spread) => median(runs.map((run) => run[key]));
  const rangeOf = (runs: Spread[], key: keyof Spread): [number, number] => {
    const { min, max } = acrossRepetitions(runs.map((run) => run[key]));
    return [min, max];
  };
  const common = { unit: 'µs', higherIsBetter: false, repetitions, peer, peerOrigin: 'ours' as const };
  const ranges = (key: keyof Spread) => ({
    figureRange: rangeOf(engineRuns, key),
    peerRange: rangeOf(jsRuns, key),
  });
  publish({
    benchmark: 'engine/latency',
    description:
      `${messagesPerRepetition} UMP32 messages per repetition, each sent with timestamp 0 after a 1 ms timer; ` +
      `latency = MidiClock.now() in the handler - the arrival timestamp stamped when the message entered the ` +
      `receive ring; median over ${repetitions} repetitions of each repetition's p50 / p99 / max, the lowest and highest repetition in brackets.`,
    rows: [
      row({
        ...common,
        work: work('p50'),
        ...ranges('p50'),
        figure: of(engineRuns, 'p50'),
        peerFigure: of(jsRuns, 'p50'),
        target: { value: 50, text: '<= 50' },
      }),
      row({
        ...common,
        work: work('p99'),
        ...ranges('p99'),
        figure: of(engineRuns, 'p99'),
        peerFigure: of(jsRuns, 'p99'),
        target: { value: 250, text: '<= 250' },
      }),
      row({
        ...common,
        work: work('max'),
        ...ranges('max'),
        figure: of(engineRuns, 'max'),
        peerFigure: of(jsRuns, 'max'),
      }),
    ],
    notes: [
      'The engine path: ring write on the sending thread, uv_async wake-up of the JS thread through a thread-safe function, drain into reused typed arrays, handler.',
      'The JS peer path: queue on the JS thread, setImmediate, handler. Both stamp arrival with MidiClock.now().',
    ],
  });
}

void main();
