// The scheduler: how fast 1,000,000 future messages go in, and how late messages come out while
// 1,000,000 others are pending. Peer: JS timers, one setTimeout per message, as an extension
// without this engine would schedule.
import { publish, progress, row } from './support/benchReport';
import { loadEngine, settled } from './support/engine';
import { median, spread } from './support/statistics';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiSession } = engine;

const repetitions = 5;
const pendingCount: number = 1_000_000;
const timerPendingCount = 1_000_000;
const probeCount = 1_000;
const probeLeadMs = 100;
const ticksPerMs = MidiClock.timestampFrequency / 1_000;
const ticksPerMicrosecond = MidiClock.timestampFrequency / 1_000_000;

/** A MIDI 1.0 note on whose note number and velocity carry `index` (0 to 16383). */
const probeWord = (index: number) => (0x2090_0000 | ((index >> 7) << 8) | (index & 0x7f)) >>> 0;
const probeIndex = (word: number) => (((word >> 8) & 0x7f) << 7) | (word & 0x7f);

/** Pseudo-random offsets (a fixed LCG, the same every run) between `fromMs` and `toMs`. */
function spreadOffsetsMs(count: number, fromMs: number, toMs: number): Float64Array {
  const offsets = new Float64Array(count);
  let state = 0x1234_5678;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    offsets[i] = fromMs + (state / 2 ** 32) * (toMs - fromMs);
  }
  return offsets;
}

const farOffsetsMs = spreadOffsetsMs(pendingCount, 3_600_000, 7_200_000);

interface EngineRun {
  singleInsertMs: number;
  listInsertMs: number;
  deliveredLateUs: ReturnType<typeof spread>;
  handlerLateUs: ReturnType<typeof spread>;
}

