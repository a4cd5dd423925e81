// Network MIDI 2.0 over 127.0.0.1 with FEC on (3 copies) and retransmission on:
//  - throughput: a MIDI Scope client floods a MIDI Scope host with UMP32 (many UMP Data commands
//    per datagram), counted at the host's handler, checking nothing was lost; peer: pymidi2's
//    client (an independent Python implementation, outside the repo: PYMIDI2_DIR) flooding the
//    same host, inside a network namespace this benchmark creates;
//  - latency: one UMP32 at a time, 1 ms apart, from sendUmp() to the peer session's handler (the
//    same process, one clock); peer: a bare Node UDP datagram of the same size, no protocol.
import dgram from 'node:dgram';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { NetworkClient, NetworkHost, type NetworkSession } from '../../src/transports/network';
import { publish, row, type BenchRow } from '../engine/support/benchReport';
import { median, spread } from '../engine/support/statistics';

const repetitions = 3;
const floodMessages = 1_000_000;
const chunk = 4096;
const latencySamples = 2000;
const noteOn = 0x2090_3c64;

async function pair(): Promise<{
  host: NetworkHost;
  client: NetworkClient;
  from: NetworkSession;
  to: NetworkSession;
}> {
  const options = { fecCount: 3, retransmitDepth: 4096, pingIntervalMs: 1000, pingAttempts: 30 };
  const host = await NetworkHost.start({
    endpointName: 'bench host',
    productInstanceId: 'BENCH-H',
    session: options,
  });
  const client = await NetworkClient.create({
    endpointName: 'bench client',
    productInstanceId: 'BENCH-C',
    host: { address: '127.0.0.1', port: host.local.port },
    session: options,
  });
  const from = await client.connect();
  while (host.sessions.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  return { host, client, from, to: host.sessions[0] };
}

async function throughputOnce(): Promise<{ rate: number; lost: number; received: number }> {
  const { host, client, from, to } = await pair();
  const words = new Uint32Array(chunk).fill(noteOn);
  let received = 0;
  let last = 0n;
  to.listen({
    ump: (_words, messages) => {
      received += messages;
      last = process.hrtime.bigint();
    },
  });
  const start = process.hrtime.bigint();
  for (let sent = 0; sent < floodMessages; sent += chunk) {
    from.sendUmp(words, Math.min(chunk, floodMessages - sent));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const deadline = Date.now() + 20_000;
  while (received + to.counters.lost < floodMessages && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 5));
  const lost = to.counters.lost + (floodMessages - received - to.counters.lost);
  await client.close();
  await host.close();
  return { rate: received / (Number(last - start) / 1e9), lost, received };
}

async function latencyOnce(): Promise<ReturnType<typeof spread>> {
  const { host, client, from, to } = await pair();
  const samples = new Float64Array(latencySamples);
  let received = 0;
  let sentAt = 0n;
  to.listen({
    ump: () => {
      samples[received++] = Number(process.hrtime.bigint() - sentAt) / 1000;
    },
  });
  const word = Uint32Array.of(noteOn);
  for (let i = 0; i < latencySamples; i++) {
    sentAt = process.hrtime.bigint();
    from.sendUmp(word);
    const target = i + 1;
    while (received < target) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await client.close();
  await host.close();
  return spread(samples);
}

async function bareUdpLatencyOnce(): Promise<ReturnType<typeof spread>> {
  const a = dgram.createSocket('udp4');
  const b = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => a.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => b.bind(0, '127.0.0.1', resolve));
  const samples = new Float64Array(latencySamples);
  let received = 0;
  let sentAt = 0n;
  b.on('message', () => {
    samples[received++] = Number(process.hrtime.bigint() - sentAt) / 1000;
  });
  const payload = Buffer.alloc(4 + 4 * 4 + 4 * 4 * 4); // what a UMP32 datagram with 3 FEC copies weighs
  for (let i = 0; i < latencySamples; i++) {
    sentAt = process.hrtime.bigint();
    a.send(payload, b.address().port, '127.0.0.1');
    const target = i + 1;
    while (received < target) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  a.close();
  b.close();
  return spread(samples);
}

function pymidi2Throughput(): { rate: number; lost: number } | string {
  const dir = process.env.PYMIDI2_DIR;
  if (!dir) return 'PYMIDI2_DIR is not set';
  const peer = join(__dirname, 'support', 'pymidi2Peer.js');
  try {
    const output = execFileSync(
      'unshare',
      [
        '-rn',
        'sh',
        '-c',
        `ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec "${process.execPath}" "${peer}" 60000`,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
      messages?: number;
      seconds?: number;
      lost?: number;
      error?: string;
    };
    if (result.error || !result.messages || !result.seconds) return result.error ?? output;
    return { rate: result.messages / result.seconds, lost: 60000 - result.messages };
  } catch (error) {
    return String(error);
  }
}

async function main(): Promise<void> {
  const throughput: number[] = [];
  const losses: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  const udp50: number[] = [];
  const udp99: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const flood = await throughputOnce();
    throughput.push(flood.rate);
    losses.push(flood.lost);
    const latency = await latencyOnce();
    p50.push(latency.p50);
    p99.push(latency.p99);
    const bare = await bareUdpLatencyOnce();
    udp50.push(bare.p50);
    udp99.push(bare.p99);
  }
  const peer = pymidi2Throughput();
  const rows: BenchRow[] = [
    row({
      work: 'UMP32 over 127.0.0.1, FEC 3 + retransmit, client → host, at the host handler',
      unit: 'UMP/s',
      figure: median(throughput),
      peer:
        typeof peer === 'string'
          ? `pymidi2 client → MIDI Scope host (outside; unavailable: ${peer.slice(0, 80)})`
          : 'pymidi2 client (outside, Python, no FEC) → MIDI Scope host',
      peerOrigin: typeof peer === 'string' ? 'none' : 'outside',
      peerFigure: typeof peer === 'string' ? null : peer.rate,
      higherIsBetter: true,
      repetitions,
      target: { value: 1_000_000, text: '>= 1,000,000' },
      note: `lost per repetition: ${losses.join(', ')}${typeof peer === 'string' ? '' : `; pymidi2 lost ${peer.lost}`}`,
    }),
    row({
      work: 'one UMP32, sendUmp() to the host session handler, 1 ms apart (p50)',
      unit: 'µs',
      figure: median(p50),
      peer: 'bare Node dgram datagram of the same size, no protocol (ours, the floor)',
      peerOrigin: 'ours',
      peerFigure: median(udp50),
      higherIsBetter: false,
      repetitions,
      target: { value: 100, text: '<= 100' },
    }),
    row({
      work: 'one UMP32, sendUmp() to the host session handler, 1 ms apart (p99)',
      unit: 'µs',
      figure: median(p99),
      peer: 'bare Node dgram datagram of the same size, no protocol (ours, the floor)',
      peerOrigin: 'ours',
      peerFigure: median(udp99),
      higherIsBetter: false,
      repetitions,
      target: { value: 500, text: '<= 500' },
    }),
  ];
  publish({
    benchmark: 'network/network',
    description: 'Network MIDI 2.0 over 127.0.0.1: throughput with FEC on, and send-to-handler latency',
    rows,
    notes: [
      'host and client run in one Node process (one event loop): the throughput figure includes both ends',
      'the pymidi2 peer sends one UMP Data command per UMP, 100 per datagram, without FEC, 60,000 UMP (its sequence numbers do not wrap at 65,535: it fails past them); its run is inside a network namespace',
    ],
  });
  process.exit(0);
}

void main();
