// Runs inside a network namespace that mdns.test.ts creates (its own lo, a multicast route, no
// other interface): advertises a host, browses for `_midi2._udp`, prints what it found as JSON.
import { advertiseHost, discoverHosts } from '../../../../src/transports/network';

async function main(): Promise<void> {
  const advertisement = advertiseHost(5673, 'Scope mDNS Host ✓', 'PIID-MDNS', 'scope-host');
  const found = await discoverHosts(1500);
  await advertisement.stop();
  process.stdout.write(`${JSON.stringify(found)}\n`);
  process.exit(0);
}

void main();
