// Child of receive.test.ts: a listener that throws must not stop delivery to the others, and its
// error must surface as an uncaught exception rather than vanish.
import { loadEngine } from '../support/engine';
import { openTestPair } from '../support/loopbackPairs';

const engine = loadEngine();
const endpoints = openTestPair(engine, 'throwing');
const uncaught: string[] = [];
let delivered = 0;
process.on('uncaughtException', (error) => uncaught.push(error.message));
endpoints.b.onMessageReceived(() => {
  throw new Error('listener failed on purpose');
});
endpoints.b.onMessageReceived(() => delivered++);
endpoints.b.onMessagesReceived(() => {
  throw new Error('batch listener failed on purpose');
});
endpoints.open();
endpoints.a.sendMultipleMessagesWordList(0, [0x20903c40, 0x20903c41, 0x20903c42]);

const deadline = Date.now() + 5_000;
const poll = setInterval(() => {
  if ((delivered >= 3 && uncaught.length >= 4) || Date.now() > deadline) {
    clearInterval(poll);
    // A second round proves the connection still delivers after the errors.
    endpoints.a.sendSingleMessageWords(0, 0x20903c43);
    const again = setInterval(() => {
      if (delivered >= 4 || Date.now() > deadline) {
        clearInterval(again);
        endpoints.dispose();
        console.log(JSON.stringify({ delivered, uncaught: [...new Set(uncaught)].sort() }));
      }
    }, 2);
  }
}, 2);
