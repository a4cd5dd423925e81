// mDNS advertisement and discovery of `_midi2._udp`, only ever inside a network namespace this
// test creates (unshare -rn: a new user and network namespace with just lo, brought up, and a
// multicast route on it), so no multicast reaches the machine's interfaces.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const probe = join(__dirname, 'support', 'mdnsProbe.js');

void describe('mDNS / DNS-SD in a private network namespace', () => {
  void it('a host advertised as _midi2._udp is found with its endpoint name and product instance id in TXT', () => {
    const script = `ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec "${process.execPath}" "${probe}"`;
    const output = execFileSync('unshare', ['-rn', 'sh', '-c', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    const found = JSON.parse(output.trim().split('\n').pop() ?? '[]') as {
      name: string;
      port: number;
      endpointName: string;
      productInstanceId: string;
      addresses: string[];
    }[];
    const host = found.find((entry) => entry.name === 'scope-host');
    assert.ok(host, `found: ${output}`);
    assert.equal(host.port, 5673);
    assert.equal(host.endpointName, 'Scope mDNS Host ✓');
    assert.equal(host.productInstanceId, 'PIID-MDNS');
    // The answer carries no A record (lo is the only interface): the address it came from.
    assert.deepEqual(host.addresses, ['127.0.0.1']);
  });
});
