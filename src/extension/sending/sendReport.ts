// Sentences that tell the person exactly what a send did: everything, or how far it got and why.
import { describeSendResult, sendMessageSucceeded } from '../../engine';
import type { UmpMessageToSend } from './umpMessages';
import type { SendOutcome } from './umpSender';

export function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

export function isCompleteSend(outcome: SendOutcome): boolean {
  return sendMessageSucceeded(outcome.result) && outcome.messagesSent === outcome.totalMessages;
}

/** "3 messages, 7 words" */
export function countText(messages: number, words: number): string {
  return `${plural(messages, 'message')}, ${plural(words, 'word')}`;
}

/**
 * For a partial or failed send: how many went out, which message stopped it (with its line when
 * it came from text) and the engine's reasons.
 */
export function partialSendText(
  verb: 'Sent' | 'Scheduled',
  outcome: SendOutcome,
  messages: readonly UmpMessageToSend[],
  endpointName: string,
): string {
  const stopped = messages[outcome.messagesSent];
  const where = stopped && stopped.line > 0 ? ` (line ${stopped.line})` : '';
  const reasons = describeSendResult(outcome.result).join(', ');
  return (
    `${verb} only ${outcome.messagesSent} of ${plural(outcome.totalMessages, 'message')} ` +
    `(${outcome.wordsSent} of ${plural(outcome.totalWords, 'word')}) to ${endpointName}: ` +
    `message ${outcome.messagesSent + 1}${where} was refused: ${reasons}.`
  );
}

/**
 * For a send that went out but whose receivers dropped some of it because a receive ring was
 * full: how many, where, and why; undefined when nothing was dropped.
 */
export function receiverDropText(outcome: SendOutcome): string | undefined {
  const drops = outcome.receiverDrops;
  if (!drops) return undefined;
  const what = drops.dropped > 0 ? plural(drops.dropped, 'message') : 'some messages';
  const where =
    drops.openConnections === 1
      ? 'the receive ring of its one connection'
      : `the receive ring of at least one of its ${plural(drops.openConnections, 'connection')}`;
  return (
    `${what} of it ${drops.dropped === 1 ? 'was' : 'were'} dropped at ${drops.endpointName} ` +
    `(${drops.endpointDeviceId}): ${where} was full (bufferFull); its reader did not keep up.`
  );
}
