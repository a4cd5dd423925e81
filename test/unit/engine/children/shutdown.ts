// Child of lifetime.test.ts: shutdownEngine() with sessions, scheduled messages and a watcher
// alive closes them all, joins the engine's thread (the process has as many threads as before
// the engine loaded) and leaves an engine that says clearly it is shut down.
import { readdirSync } from 'node:fs';
import { loadEngine } from '../support/engine';
import { openTestPair } from '../support/loopbackPairs';

const threadCount = () => (process.platform === 'linux' ? readdirSync('/proc/self/task').length : -1);

const threadsBefore = threadCount();
const engine = loadEngine();
const { MidiClock, MidiEndpointDeviceInformation, MidiSession } = engine;
const endpoints = openTestPair(engine, 'shutdown');
endpoints.open();
const watcher = MidiEndpointDeviceInformation.createWatcher();
endpoints.a.sendMultipleMessagesWordArray(
  MidiClock.offsetTimestampBySeconds(MidiClock.now(), 60),
  0,
  10_000,
  new Uint32Array(10_000).fill(0x2090_3c40),
);
const threadsRunning = threadCount();

engine.shutdownEngine();
engine.shutdownEngine(); // idempotent

let errorAfterShutdown = '';
try {
  MidiSession.create('too late');
} catch (error) {
  errorAfterShutdown = (error as Error).message;
}
watcher.dispose(); // harmless after shutdown
console.log(
  JSON.stringify({
    threadsBefore,
    threadsRunning,
    threadsAfter: threadCount(),
    sessionOpen: endpoints.session.isOpen,
    connectionOpen: endpoints.a.isOpen,
    pendingAfter: endpoints.a.statistics.pendingScheduled,
    errorAfterShutdown,
  }),
);
