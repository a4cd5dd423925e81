// The transports the addon starts: the two loopback transports everywhere, and on Linux the ALSA
// transport, available when the machine has a sequencer and otherwise listed with the reason.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { loadAddon } from './support.mjs';

const addon = loadAddon();

test('listTransports names every transport and says why one cannot run here', () => {
  const transports = addon.listTransports();
  const ids = transports.map((transport) => transport.id);
  assert.deepEqual(ids.slice(0, 2), ['diagnostics', 'loopback']);
  if (process.platform !== 'linux') return;
  const alsa = transports.find((transport) => transport.id === 'alsa');
  assert.ok(alsa, `no alsa transport in ${JSON.stringify(ids)}`);
  if (existsSync('/dev/snd/seq')) {
    assert.equal(typeof alsa.available, 'boolean');
  } else {
    assert.equal(alsa.available, false);
    assert.match(alsa.message, /no ALSA sequencer on this machine: \/dev\/snd\/seq/);
    // An unavailable transport reports no endpoints, and the others still work.
    assert.ok(addon.listEndpoints().every((endpoint) => endpoint.transport !== 'alsa'));
  }
});
