// A MIDI Scope network client for interop runs against other implementations' hosts
// (scripts/interop/amidi2net.sh): the host must send every UMP it receives back (amidi2net's
// sequencer hub connected to itself does). It invites, authenticates, then measures:
//   echo      one MIDI 2.0 Note On at a time: round-trip time from send to its echo
//   flood     `count` messages with at most `window` unanswered: every one back once, in order
//   reset     Session Reset, then the echo works again
// and ends with Bye. Prints one JSON line per phase and a final `result` line; exits 1 on a
// missing, duplicated or reordered echo, a lost UMP, or a failed invitation.
//   node out/bench/network/support/interopClient.js PORT <none|sharedSecret S|user NAME PASSWORD>
//        [--count N] [--window W] [--echo N] [--fec N] [--ping-attempts N] [--retransmit-attempts N] [--allow-loss]
import { NetworkClient, type Credentials, type NetworkSession } from '../../../src/transports/network';

interface Arguments {
  port: number;
  credentials: Credentials | undefined;
  count: number;
  window: number;
  echoes: number;
  fecCount: number;
  pingAttempts: number;
  retransmitAttempts: number;
  /** The peer drops data on purpose: count what is missing instead of failing. */
  allowLoss: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const [port, mode, first = '', second = ''] = argv;
  const option = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  let credentials: Credentials | undefined;
  if (mode === 'sharedSecret') credentials = { secret: first };
  else if (mode === 'user') credentials = { userName: first, password: second };
  else if (mode !== 'none') throw new Error(`mode must be none, sharedSecret or user; got ${mode}`);
  return {
    port: Number(port),
    credentials,
    count: option('--count', 20_000),
    window: option('--window', 64),
    echoes: option('--echo', 200),
    fecCount: option('--fec', 3),
    pingAttempts: option('--ping-attempts', 3),
    retransmitAttempts: option('--retransmit-attempts', 4),
    allowLoss: argv.includes('--allow-loss'),
  };
}

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** A MIDI 2.0 Note On (group 1, channel 1) whose attribute word carries `n`: each one is unique. */
function noteOn(n: number): Uint32Array {
  return Uint32Array.of(0x40903c00, n >>> 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** What a peer that loses data for its own reasons (fault injection) did to an exchange. */
interface Losses {
  /** Echoes that never came back (skipped over by a later one). */
  missing: number;
  /** UMP Data commands our receiver reported lost. */
  reported: number;
}

/**
 * Sends messages numbered from `first`, keeping at most `window` unanswered; checks each echo.
 * With `losses`, a missing echo is counted instead of failing (a later one may come first, never
 * an earlier one), and a peer that stays silent for 5 s ends the exchange.
 */
function exchange(
  session: NetworkSession,
  first: number,
  count: number,
  window: number,
  losses?: Losses,
): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const sentAt = new Map<number, bigint>();
    const rtts: number[] = [];
    let next = first;
    let expected = first;
    const end = first + count;
    let stall: NodeJS.Timeout | undefined;
    const armStall = (): void => {
      if (!losses) return;
      clearTimeout(stall);
      stall = setTimeout(() => {
        stop();
        losses.missing += next - expected;
        resolve(rtts);
      }, 5000);
    };
    const pump = (): void => {
      while (next < end && next - expected < window) {
        sentAt.set(next, process.hrtime.bigint());
        session.sendUmp(noteOn(next));
        next += 1;
      }
      armStall();
    };
    const stop = session.listen({
      ump: (words, messageCount) => {
        for (let m = 0, at = 0; m < messageCount; m += 1, at += 2) {
          const n = words[at + 1];
          if (losses && words[at] === 0x40903c00 && n > expected && n < next) {
            losses.missing += n - expected;
            expected = n;
          }
          if (words[at] !== 0x40903c00 || n !== expected) {
            stop();
            reject(
              new Error(
                `expected the echo of ${expected}, got ${words[at].toString(16)} ${n} (sent up to ${next - 1}; counters ${JSON.stringify(session.counters)})`,
              ),
            );
            return;
          }
          rtts.push(Number(process.hrtime.bigint() - (sentAt.get(n) ?? 0n)) / 1000);
          sentAt.delete(n);
          expected += 1;
        }
        if (expected === end) {
          stop();
          clearTimeout(stall);
          resolve(rtts);
        } else pump();
      },
      lost: (from, lostCount, why) => {
        if (losses) {
          losses.reported += lostCount;
          return;
        }
        stop();
        reject(new Error(`${lostCount} UMP lost from sequence ${from}: ${why}`));
      },
      changed: () => {
        if (session.state === 'closed') {
          clearTimeout(stall);
          reject(new Error(`the session ended: ${JSON.stringify(session.end)}`));
        }
      },
    });
    pump();
  });
}

function rttFigures(rtts: number[]): Record<string, number> {
  const sorted = [...rtts].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50Us: Math.round(percentile(sorted, 50)),
    p99Us: Math.round(percentile(sorted, 99)),
    maxUs: Math.round(sorted[sorted.length - 1]),
  };
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  let asked = 0;
  const client = await NetworkClient.create({
    endpointName: 'MIDI Scope interop client',
    productInstanceId: 'SCOPE-INTEROP-C',
    host: { address: '127.0.0.1', port: args.port },
    credentials: (request) => {
      asked += 1;
      emit({ event: 'credentials', kind: request.kind, retry: request.retry, host: request.host });
      return Promise.resolve(asked <= 2 ? args.credentials : undefined);
    },
    // A peer that drops datagrams on purpose drops invitation replies too.
    invitationAttempts: args.allowLoss ? 10 : undefined,
    session: {
      fecCount: args.fecCount,
      pingAttempts: args.pingAttempts,
      retransmitAttempts: args.retransmitAttempts,
    },
    log: {
      info: (message) => emit({ log: 'info', message }),
      warn: (message) => emit({ log: 'warn', message }),
      error: (message) => emit({ log: 'error', message }),
    },
  });
  let failed = false;
  try {
    const session = await client.connect();
    emit({ event: 'established', host: client.hostIdentity, remote: session.remote });

    const echo = await exchange(session, 0, args.echoes, 1);
    emit({ event: 'echo', ...rttFigures(echo) });

    const started = process.hrtime.bigint();
    const losses: Losses | undefined = args.allowLoss ? { missing: 0, reported: 0 } : undefined;
    const flood = await exchange(session, args.echoes, args.count, args.window, losses);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    emit({
      event: 'flood',
      messages: args.count,
      window: args.window,
      roundTripsPerSecond: Math.round(args.count / seconds),
      ...(losses ?? {}),
      ...rttFigures(flood),
    });

    await session.reset();
    const again = await exchange(session, args.echoes + args.count, 10, 1);
    emit({ event: 'reset', echoedAfterReset: again.length });

    // With the peer dropping on purpose, loss is expected; what must hold is that our receiver
    // reported every command it could not recover (and delivered nothing twice or out of order).
    const ok = losses ? session.counters.lost === losses.reported : session.counters.lost === 0;
    emit({ event: 'result', ok, counters: session.counters });
    failed = !ok;
    await client.disconnect();
    emit({ event: 'bye', end: session.end });
  } catch (error) {
    failed = true;
    emit({
      event: 'result',
      ok: false,
      error: String(error),
      counters: client.counters,
      state: client.state,
    });
  } finally {
    await client.close();
  }
  process.exit(failed ? 1 : 0);
}

void main();
