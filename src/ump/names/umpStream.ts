// UMP Stream statuses (message type 0xF; M2-104-UM v1.1, "UMP Stream Messages").

export enum UmpStreamStatus {
  EndpointDiscovery = 0x000,
  EndpointInfoNotification = 0x001,
  DeviceIdentityNotification = 0x002,
  EndpointNameNotification = 0x003,
  ProductInstanceIdNotification = 0x004,
  StreamConfigurationRequest = 0x005,
  StreamConfigurationNotification = 0x006,
  FunctionBlockDiscovery = 0x010,
  FunctionBlockInfoNotification = 0x011,
  FunctionBlockNameNotification = 0x012,
  StartOfClip = 0x020,
  EndOfClip = 0x021,
}

const names = new Map<number, string>([
  [0x000, 'Endpoint Discovery'],
  [0x001, 'Endpoint Info Notification'],
  [0x002, 'Device Identity Notification'],
  [0x003, 'Endpoint Name Notification'],
  [0x004, 'Product Instance Id Notification'],
  [0x005, 'Stream Configuration Request'],
  [0x006, 'Stream Configuration Notification'],
  [0x010, 'Function Block Discovery'],
  [0x011, 'Function Block Info Notification'],
  [0x012, 'Function Block Name Notification'],
  [0x020, 'Start of Clip'],
  [0x021, 'End of Clip'],
]);

export function umpStreamName(status: number): string | undefined {
  return names.get(status);
}

/** Endpoint Discovery filter bits: which notifications the host asks for. */
export const endpointDiscoveryFilterBits: readonly string[] = [
  'Endpoint Info',
  'Device Identity',
  'Endpoint Name',
  'Product Instance Id',
  'Stream Configuration',
];

/** Function Block Discovery filter bits. */
export const functionBlockDiscoveryFilterBits: readonly string[] = [
  'Function Block Info',
  'Function Block Name',
];

export function protocolName(protocol: number): string {
  return protocol === 0x01 ? 'MIDI 1.0' : protocol === 0x02 ? 'MIDI 2.0' : 'Reserved';
}

export const uiHintNames: readonly string[] = ['Unknown', 'Receiver', 'Sender', 'Sender and Receiver'];
export const midi1PortNames: readonly string[] = [
  'Not MIDI 1.0',
  'MIDI 1.0, no bandwidth restriction',
  'MIDI 1.0, restricted to 31.25 kb/s',
  'Reserved',
];
export const directionNames: readonly string[] = ['Reserved', 'Input', 'Output', 'Bidirectional'];
