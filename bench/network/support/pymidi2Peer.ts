// Runs inside a network namespace bench/network/network.bench.ts creates (pymidi2 starts an mDNS
// browser on import): a MIDI Scope host, and pymidi2's client flooding it. Prints
// {"messages":N,"seconds":S} measured at the host's handler from the first to the last message.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { NetworkHost } from '../../../src/transports/network';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? '200000');
  const host = await NetworkHost.start({ endpointName: 'bench host', productInstanceId: 'BENCH' });
  let first = 0n;
  let last = 0n;
  let messages = 0;
  host.onSession((session) =>
    session.listen({
      ump: (_words, received) => {
        const now = process.hrtime.bigint();
        if (messages === 0) first = now;
        last = now;
        messages += received;
      },
    }),
  );
  const script = join(__dirname, '..', '..', '..', '..', 'scripts', 'interop', 'pymidi2_flood.py');
  await new Promise<void>((resolve, reject) =>
    execFile(
      '/usr/bin/python3',
      [script, String(host.local.port), String(count)],
      { env: { ...process.env, PYTHONPATH: process.env.PYMIDI2_DIR } },
      (error) => (error ? reject(new Error(error.message)) : resolve()),
    ),
  );
  const lost = host.endedSessions[0]?.counters.lost ?? host.sessions[0]?.counters.lost ?? 0;
  await host.close();
  process.stdout.write(`${JSON.stringify({ messages, lost, seconds: Number(last - first) / 1e9 })}\n`);
}

void main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});
