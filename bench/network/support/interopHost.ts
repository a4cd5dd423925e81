// A MIDI Scope network host for interop runs with other implementations (scripts/interop/):
//   node out/bench/network/support/interopHost.js <none|sharedSecret|user> [secret-or-user] [password]
// Prints one JSON line per event (listening, session, ump, end, refusal) and echoes every UMP it
// receives back to the session it came from. Binds 127.0.0.1 only; stops when stdin closes.
import { NetworkHost, type HostAuthentication } from '../../../src/transports/network';

function authenticationFrom(argv: string[]): HostAuthentication {
  const [mode, first = '', second = ''] = argv;
  if (mode === 'sharedSecret') return { mode, secret: first };
  if (mode === 'user') return { mode, users: [{ name: first, password: second }] };
  return { mode: 'none' };
}

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const host = await NetworkHost.start({
    endpointName: 'MIDI Scope interop host',
    productInstanceId: 'SCOPE-INTEROP',
    authentication: authenticationFrom(process.argv.slice(2)),
    log: {
      info: (message) => emit({ log: 'info', message }),
      warn: (message) => emit({ log: 'warn', message }),
      error: (message) => emit({ log: 'error', message }),
    },
  });
  host.onSession((session) => {
    emit({ event: 'session', id: session.id, peer: session.peer, remote: session.remote });
    session.listen({
      ump: (words) => {
        emit({
          event: 'ump',
          id: session.id,
          words: Array.from(words, (w) => w.toString(16).padStart(8, '0')),
        });
        session.sendUmp(Uint32Array.from(words));
      },
      changed: () => {
        if (session.state === 'closed')
          emit({ event: 'end', id: session.id, end: session.end, counters: session.counters });
      },
    });
  });
  emit({ event: 'listening', port: host.local.port, address: host.local.address });
  process.stdin.resume();
  process.stdin.on('end', () => void host.close().then(() => process.exit(0)));
}

void main();
