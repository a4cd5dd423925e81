// What every send command shares: choosing the endpoint, parsing the editor's text, and one
// engine call followed by a report that says exactly what went out (or how far it got and why).
import * as vscode from 'vscode';
import type { UmpByteOrder } from '../../ump';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import { revealParseProblem, selectedUmpText, type EditorUmpText } from '../sending/editorText';
import { parseProblemTexts } from '../sending/parseProblemReport';
import type { ScheduleWatch } from '../sending/scheduleTiming';
import { showScheduledNotification } from '../sending/scheduledNotification';
import type { PromptStep } from '../sending/sendTargets';
import { countText, isCompleteSend, partialSendText, receiverDropText } from '../sending/sendReport';
import {
  atDocumentLines,
  concatenateWords,
  readUmpText,
  type UmpMessageToSend,
  type UmpParseProblem,
} from '../sending/umpMessages';
import { UserFacingError, requireSender, type CommandFailure, type CommandServices } from './commandServices';

export type SendCommandResult =
  | {
      ok: true;
      endpointDeviceId: string;
      messagesSent: number;
      wordsSent: number;
      scheduled: boolean;
      /** What the receivers dropped (ring full), when they dropped anything. */
      dropped?: { endpointDeviceId: string; messages: number; report: string };
    }
  | (CommandFailure & { messagesSent?: number; wordsSent?: number });

/** Now, or each message at its offset in µs from the moment of sending. */
export type Timing = { kind: 'now' } | { kind: 'timed'; offsetsUs: number[] };

export async function chooseEndpoint(
  services: CommandServices,
  explicitId: string | undefined,
  purpose: string,
  position?: PromptStep,
): Promise<MidiEndpointDeviceInformation | undefined> {
  const choice = await services.targets.choose(explicitId, purpose, position);
  if (choice.kind === 'error') throw new UserFacingError(choice.message);
  return choice.kind === 'endpoint' ? choice.endpoint : undefined;
}

function spanText(offsetsUs: readonly number[]): string {
  let first = Infinity;
  let last = 0;
  for (const offset of offsetsUs) {
    first = Math.min(first, offset);
    last = Math.max(last, offset);
  }
  const ms = (us: number): string => `${Number((us / 1000).toFixed(3))} ms`;
  return last > first ? `, starting in ${ms(first)}, over ${ms(last - first)}` : `, in ${ms(first)}`;
}

export async function sendAndReport(
  services: CommandServices,
  endpoint: MidiEndpointDeviceInformation,
  messages: readonly UmpMessageToSend[],
  timing: Timing,
): Promise<SendCommandResult> {
  const sender = requireSender(services);
  const id = endpoint.endpointDeviceId;
  // Remembered first: the update is asynchronous, and nothing should sit between computing the
  // timestamps and handing them over, or between the send and the report.
  await services.targets.remember(id);
  let outcome;
  // For a schedule: what was pending before it, and when its last message falls due.
  let watch: ScheduleWatch | undefined;
  if (timing.kind === 'now') {
    outcome = sender.sendNow(id, concatenateWords(messages), messages.length);
  } else {
    const { MidiClock } = services.engineHost.require();
    const start = MidiClock.now();
    const timed = messages.map((message, index) => ({
      timestamp: MidiClock.offsetTimestampByMicroseconds(start, timing.offsetsUs[index]),
      words: message.words,
    }));
    watch = {
      pendingBefore: sender.pendingScheduled(),
      lastDueAtMs: Date.now() + Math.max(0, ...timing.offsetsUs) / 1000,
    };
    outcome = sender.sendTimed(id, timed);
  }
  const scheduled = timing.kind === 'timed';
  const verb = scheduled ? 'Scheduled' : 'Sent';
  const dropText = receiverDropText(outcome);
  if (!isCompleteSend(outcome)) {
    const partial = partialSendText(verb, outcome, messages, endpoint.name);
    const reason = dropText === undefined ? partial : `${partial} Of what went out, ${dropText}`;
    services.log.error(`${reason} (${id})`);
    void vscode.window.showErrorMessage(reason);
    return { ok: false, reason, messagesSent: outcome.messagesSent, wordsSent: outcome.wordsSent };
  }
  const sentText = `${verb} ${countText(outcome.messagesSent, outcome.wordsSent)} to ${endpoint.name}${
    timing.kind === 'timed' ? spanText(timing.offsetsUs) : ''
  }`;
  const report = dropText === undefined ? `${sentText}.` : `${sentText}, but ${dropText}`;
  if (dropText === undefined) services.log.info(`${report} (${id})`);
  else services.log.warn(`${report} (${id})`);
  if (watch !== undefined && dropText === undefined) {
    // Goes by itself once the messages are sent; the status bar keeps the count meanwhile.
    showScheduledNotification(sender, report, watch);
  } else {
    const buttons = scheduled ? ['Cancel Scheduled'] : [];
    const shown =
      dropText === undefined
        ? vscode.window.showInformationMessage(report, ...buttons)
        : vscode.window.showWarningMessage(report, ...buttons);
    void shown.then((choice) => {
      if (choice) void vscode.commands.executeCommand('midiScope.cancelScheduled');
    });
  }
  const drops = outcome.receiverDrops;
  return {
    ok: true,
    endpointDeviceId: id,
    messagesSent: outcome.messagesSent,
    wordsSent: outcome.wordsSent,
    scheduled,
    ...(drops && dropText
      ? { dropped: { endpointDeviceId: drops.endpointDeviceId, messages: drops.dropped, report } }
      : {}),
  };
}

/**
 * A parse error of hex read from `editor`: the bad character selected, the whole report in the
 * log and in a diagnostic on its line, and a short one for the notification (the error returned).
 */
export function parseFailure(
  services: CommandServices,
  editor: vscode.TextEditor,
  source: EditorUmpText,
  problem: UmpParseProblem,
): UserFacingError {
  const { where, range } = revealParseProblem(editor, source, problem);
  const texts = parseProblemTexts(where, problem);
  services.log.error(texts.full);
  services.sendProblems.report(editor.document.uri, range, texts.diagnostic);
  return new UserFacingError(texts.short);
}

/**
 * Parses the editor's selection (or line); a parse error selects the bad character and is thrown.
 * The messages carry document lines, whatever line the selection starts on.
 */
export function messagesFromEditor(
  services: CommandServices,
  what: string,
  byteOrder: UmpByteOrder = 'bigEndianWords',
): {
  editor: vscode.TextEditor;
  messages: UmpMessageToSend[];
} {
  const editor = vscode.window.activeTextEditor;
  if (!editor)
    throw new UserFacingError(
      `${what}: there is no active editor. Open a file of UMP hex words and select some.`,
    );
  const source = selectedUmpText(editor);
  const reading = readUmpText(source.text, byteOrder);
  if (!reading.ok) throw parseFailure(services, editor, source, reading.problem);
  services.sendProblems.clear(editor.document.uri);
  if (reading.messages.length === 0) {
    throw new UserFacingError(
      `${what}: the selection (or the cursor's line) holds no UMP words, for example 0x20903C64.`,
    );
  }
  return { editor, messages: atDocumentLines(reading.messages, source.firstLine) };
}
