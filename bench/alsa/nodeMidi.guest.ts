// MIDI Scope's engine (dist/engine.js, ours) against npm `midi` (node-midi, RtMidi; from outside)
// on the same ALSA port, in the ALSA test guest against the real kernel: `bash
// scripts/alsa-guest/bench.sh` runs it (not bench/run.mjs: it needs the guest's devices). The same
// work at the same measuring point for both: messages sent to Midi Through (snd-seq-dummy, client
// 14) come back to the same process, and a JS handler sees them; one clock (performance.now).
//   - latency: one note on at a time, from just before the send call to the handler;
//   - throughput: batches of 100 note ons, each batch waiting for its echo. node-midi sends one
//     message per call (its API); the engine one batch per call (sendMultipleMessagesWordList).
// The guest is an emulated CPU (TCG) on a shared machine: compare rows of one run, not runs.
// Figures are printed, never asserted. MIDI_SCOPE_NODE_MIDI is the folder setup-node-midi.sh made.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine } from '../../test/unit/engine/support/engine';
import { row, type BenchRow } from '../engine/support/benchReport';
import { median, spread } from '../engine/support/statistics';

interface Peer {
  name: string;
  /** Sends `count` note ons (one call or many, as the API is used) and resolves when all came back. */
  roundTrip(count: number): Promise<number>;
  close(): void;
}

interface NodeMidiPort {
  getPortCount(): number;
  getPortName(index: number): string;
  openPort(index: number): void;
  closePort(): void;
}
interface NodeMidiInput extends NodeMidiPort {
  on(event: 'message', listener: (deltaTime: number, message: number[]) => void): void;
  ignoreTypes(sysex: boolean, timing: boolean, activeSensing: boolean): void;
}
interface NodeMidiOutput extends NodeMidiPort {
  sendMessage(message: number[]): void;
}
interface NodeMidi {
  Input: new () => NodeMidiInput;
  Output: new () => NodeMidiOutput;
}

const latencyProbes = 500;
const throughputMessages = 10_000;
const batch = 100;
const repetitions = 3;
const lostAfterMs = 5_000;

/** Resolves when `arrived()` reaches `count`, or after lostAfterMs with what arrived (the rest was lost). */
function arrivals(arrived: () => number, count: number): Promise<number> {
  return new Promise((resolve) => {
    const deadline = performance.now() + lostAfterMs;
    const check = () => {
      if (arrived() >= count || performance.now() > deadline) resolve(arrived());
      else setImmediate(check);
    };
    check();
  });
}

function nodeMidiPeer(): Peer {
  const folder = process.env.MIDI_SCOPE_NODE_MIDI;
  if (!folder) throw new Error('MIDI_SCOPE_NODE_MIDI is not set: run through scripts/alsa-guest/bench.sh');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const midi = require(join(folder, 'node_modules', 'midi')) as NodeMidi;
  const input = new midi.Input();
  const output = new midi.Output();
  const index = (port: NodeMidiPort) => {
    for (let i = 0; i < port.getPortCount(); i++) if (/ 14:0$/.test(port.getPortName(i))) return i;
    throw new Error('node-midi does not list Midi Through (14:0)');
  };
  let received = 0;
  input.on('message', () => received++);
  input.ignoreTypes(false, false, false);
  input.openPort(index(input));
  output.openPort(index(output));
  return {
    name: 'npm midi 2.0.0 (node-midi, RtMidi), one sendMessage per message',
    async roundTrip(count) {
      received = 0;
      for (let i = 0; i < count; i++) output.sendMessage([0x90, 60, 100]);
      return arrivals(() => received, count);
    },
    close() {
      input.closePort();
      output.closePort();
    },
  };
}

const engine = loadEngine();

function enginePeer(): Peer {
  const session = engine.MidiSession.create('alsa bench');
  const connection = session.createEndpointConnection('alsa:14:0');
  let received = 0;
  connection.onMessagesReceived((messages) => (received += messages.messageCount));
  if (!connection.open()) throw new Error('the engine cannot open Midi Through (alsa:14:0)');
  const words = new Uint32Array(2 * batch);
  for (let i = 0; i < batch; i++) words.set([0x4090_3c00, 0xc800_0000], 2 * i);
  return {
    name: 'MIDI Scope engine (dist/engine.js), MIDI 2.0 note ons, one call per batch',
    async roundTrip(count) {
      received = 0;
      const result = connection.sendMultipleMessagesWordArray(0, 0, 2 * count, words);
      if (!engine.MidiEndpointConnection.sendMessageSucceeded(result.result)) {
        throw new Error(`send failed: ${engine.describeSendResult(result.result).join(', ')}`);
      }
      return arrivals(() => received, count);
    },
    close() {
      session.close();
    },
  };
}

