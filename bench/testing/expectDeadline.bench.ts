// How precisely `expect … within` judges a deadline. A message is scheduled (by the engine's
// scheduler) to arrive a little before or after the deadline of a running test; the runner's
// verdict is compared with the truth, which is the engine's own receive timestamp against the
// deadline. Peer: the same judgement made by when JavaScript saw the message (MidiClock.now() in
// the receive handler), as a runner that looks at its clock would judge.
import { parseTestFile, runTestFile } from '../../src/testing';
import { progress, publish, row } from '../engine/support/benchReport';
import { loadEngine } from '../engine/support/engine';
import { median } from '../engine/support/statistics';

const engine = loadEngine();
const { MidiClock, MidiDiagnostics, MidiSession } = engine;

const withinMs = 20;
const offsetsUs = [-500, -200, -100, -50, -20, 20, 50, 100, 200, 500];
const repetitions = 10;
const ticksPerMicrosecond = 10;

interface Trial {
  offsetUs: number;
  /** The truth: the engine's stamp is at or before the deadline. */
  stampedInTime: boolean;
  runnerPassed: boolean;
  /** What a JS-clock judge would say. */
  jsSawInTime: boolean;
  /** The engine's stamp minus the requested time, µs. */
  stampErrorUs: number;
  /** When JS saw it minus the engine's stamp, µs. */
  jsLagUs: number;
}

async function trial(offsetUs: number, note: number): Promise<Trial> {
  const a = MidiDiagnostics.diagnosticsLoopbackAEndpointId;
  const b = MidiDiagnostics.diagnosticsLoopbackBEndpointId;
  const session = MidiSession.create('deadline bench');
  const sender = session.createEndpointConnection(a);
  const watcher = session.createEndpointConnection(b);
  let stamp = 0;
  let seen = 0;
  watcher.onMessagesReceived(({ timestamps }) => {
    seen = MidiClock.now();
    stamp = timestamps[0];
  });
  sender.open();
  watcher.open();
  const word = (0x20900000 | (note << 8) | 0x40) >>> 0;
  const text = `endpoint a id "${a}"\nendpoint b id "${b}"\ntest "t"\n  expect b 0x${word.toString(16)} within ${withinMs}ms\nend\n`;
  let requested = 0;
  let deadline = 0;
  const [outcome] = await runTestFile(parseTestFile(text).file, {
    engine,
    observer: {
      testStarted: (_test, startTicks) => {
        deadline = startTicks + withinMs * 1000 * ticksPerMicrosecond;
        requested = deadline + offsetUs * ticksPerMicrosecond;
        sender.sendSingleMessageWords(requested, word);
      },
    },
  });
  // A late message may land after the runner's verdict: wait for it before closing.
  const waitUntil = Date.now() + 2000;
  while (stamp === 0 && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 1));
  session.close();
  return {
    offsetUs,
    stampedInTime: stamp <= deadline,
    runnerPassed: outcome.passed,
    jsSawInTime: seen <= deadline,
    stampErrorUs: (stamp - requested) / ticksPerMicrosecond,
    jsLagUs: (seen - stamp) / ticksPerMicrosecond,
  };
}

async function main(): Promise<void> {
  const trials: Trial[] = [];
  await trial(100, 1); // warm-up
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    for (const [index, offsetUs] of offsetsUs.entries()) trials.push(await trial(offsetUs, 2 + index));
  }
  const agreeing = (judge: (t: Trial) => boolean) =>
    (100 * trials.filter((t) => judge(t) === t.stampedInTime).length) / trials.length;
  const runnerAgrees = agreeing((t) => t.runnerPassed);
  const jsAgrees = agreeing((t) => t.jsSawInTime);
  const near = trials.filter((t) => Math.abs(t.offsetUs) <= 100);
  const nearAgree = (judge: (t: Trial) => boolean) =>
    (100 * near.filter((t) => judge(t) === t.stampedInTime).length) / near.length;
  const common = {
    repetitions,
    peer: 'the same verdict by when JS saw the message, MidiClock.now() in the handler',
    peerOrigin: 'ours' as const,
  };
  publish({
    benchmark: 'testing/expect-deadline',
    description:
      `expect … within ${withinMs}ms with a message the scheduler delivers ${offsetsUs.join(', ')} µs from the deadline, ` +
      `${repetitions} times each (${trials.length} trials); truth = the engine's receive timestamp against the deadline.`,
    rows: [
      row({
        ...common,
        work: 'verdicts that agree with the engine timestamp, all offsets',
        unit: '%',
        figure: runnerAgrees,
        peerFigure: jsAgrees,
        higherIsBetter: true,
        target: { value: 100, text: '100' },
      }),
      row({
        ...common,
        work: 'verdicts that agree with the engine timestamp, offsets within ±100 µs',
        unit: '%',
        figure: nearAgree((t) => t.runnerPassed),
        peerFigure: nearAgree((t) => t.jsSawInTime),
        higherIsBetter: true,
        target: { value: 100, text: '100' },
      }),
      row({
        ...common,
        work: 'judgement error: the time the verdict used minus the engine timestamp, median',
        unit: 'µs',
        figure: 0,
        peerFigure: median(trials.map((t) => t.jsLagUs)),
        higherIsBetter: false,
        target: { value: 100, text: '<= 100' },
        note: 'the runner compares the engine timestamp itself, so its error is 0 by construction; the peer is late by the wake-up latency',
      }),
      {
        work: 'where the scheduler put the message: engine timestamp minus requested time, median (context, not a verdict)',
        unit: 'µs',
        figure: median(trials.map((t) => t.stampErrorUs)),
        peer: 'none',
        peerOrigin: 'none',
        peerFigure: null,
        ratio: null,
        higherIsBetter: false,
        repetitions,
      },
    ],
    notes: [
      'A trial whose message was stamped in time passes and one stamped late fails, whenever the runner looks: the verdict is the engine timestamp against the deadline.',
      'The peer judges by the JS clock when the handler ran, which misjudges messages stamped just before the deadline when the wake-up is slower than their margin.',
    ],
  });
}

void main();
