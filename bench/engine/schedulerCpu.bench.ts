// What the scheduler costs the process it lives in (in VS Code: the extension host every other
// extension shares), beside how late it sends. Messages are scheduled at a steady rate into a
// loopback whose other side has a batch handler; the process's CPU time (every thread) and the
// scheduler thread's own ("midi-scheduler") are read over the window in which they come due,
// with the JS thread otherwise idle. The receiving side is either woken for every delivery (as a
// JS handler that must see each message at once) or paced as the monitor reads it
// (receiveBatchIntervalMs 33: 30 deliveries a second). Peers: the timer-driven JS priority queue
// of support/timerDrivenQueue.ts (ours) handing out the same rate into its callback, for the
// process; and for the scheduler thread, support/wakeFloor.c (ours): a C thread that does nothing
// but wake once per message, the least any scheduler thread can cost at that rate here.
// Idle: nothing scheduled, and 1,000,000 messages pending 1 to 2 hours ahead.
import type { MidiSchedulerPrecision } from '../../src/engine';
import { publish, progress, row, type BenchRow } from './support/benchReport';
import { cpuNote, processCpuUs, threadCpuUs } from './support/cpuTime';
import { delay, loadEngine, settled } from './support/engine';
import { describeStalls, machineStalls, type Stalls } from './support/machineStalls';
import { acrossRepetitions, spread } from './support/statistics';
import { BinaryHeap, TimerDrivenQueue } from './support/timerDrivenQueue';
import { wakeFloorPercent, wakeFloorPercentAsync } from './support/wakeFloor';

const engine = loadEngine();
const { MidiClock, MidiLoopbackEndpointManager, MidiScheduler, MidiSession } = engine;

const repetitions = 3;
const windowMs = 2_000;
const leadMs = 100;
const rates = [0, 100, 1_000, 10_000];
const idlePending = 1_000_000;
const stallProbeMs = 500;
const ticksPerMs = MidiClock.timestampFrequency / 1_000;
const ticksPerMicrosecond = MidiClock.timestampFrequency / 1_000_000;
const precisions: MidiSchedulerPrecision[] = ['balanced', 'precise', 'lowPower'];
/** The monitor's pacing: its default 30 updates a second. */
const monitorIntervalMs = 33;

interface Measured {
  /** Process CPU time over the window, in % of one core. */
  cpuPercent: number;
  /** The scheduler thread's CPU time over the window, in % of one core (engine only). */
  schedulerPercent: number;
  deliveredP99Us: number;
  handlerP99Us: number;
}

/** CPU shares of the window from `before` to now. */
function shares(before: { process: number; scheduler: number; wall: number }) {
  const wallUs = (performance.now() - before.wall) * 1_000;
  return {
    cpuPercent: ((processCpuUs() - before.process) / wallUs) * 100,
    schedulerPercent: ((threadCpuUs('midi-scheduler') - before.scheduler) / wallUs) * 100,
  };
}

const snapshot = () => ({
  process: processCpuUs(),
  scheduler: threadCpuUs('midi-scheduler'),
  wall: performance.now(),
});

async function engineRun(
  rate: number,
  precision: MidiSchedulerPrecision,
  pending = 0,
  receiveBatchIntervalMs = 0,
): Promise<Measured> {
  MidiScheduler.precision = precision;
  const associationId = `bench-scheduler-cpu-${process.pid}-${Math.random()}`;
  const pair = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId,
    endpointA: { name: 'cpu A', uniqueId: `${associationId}-A` },
    endpointB: { name: 'cpu B', uniqueId: `${associationId}-B` },
  });
  const session = MidiSession.create('scheduler cpu bench');
  const sender = session.createEndpointConnection(pair.endpointDeviceIdA);
  const receiver = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBatchIntervalMs });
  sender.open();
  receiver.open();
  if (pending > 0) {
    const base = MidiClock.now() + 3_600_000 * ticksPerMs;
    const far = Array.from({ length: pending }, (_, i) => ({
      timestamp: base + ((i * 7_919) % pending) * (3_600_000 / pending) * ticksPerMs,
      words: [0x2090_3c40],
    }));
    if (sender.sendMultipleMessagesPacketList(far).messagesSent !== pending)
      throw new Error('not all pending');
  }
  const count = Math.round((rate * windowMs) / 1_000);
  const delivered = new Float64Array(count);
  const handled = new Float64Array(count);
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everyMessage = new Promise<void>((resolve) => (allReceived = resolve));
  const first = MidiClock.now() + leadMs * ticksPerMs;
  const spacing = count > 0 ? MidiClock.timestampFrequency / rate : 0;
  const due = (index: number) => first + index * spacing;
  receiver.onMessagesReceived(({ words, timestamps, messageCount }) => {
    const now = MidiClock.now();
    for (let i = 0; i < messageCount; i++) {
      const index = words[i] & 0xffff;
      delivered[index] = (timestamps[i] - due(index)) / ticksPerMicrosecond;
      handled[index] = (now - due(index)) / ticksPerMicrosecond;
    }
    received += messageCount;
    if (received >= count) allReceived();
  });
  if (count > 0) {
    const packets = Array.from({ length: count }, (_, index) => ({
      timestamp: due(index),
      words: [(0x2090_0000 | index) >>> 0],
    }));
    if (sender.sendMultipleMessagesPacketList(packets).messagesSent !== count)
      throw new Error('not all scheduled');
  }
  await delay(leadMs);
  const before = snapshot();
  if (count > 0) await settled(everyMessage, `${count} scheduled messages`);
  else await delay(windowMs);
  const measured = shares(before);
  session.close();
  MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
  MidiScheduler.precision = 'balanced';
  return {
    ...measured,
    deliveredP99Us: count > 0 ? spread(delivered).p99 : 0,
    handlerP99Us: count > 0 ? spread(handled).p99 : 0,
  };
}