async function engineRun(): Promise<EngineRun> {
  const associationId = `bench-scheduler-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'scheduler A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'scheduler B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('scheduler bench');
  const sender = session.createEndpointConnection(pair.endpointDeviceIdA);
  const receiver = session.createEndpointConnection(pair.endpointDeviceIdB);
  sender.open();
  receiver.open();

  // 1,000,000 single sends, each with its own timestamp, in random time order.
  const base = MidiClock.now();
  const timestamps = farOffsetsMs.map((ms) => base + ms * ticksPerMs);
  let started = performance.now();
  for (let i = 0; i < pendingCount; i++) sender.sendSingleMessageWords(timestamps[i], 0x2090_3c40);
  const singleInsertMs = performance.now() - started;
  if (sender.statistics.pendingScheduled !== pendingCount)
    throw new Error('the single sends were not all scheduled');
  sender.cancelScheduled();

  // The same million as one packet list (built beforehand, not timed).
  const packets = Array.from(timestamps, (timestamp) => ({ timestamp, words: [0x2090_3c40] }));
  started = performance.now();
  const listed = sender.sendMultipleMessagesPacketList(packets);
  const listInsertMs = performance.now() - started;
  if (listed.messagesSent !== pendingCount) throw new Error('the packet list was not all scheduled');

  // With the million pending, probes 1 ms apart.
  const delivered = new Float64Array(probeCount);
  const handled = new Float64Array(probeCount);
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everyProbe = new Promise<void>((resolve) => (allReceived = resolve));
  const probeBase = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), probeLeadMs);
  const due = (index: number) => probeBase + index * ticksPerMs;
  receiver.onMessagesReceived(({ words, timestamps: arrivals, messageCount }) => {
    const now = MidiClock.now();
    for (let i = 0; i < messageCount; i++) {
      const index = probeIndex(words[i]);
      delivered[index] = (arrivals[i] - due(index)) / ticksPerMicrosecond;
      handled[index] = (now - due(index)) / ticksPerMicrosecond;
      received++;
    }
    if (received >= probeCount) allReceived();
  });
  for (let index = 0; index < probeCount; index++)
    sender.sendSingleMessageWords(due(index), probeWord(index));
  // Waits with the event loop idle, as the timer peer does (see `settled`).
  await settled(everyProbe, 'every scheduler probe');
  const stillPending = sender.statistics.pendingScheduled;
  if (stillPending !== pendingCount)
    throw new Error(`expected ${pendingCount} pending, found ${stillPending}`);

  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  return { singleInsertMs, listInsertMs, deliveredLateUs: spread(delivered), handlerLateUs: spread(handled) };
}

interface TimerRun {
  insertMs: number;
  lateUs: ReturnType<typeof spread>;
}

async function timerRun(): Promise<TimerRun> {
  const noop = () => undefined;
  const handles: NodeJS.Timeout[] = new Array<NodeJS.Timeout>(timerPendingCount);
  const started = performance.now();
  for (let i = 0; i < timerPendingCount; i++) handles[i] = setTimeout(noop, farOffsetsMs[i]);
  const insertMs = performance.now() - started;

  const late = new Float64Array(probeCount);
  let received = 0;
  const probeBase = performance.now() + probeLeadMs;
  await new Promise<void>((resolve) => {
    for (let index = 0; index < probeCount; index++) {
      const due = probeBase + index;
      setTimeout(() => {
        late[index] = (performance.now() - due) * 1_000;
        if (++received === probeCount) resolve();
      }, due - performance.now());
    }
  });
  for (const handle of handles) clearTimeout(handle);
  return { insertMs, lateUs: spread(late) };
}

/**
 * How often this machine takes the CPU away from a thread that never yields: the floor under any
 * lateness figure. Spins for `ms` and reports the gaps between consecutive clock readings.
 */
function machineStalls(ms: number): string {
  const gapsUs: number[] = [];
  let last = process.hrtime.bigint();
  const end = last + BigInt(ms) * 1_000_000n;
  for (let now = last; now < end; now = process.hrtime.bigint()) {
    const gapUs = Number(now - last) / 1_000;
    if (gapUs > 100) gapsUs.push(gapUs);
    last = now;
  }
  const over200 = gapsUs.filter((gap) => gap > 200).length;
  const worst = gapsUs.length === 0 ? 0 : Math.max(...gapsUs);
  return (
    `The machine itself: a thread spinning for ${ms} ms without yielding lost the CPU ${over200} times for more ` +
    `than 200 µs (worst ${worst.toFixed(0)} µs); no scheduler can be more punctual than its thread is scheduled.`
  );
}

async function main(): Promise<void> {
  const stalls = machineStalls(2_000);
  const engineRuns: EngineRun[] = [];
  const timerRuns: TimerRun[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    engineRuns.push(await engineRun());
    timerRuns.push(await timerRun());
  }
  const med = (values: number[]) => median(values);
  const timerPeer = `setTimeout per message (${timerPendingCount.toLocaleString('en')} pending)`;
  const insertCommon = { unit: 'ms', higherIsBetter: false, repetitions, peer: timerPeer };
  const insertTarget = { value: 1_000, text: '<= 1,000' };
  const timerInsert = med(timerRuns.map((run) => run.insertMs));
  const lateCommon = { unit: 'µs', higherIsBetter: false, repetitions, peer: timerPeer };
  const engineLate = (key: 'p50' | 'p99' | 'max', which: 'deliveredLateUs' | 'handlerLateUs') =>
    med(engineRuns.map((run) => run[which][key]));
  const timerLate = (key: 'p50' | 'p99' | 'max') => med(timerRuns.map((run) => run.lateUs[key]));
  const lateWork = (key: string, where: string) =>
    `scheduler lateness ${key} with 1,000,000 pending, ${where}, probes 1 ms apart`;
  publish({
    benchmark: 'engine/scheduler',
    description:
      `Insert: ${pendingCount.toLocaleString('en')} messages with their own timestamps 1 to 2 hours ahead in random ` +
      `order. Lateness: ${probeCount} probes scheduled ${probeLeadMs} ms ahead, 1 ms apart, while the million wait; ` +
      `"delivered" is the native arrival timestamp - the scheduled one, "handler" is MidiClock.now() in the JS ` +
      `handler - the scheduled one. Timers: performance.now() in the callback - the intended time. Median over ` +
      `${repetitions} repetitions.`,
    rows: [
      row({
        ...insertCommon,
        work: '1,000,000 scheduled inserts, one sendSingleMessageWords each',
        figure: med(engineRuns.map((run) => run.singleInsertMs)),
        peerFigure: timerInsert,
        target: insertTarget,
      }),
      row({
        ...insertCommon,
        work: '1,000,000 scheduled inserts, one sendMultipleMessagesPacketList',
        figure: med(engineRuns.map((run) => run.listInsertMs)),
        peerFigure: timerInsert,
        target: insertTarget,
      }),
      row({
        ...lateCommon,
        work: lateWork('p50', 'delivered'),
        figure: engineLate('p50', 'deliveredLateUs'),
        peerFigure: timerLate('p50'),
      }),
      row({
        ...lateCommon,
        work: lateWork('p99', 'delivered'),
        figure: engineLate('p99', 'deliveredLateUs'),
        peerFigure: timerLate('p99'),
        target: { value: 200, text: '<= 200' },
      }),
      row({
        ...lateCommon,
        work: lateWork('max', 'delivered'),
        figure: engineLate('max', 'deliveredLateUs'),
        peerFigure: timerLate('max'),
      }),
      row({
        ...lateCommon,
        work: lateWork('p50', 'JS handler'),
        figure: engineLate('p50', 'handlerLateUs'),
        peerFigure: timerLate('p50'),
      }),
      row({
        ...lateCommon,
        work: lateWork('p99', 'JS handler'),
        figure: engineLate('p99', 'handlerLateUs'),
        peerFigure: timerLate('p99'),
      }),
      row({
        ...lateCommon,
        work: lateWork('max', 'JS handler'),
        figure: engineLate('max', 'handlerLateUs'),
        peerFigure: timerLate('max'),
      }),
    ],
    notes: [
      stalls,
      `The timer peer schedules ${timerPendingCount.toLocaleString('en')} setTimeout calls with the same offsets; Node groups timers by duration, so a million distinct durations is its worst case, and its resolution is 1 ms.`,
      'Negative lateness means early: Node timers round to whole milliseconds and can fire up to 1 ms before the intended time.',
    ],
  });
}

void main();
