// Lifetime: pair removal under open connections, shutdown, worker threads with their own
// engines, the event loop (a queued wake-up keeps it alive, a scheduled message does not), and a
// process that exits with a million messages still scheduled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { addonPath, failure, flags, loadAddon, openDraining, waitFor } from './support.mjs';

const addon = loadAddon();

test('removing a pair closes its connections and tells them', async () => {
  const pair = addon.createLoopbackPair(
    'doomed',
    { name: 'D A', uniqueId: 'd-a' },
    { name: 'D B', uniqueId: 'd-b' },
  );
  const a = openDraining(addon, pair.endpointDeviceIdA);
  const b = openDraining(addon, pair.endpointDeviceIdB);
  addon.sendMessage(a.handle, addon.clockNow() + 3_600 * 10_000_000, new Uint32Array([0x20000000]), 0, 1);
  assert.equal(addon.removeLoopbackPair('doomed'), true);
  await waitFor(() => a.wakes === 1 && b.wakes === 1, 'both owners to be woken');
  assert.equal(addon.isConnectionOpen(a.handle), false);
  assert.equal(addon.stats(a.handle).pendingScheduled, 0);
  assert.equal(addon.sendMessage(a.handle, 0, new Uint32Array([0x20000000]), 0, 1), failure(flags.closed));
  addon.closeConnection(a.handle);
  addon.closeConnection(b.handle);
});

// Runs `source` (an async function body with `addon` in scope) in a worker; resolves to what it returns.
function inWorker(source) {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const addon = require(${JSON.stringify(addonPath)});
    (async () => { ${source} })().then((value) => parentPort.postMessage({ value }), (error) => parentPort.postMessage({ error: String(error.stack) }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (message) =>
      message.error ? reject(new Error(message.error)) : resolve(message.value),
    );
    worker.once('error', reject);
  });
}

test('each worker thread has its own engine, and shutdown joins it', async () => {
  const body = (tag) => `
    const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
    const words = [];
    const buffer = new Uint32Array(64), stamps = new Float64Array(64);
    const b = addon.openConnection('midiscope://diagnostics/loopback-b', 64, () => {
      const d = addon.drain(b, buffer, stamps);
      words.push(...buffer.subarray(0, d.wordCount));
    });
    addon.sendMessage(a, addon.clockNow() + 50_000, new Uint32Array([${tag}]), 0, 1);
    addon.sendMessage(a, addon.clockNow() + 3_600 * 10_000_000, new Uint32Array([0x2fffffff]), 0, 1);
    const deadline = Date.now() + 10_000;
    while (words.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    addon.shutdown();
    addon.shutdown();
    let threw = false;
    try { addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {}); } catch { threw = true; }
    return { words, threw, closed: addon.sendMessage(a, 0, new Uint32Array([${tag}]), 0, 1), endpoints: addon.listEndpoints().length };`;
  const results = await Promise.all([inWorker(body(0x20000001)), inWorker(body(0x20000002))]);
  assert.deepEqual(results, [
    { words: [0x20000001], threw: true, closed: failure(flags.closed), endpoints: 0 },
    { words: [0x20000002], threw: true, closed: failure(flags.closed), endpoints: 0 },
  ]);
  // The main thread's engine is untouched.
  assert.equal(addon.listEndpoints().length, 2);
});

test('a worker terminated with messages pending does not hang', async () => {
  const worker = new Worker(
    `const addon = require(${JSON.stringify(addonPath)});
     const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
     addon.sendMessages(a, addon.clockNow() + 3_600 * 10_000_000, new Uint32Array(100_000).fill(0x20000000), 0, 100_000);
     require('node:worker_threads').parentPort.postMessage('scheduled');
     setInterval(() => {}, 1000);`,
    { eval: true },
  );
  await new Promise((resolve) => worker.once('message', resolve));
  assert.equal(await worker.terminate(), 1);
});

/** Runs `script` in a child Node; resolves to its exit code and output, or kills it after 20 s. */
async function runChild(script) {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let timer;
  const exit = await Promise.race([
    new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    new Promise((resolve) => (timer = setTimeout(() => resolve({ hung: true }), 20_000))),
  ]);
  clearTimeout(timer);
  if (exit.hung) child.kill('SIGKILL');
  return { ...exit, output: output.trim() };
}

test('a queued wake-up keeps the process alive until it is delivered', async () => {
  // Nothing but the addon keeps this loop alive after the send.
  const result = await runChild(`
    const addon = require(${JSON.stringify(addonPath)});
    const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
    const b = addon.openConnection('midiscope://diagnostics/loopback-b', 64, () => {
      const words = new Uint32Array(4);
      addon.drain(b, words, new Float64Array(4));
      console.log(words[0].toString(16));
    });
    addon.sendMessage(a, 0, new Uint32Array([0x25937864]), 0, 1);`);
  assert.deepEqual(result, { code: 0, signal: null, output: '25937864' });
});

test('a queued endpoint change keeps the process alive until it is delivered', async () => {
  const result = await runChild(`
    const addon = require(${JSON.stringify(addonPath)});
    addon.setEndpointWatcher((changes) => console.log(changes.map((c) => c.change + ' ' + c.endpoint.name).join(', ')));
    addon.createLoopbackPair('late', { name: 'L A', uniqueId: 'l-a' }, { name: 'L B', uniqueId: 'l-b' });`);
  assert.deepEqual(result, { code: 0, signal: null, output: 'added L A, added L B' });
});

test('a message scheduled for later does not keep the process alive', async () => {
  const result = await runChild(`
    const addon = require(${JSON.stringify(addonPath)});
    const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
    addon.openConnection('midiscope://diagnostics/loopback-b', 64, () => console.log('too late'));
    const started = Date.now();
    addon.sendMessage(a, addon.clockNow() + 3_600 * 10_000_000, new Uint32Array([0x25937864]), 0, 1);
    process.on('exit', () => console.log(Date.now() - started < 5_000 ? 'prompt' : 'slow'));`);
  assert.deepEqual(result, { code: 0, signal: null, output: 'prompt' });
});

test('process.exit() with a wake-up queued exits cleanly', async () => {
  const result = await runChild(`
    const addon = require(${JSON.stringify(addonPath)});
    const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
    addon.openConnection('midiscope://diagnostics/loopback-b', 64, () => console.log('too late'));
    addon.sendMessage(a, 0, new Uint32Array([0x25937864]), 0, 1);
    process.exit(0);`);
  assert.deepEqual(result, { code: 0, signal: null, output: '' });
});

test('a process with a million messages scheduled exits promptly without calling shutdown', async () => {
  const script = `
    const addon = require(${JSON.stringify(addonPath)});
    const a = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
    const n = 1_000_000;
    const sent = addon.sendMessages(a, addon.clockNow() + 3_600 * 10_000_000, new Uint32Array(n).fill(0x20000000), 0, n);
    console.log(sent.messagesSent, addon.stats(a).pendingScheduled);`;
  assert.deepEqual(await runChild(script), { code: 0, signal: null, output: '1000000 1000000' });
});