/** The floor: a C thread only waking at the same rate (its CPU in schedulerPercent). */
function floorRun(rate: number): Promise<Measured> {
  const count = Math.round((rate * windowMs) / 1_000);
  const percent = wakeFloorPercent(rate, count);
  return Promise.resolve({
    cpuPercent: percent,
    schedulerPercent: percent,
    deliveredP99Us: 0,
    handlerP99Us: 0,
  });
}

/**
 * The floor under a paced receiver: the floor thread (in a process of its own) plus this process
 * doing nothing but wake every 33 ms, as the monitor's pacing wakes the JS thread. The sum is the
 * least that one wake-up per message and a 30 Hz reader cost on this machine.
 */
async function pacedFloorRun(rate: number): Promise<Measured> {
  const count = Math.round((rate * windowMs) / 1_000);
  const timer = setInterval(() => undefined, monitorIntervalMs);
  const before = snapshot();
  const threadPercent = await wakeFloorPercentAsync(rate, count);
  const { cpuPercent } = shares(before);
  clearInterval(timer);
  return {
    cpuPercent: cpuPercent + threadPercent,
    schedulerPercent: threadPercent,
    deliveredP99Us: 0,
    handlerP99Us: 0,
  };
}

async function peerRun(rate: number, pending = 0): Promise<Measured> {
  const count = Math.round((rate * windowMs) / 1_000);
  const late = new Float64Array(count);
  const dueMs = new Float64Array(count);
  let received = 0;
  let allReceived: () => void = () => undefined;
  const everyMessage = new Promise<void>((resolve) => (allReceived = resolve));
  const scheduler = new TimerDrivenQueue(new BinaryHeap(), (id) => {
    if (id >= count) return;
    late[id] = (performance.now() - dueMs[id]) * 1_000;
    if (++received === count) allReceived();
  });
  const now = performance.now();
  for (let i = 0; i < pending; i++)
    scheduler.schedule(count + i, now + 3_600_000 + ((i * 7_919) % pending) * (3_600_000 / pending));
  const first = now + leadMs;
  for (let index = 0; index < count; index++) {
    dueMs[index] = first + (index * 1_000) / rate;
    scheduler.schedule(index, dueMs[index]);
  }
  await delay(leadMs);
  const before = snapshot();
  if (count > 0) await settled(everyMessage, `${count} timer-driven messages`);
  else await delay(windowMs);
  const measured = shares(before);
  scheduler.stop();
  const p99 = count > 0 ? spread(late).p99 : 0;
  return { ...measured, schedulerPercent: 0, deliveredP99Us: p99, handlerP99Us: p99 };
}

type Variant = { label: string; run: () => Promise<Measured> };

