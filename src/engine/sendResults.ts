// MidiSendMessageResults: bit flags, the same values on both sides of the addon
// (native/engine/send_result.h mirrors these numbers).
export const MidiSendMessageResults = {
  succeeded: 0x0000_0000,
  failed: 0x8000_0000,
  /** The receiving side's ring was full; the message was dropped and counted. */
  bufferFull: 0x0001_0000,
  endpointConnectionClosedOrInvalid: 0x0004_0000,
  invalidMessageTypeForWordCount: 0x0010_0000,
  invalidMessageOther: 0x0020_0000,
  dataIndexOutOfRange: 0x0040_0000,
  timestampOutOfRange: 0x0080_0000,
  messageListPartiallyProcessed: 0x0100_0000,
  other: 0x0200_0000,
} as const;

export type MidiSendMessageResult = number;

export function sendMessageSucceeded(result: MidiSendMessageResult): boolean {
  return (result & MidiSendMessageResults.failed) === 0;
}

export function sendMessageFailed(result: MidiSendMessageResult): boolean {
  return !sendMessageSucceeded(result);
}

/** Names of the flags set in `result`, for logs and error messages. */
export function describeSendResult(result: MidiSendMessageResult): string[] {
  if (sendMessageSucceeded(result)) return ['succeeded'];
  const names: string[] = [];
  for (const [name, bit] of Object.entries(MidiSendMessageResults)) {
    if (bit !== 0 && (result & bit) !== 0) names.push(name);
  }
  return names;
}

/** A failure result with the given reason flags, as the unsigned number the addon returns too. */
export function failedWith(...reasons: number[]): MidiSendMessageResult {
  let result: number = MidiSendMessageResults.failed;
  for (const reason of reasons) result |= reason;
  return result >>> 0;
}
