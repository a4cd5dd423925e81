// Does a bulk send hold up scheduled messages to other receivers of the same endpoint? Two
// connections receive on one loopback endpoint; the JS thread sends 64K-word bulks to it back to
// back while the scheduler delivers probes to the same endpoint, 1 ms apart. Delivered lateness
// (the native arrival stamp minus the scheduled timestamp, read at the second receiver) with the
// bulk traffic, against the same probes with no bulk traffic. Delivery copies at most 4,096 words
// per lock hold and locks one receiver at a time (native/engine/connection_inbox.h), so a probe
// should wait behind at most one chunk, not behind a whole 64K-word copy into every receiver.
import { publish, progress, row } from './support/benchReport';
import { loadEngine, nextTurn, until } from './support/engine';
import { acrossRepetitions, median, spread } from './support/statistics';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiSession } = engine;

const repetitions = 5;
const probesPerRepetition = 500;
const bulkWords = 65_536;
const probeWord = 0x2a90_3c64; // group 10: tells probes from the bulk's group-0 notes
const ticksPerMicrosecond = MidiClock.timestampFrequency / 1_000_000;

type Spread = ReturnType<typeof spread>;

async function probeLateness(withBulk: boolean): Promise<{ lateness: Spread; bulksSent: number }> {
  const associationId = `bench-bulk-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'bulk A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'bulk B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('bulk lateness bench');
  const sender = session.createEndpointConnection(pair.endpointDeviceIdA);
  const bulkSink = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBufferWords: 1 << 22 });
  const probeSink = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBufferWords: 1 << 22 });
  const scheduledAt = new Float64Array(probesPerRepetition);
  const samples = new Float64Array(probesPerRepetition);
  let received = 0;
  bulkSink.onMessagesReceived(() => undefined);
  probeSink.onMessagesReceived(({ words, timestamps, messageCount }) => {
    for (let i = 0; i < messageCount; i++) {
      if (words[i] !== probeWord || received >= probesPerRepetition) continue;
      samples[received] = (timestamps[i] - scheduledAt[received]) / ticksPerMicrosecond;
      received++;
    }
  });
  sender.open();
  bulkSink.open();
  probeSink.open();
  const start = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 20);
  for (let i = 0; i < probesPerRepetition; i++) {
    scheduledAt[i] = MidiClock.offsetTimestampByMilliseconds(start, i);
    sender.sendSingleMessageWords(scheduledAt[i], probeWord);
  }
  const bulk = new Uint32Array(bulkWords).fill(0x2090_3c64);
  let bulksSent = 0;
  while (received < probesPerRepetition) {
    if (withBulk) {
      sender.sendMultipleMessagesWordArray(0, 0, bulkWords, bulk);
      bulksSent++;
    }
    await nextTurn(); // let the handlers drain
  }
  await until(() => received >= probesPerRepetition, 'every probe');
  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  return { lateness: spread(samples), bulksSent };
}

async function main(): Promise<void> {
  await probeLateness(true); // warm-up
  const busy: Spread[] = [];
  const quiet: Spread[] = [];
  let bulks = 0;
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    const withBulk = await probeLateness(true);
    busy.push(withBulk.lateness);
    bulks += withBulk.bulksSent;
    quiet.push((await probeLateness(false)).lateness);
  }
  const of = (runs: Spread[], key: keyof Spread) => median(runs.map((run) => run[key]));
  const rangeOf = (runs: Spread[], key: keyof Spread): [number, number] => {
    const { min, max } = acrossRepetitions(runs.map((run) => run[key]));
    return [min, max];
  };
  const peer = 'the same probes with no bulk traffic (the floor)';
  const common = { unit: 'µs', higherIsBetter: false, repetitions, peer, peerOrigin: 'ours' as const };
  const line = (key: keyof Spread, target?: { value: number; text: string }) =>
    row({
      ...common,
      work: `scheduled-message lateness ${key}, delivered, while 64K-word bulk sends go to the same endpoint`,
      figure: of(busy, key),
      figureRange: rangeOf(busy, key),
      peerFigure: of(quiet, key),
      peerRange: rangeOf(quiet, key),
      ...(target ? { target } : {}),
    });
  publish({
    benchmark: 'engine/bulk-send-lateness',
    description:
      `${probesPerRepetition} probes per repetition scheduled 1 ms apart to a loopback endpoint with two receivers, ` +
      `while the JS thread sends ${bulkWords.toLocaleString('en-US')}-word bulks to the same endpoint back to back ` +
      `(${Math.round(bulks / repetitions)} bulks per repetition); lateness = native arrival stamp - scheduled ` +
      `timestamp at the second receiver; median over ${repetitions} repetitions, lowest and highest in brackets.`,
    rows: [line('p50'), line('p99', { value: 200, text: '<= 200' }), line('max')],
    notes: [
      'Each bulk is copied into both receivers chunk by chunk (4,096 words per lock hold, one receiver at a time); a probe that comes due waits behind at most the chunk being copied into its own receiver.',
      'The JS thread is busy sending bulks the whole time, so this also shows that the scheduler thread does not need the JS thread to deliver.',
    ],
  });
}

void main();