async function latency(peer: Peer): Promise<{ p50: number; p99: number; lost: number }> {
  const samples: number[] = [];
  let lost = 0;
  for (let i = 0; i < latencyProbes; i++) {
    const start = performance.now();
    const arrived = await peer.roundTrip(1);
    if (arrived < 1) lost++;
    else samples.push((performance.now() - start) * 1000);
  }
  const { p50, p99 } = spread(samples);
  return { p50, p99, lost };
}

async function throughput(peer: Peer): Promise<{ rate: number; lost: number }> {
  let lost = 0;
  const start = performance.now();
  for (let sent = 0; sent < throughputMessages; sent += batch) lost += batch - (await peer.roundTrip(batch));
  return { rate: throughputMessages / ((performance.now() - start) / 1000), lost };
}

async function main(): Promise<void> {
  // One peer subscribed to Midi Through at a time: the other's input would take every echo too.
  const makers = { ours: enginePeer, outside: nodeMidiPeer };
  const names = { ours: '', outside: '' };
  const figures = {
    ours: { rate: [] as number[], p50: [] as number[], p99: [] as number[], lost: 0 },
    outside: { rate: [] as number[], p50: [] as number[], p99: [] as number[], lost: 0 },
  };
  for (let repetition = 0; repetition < repetitions; repetition++) {
    // Alternating who goes first, so a slow phase of the machine does not favour one side.
    const order = repetition % 2 === 0 ? (['ours', 'outside'] as const) : (['outside', 'ours'] as const);
    for (const who of order) {
      const peer = makers[who]();
      names[who] = peer.name;
      const t = await throughput(peer);
      const l = await latency(peer);
      peer.close();
      figures[who].rate.push(t.rate);
      figures[who].p50.push(l.p50);
      figures[who].p99.push(l.p99);
      figures[who].lost += t.lost + l.lost;
      process.stderr.write(
        `  ${who} repetition ${repetition + 1}: ${Math.round(t.rate)} msg/s, p50 ${l.p50.toFixed(1)} µs, p99 ${l.p99.toFixed(1)} µs, lost ${t.lost + l.lost}\n`,
      );
    }
  }
  engine.shutdownEngine();
  const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  const common = { peer: names.outside, peerOrigin: 'outside' as const, repetitions };
  const rows: BenchRow[] = [
    row({
      ...common,
      work: `Midi Through round trips, batches of ${batch}, ${throughputMessages} messages (lost: ours ${figures.ours.lost}, node-midi ${figures.outside.lost})`,
      unit: 'msg/s',
      figure: median(figures.ours.rate),
      figureRange: range(figures.ours.rate),
      peerFigure: median(figures.outside.rate),
      peerRange: range(figures.outside.rate),
      higherIsBetter: true,
      target: { value: 10 * median(figures.outside.rate), text: ">= 10x node-midi's rate" },
    }),
    row({
      ...common,
      work: 'Midi Through round trip, one note on at a time, send call to JS handler, p50',
      unit: 'µs',
      figure: median(figures.ours.p50),
      figureRange: range(figures.ours.p50),
      peerFigure: median(figures.outside.p50),
      peerRange: range(figures.outside.p50),
      higherIsBetter: false,
    }),
    row({
      ...common,
      work: 'the same, p99',
      unit: 'µs',
      figure: median(figures.ours.p99),
      figureRange: range(figures.ours.p99),
      peerFigure: median(figures.outside.p99),
      peerRange: range(figures.outside.p99),
      higherIsBetter: false,
      target: { value: median(figures.outside.p99), text: "below node-midi's p99" },
    }),
  ];
  for (const each of rows) {
    console.log(
      `${each.work}\n  ours ${each.figure.toFixed(1)} ${each.unit} (${each.figureRange?.map((v) => v.toFixed(1)).join('-')})` +
        ` | ${each.peer} [${each.peerOrigin}] ${each.peerFigure?.toFixed(1)} ${each.unit}` +
        ` (${each.peerRange?.map((v) => v.toFixed(1)).join('-')}) | ratio ${each.ratio?.toFixed(2)}×` +
        (each.target ? ` | target ${each.target}: ${each.reachedTarget ? 'reached' : 'not reached'}` : ''),
    );
  }
  const out = process.env.MIDI_SCOPE_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify({ benchmark: 'alsa/node-midi', rows }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
