// MidiSendMessageResults: bit flags, the same values on both sides of the addon
// (native/engine/send_result.h mirrors these numbers).
import { describeValue } from './argumentChecks';
import type { MidiMultipleSendResult } from './types';

export const MidiSendMessageResults = {
  succeeded: 0x0000_0000,
  failed: 0x8000_0000,
  /** The receiving side's ring was full; the message was dropped and counted. */
  bufferFull: 0x0001_0000,
  /**
   * With failed: the destination outside MIDI Scope had no room (an ALSA port whose application
   * does not read). Nothing from the failing message on was sent; a multiple send's messagesSent
   * and wordsSent say how many went before it.
   */
  destinationFull: 0x0002_0000,
  endpointConnectionClosedOrInvalid: 0x0004_0000,
  invalidMessageTypeForWordCount: 0x0010_0000,
  invalidMessageOther: 0x0020_0000,
  dataIndexOutOfRange: 0x0040_0000,
  timestampOutOfRange: 0x0080_0000,
  messageListPartiallyProcessed: 0x0100_0000,
  other: 0x0200_0000,
} as const;

export type MidiSendMessageResult = number;

/** Anything a send method returns: the flags of a single send, or a multiple send's result. */
export type MidiAnySendResult = MidiSendMessageResult | MidiMultipleSendResult;

/**
 * The flags of what a send returned, as an unsigned number. A multiple send's object is read
 * through its `result` (its counts stay on the object); anything that is neither a flags number
 * (an integer that fits in 32 bits, signed as `a | b` makes it or unsigned) nor such an object is
 * a programming error and throws a TypeError instead of being read as 0, "succeeded".
 */
export function sendResultFlags(sent: MidiAnySendResult): number {
  if (isFlags(sent)) return sent >>> 0;
  if (isMultipleSendResult(sent)) return sent.result >>> 0;
  throw new TypeError(
    'A send result must be the MidiSendMessageResults flags a single send returns or the ' +
      `{ result, messagesSent, wordsSent } a multiple send returns, got ${describeSendArgument(sent)}`,
  );
}

function isMultipleSendResult(value: unknown): value is MidiMultipleSendResult {
  if (typeof value !== 'object' || value === null) return false;
  const { result, messagesSent, wordsSent } = value as Partial<Record<string, unknown>>;
  return isFlags(result) && typeof messagesSent === 'number' && typeof wordsSent === 'number';
}

function isFlags(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value <= 0xffff_ffff;
}

function describeSendArgument(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an object with no properties' : `an object with ${keys.join(', ')}`;
  }
  return describeValue(value);
}

export function sendMessageSucceeded(sent: MidiAnySendResult): boolean {
  return (sendResultFlags(sent) & MidiSendMessageResults.failed) === 0;
}

export function sendMessageFailed(sent: MidiAnySendResult): boolean {
  return !sendMessageSucceeded(sent);
}

/**
 * Names of the flags set in what a send returned, for logs and error messages: 'succeeded' first
 * when the send did not fail (followed by bufferFull when a receiver dropped some of it).
 */
export function describeSendResult(sent: MidiAnySendResult): string[] {
  const result = sendResultFlags(sent);
  const names: string[] = (result & MidiSendMessageResults.failed) === 0 ? ['succeeded'] : [];
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
