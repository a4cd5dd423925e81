// Child of lifetime.test.ts: leaves 100,000 messages scheduled, others undelivered in a receive
// ring and an endpoint watcher listening, then simply ends. The process must exit at once.
import { loadEngine } from '../support/engine';
import { openTestPair } from '../support/loopbackPairs';

const engine = loadEngine();
const { MidiClock } = engine;
const endpoints = openTestPair(engine, 'exit');
endpoints.b.onMessagesReceived(() => undefined);
engine.MidiEndpointDeviceInformation.createWatcher().onChanged(() => undefined);
endpoints.open();

const pending = 100_000;
const words = new Uint32Array(pending).fill(0x2090_3c40);
const inTenMinutes = MidiClock.offsetTimestampBySeconds(MidiClock.now(), 600);
const scheduled = endpoints.a.sendMultipleMessagesWordArray(inTenMinutes, 0, pending, words);
const immediate = endpoints.a.sendMultipleMessagesWordArray(0, 0, 1_000, words);
engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
  associationId: 'exit-late-pair',
  endpointA: { name: 'late A', uniqueId: 'exit-late-A' },
  endpointB: { name: 'late B', uniqueId: 'exit-late-B' },
});
console.log(
  JSON.stringify({
    scheduled: scheduled.messagesSent,
    immediate: immediate.messagesSent,
    pendingScheduled: endpoints.a.statistics.pendingScheduled,
  }),
);
