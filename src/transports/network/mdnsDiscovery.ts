// mDNS / DNS-SD for Network MIDI 2.0: hosts advertise `_midi2._udp` with their UMP endpoint name
// and product instance id in TXT (keys UMPEndpointName and ProductInstanceId); clients browse for
// them. bonjour-service (multicast-dns underneath) does the DNS work.
import { Bonjour, type Service } from 'bonjour-service';

export const SERVICE_TYPE = 'midi2';

export interface DiscoveredHost {
  /** The DNS-SD instance name. */
  readonly name: string;
  readonly addresses: readonly string[];
  readonly port: number;
  readonly endpointName: string;
  readonly productInstanceId: string;
}

export interface Advertisement {
  stop(): Promise<void>;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return '';
}

function hostOf(service: Service): DiscoveredHost {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  // An answer may come without A/AAAA records (bonjour-service leaves loopback and internal
  // addresses out of its own, so a host on a machine or namespace with only lo sends none): then
  // the address the answer came from is the host's.
  const addresses = service.addresses?.length ? service.addresses : [service.referer?.address ?? ''];
  return {
    name: service.name,
    addresses: addresses.filter((address) => address !== ''),
    port: service.port,
    endpointName: text(txt.UMPEndpointName),
    productInstanceId: text(txt.ProductInstanceId),
  };
}

/** Advertises a host; `instanceName` defaults to the endpoint name. */
export function advertiseHost(
  port: number,
  endpointName: string,
  productInstanceId: string,
  instanceName = endpointName,
): Advertisement {
  const bonjour = new Bonjour();
  bonjour.publish({
    name: instanceName,
    type: SERVICE_TYPE,
    protocol: 'udp',
    port,
    txt: { UMPEndpointName: endpointName, ProductInstanceId: productInstanceId },
    disableIPv6: true,
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
      }),
  };
}

/** Browses for `durationMs` and returns every host that answered, each once. */
export async function discoverHosts(
  durationMs: number,
  onFound?: (host: DiscoveredHost) => void,
): Promise<DiscoveredHost[]> {
  const bonjour = new Bonjour();
  const found = new Map<string, DiscoveredHost>();
  const browser = bonjour.find({ type: SERVICE_TYPE, protocol: 'udp' }, (service) => {
    const host = hostOf(service);
    found.set(`${host.name}:${host.port}`, host);
    onFound?.(host);
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  browser.stop();
  await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  return [...found.values()];
}
