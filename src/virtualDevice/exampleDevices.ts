// Example declarations: what Create Virtual Device offers without a file, and what the benchmark
// and tests discover (a device with many named function blocks).
export function exampleDeviceJson(
  blockCount: number,
  name = `MIDI Scope Example (${blockCount} blocks)`,
): Record<string, unknown> {
  return {
    endpointName: name,
    productInstanceId: `EXAMPLE-${blockCount}`,
    deviceIdentity: {
      manufacturer: [0x7d, 0x00, 0x00],
      family: 0x0001,
      model: blockCount,
      softwareRevision: [0, 1, 0, 0],
    },
    protocols: { midi1: true, midi2: true },
    jrTimestamps: { receive: true, transmit: true },
    staticFunctionBlocks: true,
    functionBlocks: Array.from({ length: blockCount }, (_, i) => ({
      name: `Function block ${i + 1} of the example device`,
      firstGroup: i % 16,
      groupCount: 1,
      direction: i % 3 === 0 ? 'bidirectional' : i % 3 === 1 ? 'input' : 'output',
      midi1: i % 4 === 3 ? 'midi1' : 'none',
      uiHint: i % 3 === 0 ? 'both' : i % 3 === 1 ? 'receiver' : 'sender',
      midiCiVersion: 2,
    })),
    midiCi: {
      maxSysExSize: 512,
      resources: { ChannelList: [{ title: 'Channel 1', channel: 1 }] },
      profiles: [
        { id: [0x7e, 0x00, 0x01, 0x01, 0x00], enabled: true },
        { id: [0x7e, 0x00, 0x02, 0x01, 0x00], enabled: false },
      ],
    },
  };
}
