// midiScope.scheduleSelection: the selection handed to the engine's scheduler, timed by the
// per-line offsets in the text (`+10ms`, `@10ms`) or by a delay and a spacing.
import {
  offsetsFromSpacing,
  offsetsFromText,
  parseMilliseconds,
  validateMillisecondsInput,
} from '../sending/scheduleTiming';
import { hasTimeOffsets } from '../sending/umpMessages';
import { scheduleOptionsArgument } from './commandArguments';
import { failure, requireSender, type CommandServices } from './commandServices';
import type { PromptStep } from '../sending/sendTargets';
import { textStep } from './multiStepInput';
import { chooseEndpoint, messagesFromEditor, sendAndReport, type SendCommandResult } from './sendDelivery';

/** Session memory of the last schedule values, offered as the next defaults. */
const lastSchedule = { delay: '1000', spacing: '0' };

/** One title for every step of the prompt; the steps show their count beside it. */
const title = 'Schedule Selection as UMP';

async function askMilliseconds(
  prompt: string,
  value: string,
  what: string,
  position: PromptStep | undefined,
): Promise<number | undefined> {
  const outcome = await textStep({
    title,
    step: position?.step ?? 1,
    totalSteps: position?.totalSteps ?? 1,
    prompt,
    value,
    canGoBack: false,
    validate: (text) => validateMillisecondsInput(text, what),
  });
  return outcome.kind === 'value' ? parseMilliseconds(outcome.value) : undefined;
}

export async function scheduleSelection(
  services: CommandServices,
  argument: unknown,
): Promise<SendCommandResult> {
  const options = scheduleOptionsArgument('midiScope.scheduleSelection', argument);
  requireSender(services);
  const { messages } = messagesFromEditor(services, 'Schedule Selection', options.byteOrder);
  // Which steps this run asks, so that each shows "2/3" and the title stays the same.
  const asksDelay = !hasTimeOffsets(messages) && options.delayMs === undefined;
  const asksSpacing = asksDelay && options.spacingMs === undefined;
  const asksEndpoint = services.targets.willAsk(options.endpointDeviceId);
  const totalSteps = Number(asksEndpoint) + Number(asksDelay) + Number(asksSpacing);
  let step = 0;
  const nextStep = (): PromptStep | undefined => (totalSteps > 1 ? { step: ++step, totalSteps } : undefined);
  const endpoint = await chooseEndpoint(
    services,
    options.endpointDeviceId,
    title,
    asksEndpoint ? nextStep() : undefined,
  );
  if (!endpoint) return failure('cancelled');
  let offsetsUs: number[];
  if (hasTimeOffsets(messages)) {
    // The text says when; an explicit delay only moves the whole schedule later.
    const shiftUs = Math.round((options.delayMs ?? 0) * 1000);
    offsetsUs = offsetsFromText(messages).map((offset) => offset + shiftUs);
  } else {
    const delayMs =
      options.delayMs ??
      (await askMilliseconds(
        'Delay before the first message, in ms',
        lastSchedule.delay,
        'delay',
        nextStep(),
      ));
    if (delayMs === undefined) return failure('cancelled');
    const spacingMs =
      options.spacingMs ??
      (options.delayMs !== undefined
        ? 0
        : await askMilliseconds(
            'Spacing between messages, in ms (0 sends them together)',
            lastSchedule.spacing,
            'spacing',
            nextStep(),
          ));
    if (spacingMs === undefined) return failure('cancelled');
    lastSchedule.delay = String(delayMs);
    lastSchedule.spacing = String(spacingMs);
    offsetsUs = offsetsFromSpacing(messages.length, delayMs, spacingMs);
  }
  return sendAndReport(services, endpoint, messages, { kind: 'timed', offsetsUs });
}
