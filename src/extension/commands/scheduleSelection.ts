// midiScope.scheduleSelection: the selection handed to the engine's scheduler, timed by the
// per-line offsets in the text (`+10ms`, `@10ms`) or by a delay and a spacing.
import * as vscode from 'vscode';
import {
  offsetsFromSpacing,
  offsetsFromText,
  parseMilliseconds,
  validateMillisecondsInput,
} from '../sending/scheduleTiming';
import { hasTimeOffsets } from '../sending/umpMessages';
import { scheduleOptionsArgument } from './commandArguments';
import { failure, requireSender, type CommandServices } from './commandServices';
import { chooseEndpoint, messagesFromEditor, sendAndReport, type SendCommandResult } from './sendDelivery';

/** Session memory of the last schedule values, offered as the next defaults. */
const lastSchedule = { delay: '1000', spacing: '0' };

async function askMilliseconds(prompt: string, value: string, what: string): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: 'Schedule Selection',
    prompt,
    value,
    ignoreFocusOut: true,
    validateInput: (text) => validateMillisecondsInput(text, what),
  });
  return answer === undefined ? undefined : parseMilliseconds(answer);
}

export async function scheduleSelection(
  services: CommandServices,
  argument: unknown,
): Promise<SendCommandResult> {
  const options = scheduleOptionsArgument('midiScope.scheduleSelection', argument);
  requireSender(services);
  const { messages } = messagesFromEditor('Schedule Selection', options.byteOrder);
  const endpoint = await chooseEndpoint(services, options.endpointDeviceId, 'Schedule Selection as UMP');
  if (!endpoint) return failure('cancelled');
  let offsetsUs: number[];
  if (hasTimeOffsets(messages)) {
    // The text says when; an explicit delay only moves the whole schedule later.
    const shiftUs = Math.round((options.delayMs ?? 0) * 1000);
    offsetsUs = offsetsFromText(messages).map((offset) => offset + shiftUs);
  } else {
    const delayMs =
      options.delayMs ??
      (await askMilliseconds('Delay before the first message, in ms', lastSchedule.delay, 'delay'));
    if (delayMs === undefined) return failure('cancelled');
    const spacingMs =
      options.spacingMs ??
      (options.delayMs !== undefined
        ? 0
        : await askMilliseconds(
            'Spacing between messages, in ms (0 sends them together)',
            lastSchedule.spacing,
            'spacing',
          ));
    if (spacingMs === undefined) return failure('cancelled');
    lastSchedule.delay = String(delayMs);
    lastSchedule.spacing = String(spacingMs);
    offsetsUs = offsetsFromSpacing(messages.length, delayMs, spacingMs);
  }
  return sendAndReport(services, endpoint, messages, { kind: 'timed', offsetsUs });
}
