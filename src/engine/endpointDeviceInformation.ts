// MidiEndpointDeviceInformation: what endpoints exist (the type) and how to list and watch them
// (the value), as in Windows MIDI Services.
import { engineBinding } from './engineLifecycle';
import { MidiEndpointDeviceWatcher } from './endpointDeviceWatcher';
import type { MidiEndpointDeviceInformation as EndpointInformation } from './types';

export type MidiEndpointDeviceInformation = EndpointInformation;

export const MidiEndpointDeviceInformation = {
  /** Every endpoint now: the diagnostics pair first, then loopback pairs in creation order. */
  findAll(): MidiEndpointDeviceInformation[] {
    return engineBinding().listEndpoints();
  },

  /** The endpoint with that id, or undefined. */
  find(endpointDeviceId: string): MidiEndpointDeviceInformation | undefined {
    return engineBinding()
      .listEndpoints()
      .find((endpoint) => endpoint.endpointDeviceId === endpointDeviceId);
  },

  /** A watcher that reports endpoints added, removed and updated from now on; dispose() it. */
  createWatcher(): MidiEndpointDeviceWatcher {
    return new MidiEndpointDeviceWatcher();
  },
};