async function main(): Promise<void> {
  const variants: Variant[] = [];
  for (const rate of rates) {
    for (const precision of precisions)
      variants.push({ label: `engine ${precision} ${rate}`, run: () => engineRun(rate, precision) });
    variants.push({
      label: `engine paced ${rate}`,
      run: () => engineRun(rate, 'balanced', 0, monitorIntervalMs),
    });
    variants.push({ label: `peer ${rate}`, run: () => peerRun(rate) });
    if (rate > 0) variants.push({ label: `floor ${rate}`, run: () => floorRun(rate) });
    if (rate > 0) variants.push({ label: `paced floor ${rate}`, run: () => pacedFloorRun(rate) });
  }
  variants.push({ label: 'engine balanced idle', run: () => engineRun(0, 'balanced', idlePending) });
  variants.push({ label: 'peer idle', run: () => peerRun(0, idlePending) });

  const stalls: Stalls[] = [];
  const results = new Map<string, Measured[]>(variants.map((variant) => [variant.label, []]));
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    stalls.push(machineStalls(stallProbeMs));
    for (const variant of variants) results.get(variant.label)?.push(await variant.run());
  }

  const figure = (label: string, key: keyof Measured) => {
    const { min, median, max } = acrossRepetitions((results.get(label) ?? []).map((entry) => entry[key]));
    return { value: median, range: [min, max] as [number, number] };
  };
  const jsPeer = 'JS binary heap driving one setTimeout, same rate, into its callback';
  const floorPeer = 'a C thread that only wakes once per message (clock_nanosleep), same rate';
  const pacedFloorPeer =
    'the floor: that C thread, plus a Node process that only wakes every 33 ms (the monitor pace)';
  const rows: BenchRow[] = [];
  const push = (
    work: string,
    label: string,
    key: keyof Measured,
    peerLabel: string | null,
    peerKey: keyof Measured,
    unit: string,
    target?: { value: number; text: string },
  ) => {
    const ours = figure(label, key);
    const theirs = peerLabel === null ? null : figure(peerLabel, peerKey);
    const peerName =
      peerLabel === null
        ? 'none'
        : peerLabel.startsWith('paced floor')
          ? pacedFloorPeer
          : peerLabel.startsWith('floor')
            ? floorPeer
            : jsPeer;
    rows.push(
      row({
        work,
        unit,
        higherIsBetter: false,
        repetitions,
        figure: ours.value,
        figureRange: ours.range,
        peer: peerName,
        peerOrigin: theirs === null ? 'none' : 'ours',
        peerFigure: theirs?.value ?? null,
        peerRange: theirs?.range,
        target,
      }),
    );
  };
  for (const rate of rates) {
    const at = rate === 0 ? 'nothing scheduled' : `${rate.toLocaleString('en')} scheduled msg/s`;
    const settings = [
      ...precisions.map((precision) => ({
        label: `engine ${precision} ${rate}`,
        setting: `${precision === 'balanced' ? 'balanced (default)' : precision}, receiver woken per delivery`,
        paced: false,
      })),
      {
        label: `engine paced ${rate}`,
        setting: 'balanced (default), receiver paced as the monitor',
        paced: true,
      },
    ];
    for (const { label, setting, paced } of settings) {
      // The goal is the scheduler's cost in the editor: as the monitor receives, 1,000 msg/s.
      const goal = paced && rate === 1_000;
      push(
        `process CPU, ${at}, ${setting}`,
        label,
        'cpuPercent',
        `peer ${rate}`,
        'cpuPercent',
        '% of a core',
        goal ? { value: 2, text: '<= 2' } : undefined,
      );
      // Against the least any design costs here: one wake-up per message and a 30 Hz reader.
      if (paced && rate > 0)
        push(
          `process CPU, ${at}, ${setting}`,
          label,
          'cpuPercent',
          `paced floor ${rate}`,
          'cpuPercent',
          '% of a core',
        );
      push(
        `scheduler thread CPU, ${at}, ${setting}`,
        label,
        'schedulerPercent',
        rate > 0 ? `floor ${rate}` : null,
        'schedulerPercent',
        '% of a core',
      );
      if (rate > 0) {
        push(
          `lateness p99, delivered, ${at}, ${setting}`,
          label,
          'deliveredP99Us',
          null,
          'handlerP99Us',
          'µs',
          goal ? { value: 200, text: '<= 200' } : undefined,
        );
        if (!paced) {
          push(
            `lateness p99, JS handler, ${at}, ${setting}`,
            label,
            'handlerP99Us',
            `peer ${rate}`,
            'handlerP99Us',
            'µs',
          );
        }
      }
    }
  }
  push(
    `process CPU, idle with ${idlePending.toLocaleString('en')} pending, balanced (default)`,
    'engine balanced idle',
    'cpuPercent',
    'peer idle',
    'cpuPercent',
    '% of a core',
  );
  publish({
    benchmark: 'engine/schedulerCpu',
    description:
      `CPU time beside lateness: messages scheduled ${leadMs} ms ahead at a steady rate for ${windowMs / 1_000} s into ` +
      `a loopback with a batch handler (woken per delivery, or paced as the monitor); process CPU (every thread, process.cpuUsage) and the scheduler thread's own ` +
      `(/proc/self/task/*/schedstat) over the window, as a share of one core; lateness p99 as in engine/scheduler. ` +
      `Median of ${repetitions} repetitions, lowest and highest in brackets. Precision is MidiScheduler.precision.`,
    rows,
    notes: [
      describeStalls(stalls),
      cpuNote,
      'The JS peer has no scheduler thread: its whole cost is on the JS thread, in the process figure. The floor ' +
        "peer's figure is its one thread's CPU time over its wall time.",
      `"Paced as the monitor": the receiving connection has receiveBatchIntervalMs ${monitorIntervalMs}, as the ` +
        'monitor opens its connections (it redraws 30 times a second); its JS handler lateness is up to that by choice.',
    ],
  });
}

void main();
