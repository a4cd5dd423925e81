// The host of the mDNS e2e spec's peer (test/e2e/mdnsPeer.ts): MIDI Scope's network host in a
// process of its own, bound to the address given, echoing every UMP back to its session.
//   node out/test/e2e/mdnsPeerHost.js <address>
// Prints one JSON line per event (listening, session, ump, end, log); stops on SIGTERM.
import { NetworkHost } from '../../src/transports/network';

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const host = await NetworkHost.start({
    endpointName: 'MIDI Scope interop host',
    productInstanceId: 'SCOPE-INTEROP',
    address: process.argv[2] ?? '127.0.0.1',
    authentication: { mode: 'none' },
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
        if (session.state === 'closed') emit({ event: 'end', id: session.id, end: session.end });
      },
    });
  });
  emit({ event: 'listening', port: host.local.port, address: host.local.address });
  process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
}

void main();
