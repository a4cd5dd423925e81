// The few UMP facts the facade needs to split batches and filter messages. The full codec
// lives in src/ump; this stays a tiny table so the engine does not depend on its decoder.

/** 32-bit words per message type 0x0..0xF (UMP specification, message type table). */
const wordsPerMessageType = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4] as const;

export function messageTypeOf(firstWord: number): number {
  return firstWord >>> 28;
}

export function wordCountOf(firstWord: number): number {
  return wordsPerMessageType[firstWord >>> 28];
}

/** Utility (0x0) and UMP Stream (0xF) messages carry no group; every other type does. */
export function groupOf(firstWord: number): number | undefined {
  const messageType = firstWord >>> 28;
  return messageType === 0x0 || messageType === 0xf ? undefined : (firstWord >>> 24) & 0xf;
}

/** The channel of MIDI 1.0 (0x2) and MIDI 2.0 (0x4) channel voice messages. */
export function channelOf(firstWord: number): number | undefined {
  const messageType = firstWord >>> 28;
  return messageType === 0x2 || messageType === 0x4 ? (firstWord >>> 16) & 0xf : undefined;
}
