// A host and a virtual device's responder wired back to back in memory, no engine: what the host
// sends is answered at once (or handed to `intercept`, which can drop or alter replies).
import { EndpointDiscovery, type EndpointDiscoveryOptions } from '../../../src/discovery';
import {
  VirtualDeviceResponder,
  parseVirtualDeviceDeclaration,
  type VirtualDeviceDeclaration,
} from '../../../src/virtualDevice';

export function declaration(
  overrides: Record<string, unknown> = {},
  blockCount = 2,
): VirtualDeviceDeclaration {
  return parseVirtualDeviceDeclaration({
    endpointName: 'Scope Synth',
    productInstanceId: 'SN-0001',
    deviceIdentity: {
      manufacturer: [0x7d, 0, 0],
      family: 0x0123,
      model: 0x0456,
      softwareRevision: [1, 2, 3, 4],
    },
    functionBlocks: Array.from({ length: blockCount }, (_, i) => ({
      name: `Block ${i}`,
      firstGroup: i % 16,
      groupCount: 1,
      direction: 'bidirectional',
    })),
    ...overrides,
  });
}

export type Intercept = (reply: Uint32Array) => Uint32Array[];

/** Runs discovery against the responder; replies are delivered on a later turn, as a transport would. */
export function discoverInMemory(
  device: VirtualDeviceDeclaration,
  options: Omit<EndpointDiscoveryOptions, 'send'> = {},
  intercept: Intercept = (reply) => [reply],
) {
  const responder = new VirtualDeviceResponder(device);
  const sent: Uint32Array[] = [];
  const discovery = new EndpointDiscovery({
    ...options,
    send: (words) => {
      sent.push(words);
      const { replies } = responder.respond(words);
      queueMicrotask(() => {
        for (const reply of replies) for (const altered of intercept(reply)) discovery.receive(altered);
      });
      return true;
    },
  });
  discovery.start();
  return { discovery, responder, sent };
}
