// midiScope.sendSelection, sendToEndpoint, scheduleSelection, sendFile and cancelScheduled.
// Every send is all or nothing up to the engine: the whole text is parsed and validated first,
// then one multiple-message call hands everything over, and the report says what it took.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import { revealParseProblem, selectedUmpText } from '../sending/editorText';
import {
  offsetsFromSpacing,
  offsetsFromText,
  parseMilliseconds,
  validateMillisecondsInput,
} from '../sending/scheduleTiming';
import { countText, isCompleteSend, partialSendText, plural } from '../sending/sendReport';
import {
  BinaryUmpError,
  concatenateWords,
  hasTimeOffsets,
  readBinaryUmp,
  readUmpText,
  type UmpMessageToSend,
} from '../sending/umpMessages';
import { endpointIdArgument, scheduleOptionsArgument } from './commandArguments';
import {
  UserFacingError,
  failure,
  registerMidiCommand,
  requireSender,
  type CommandFailure,
  type CommandServices,
} from './commandServices';

export type SendCommandResult =
  | { ok: true; endpointDeviceId: string; messagesSent: number; wordsSent: number; scheduled: boolean }
  | (CommandFailure & { messagesSent?: number; wordsSent?: number });

/** Now, or each message at its offset in µs from the moment of sending. */
type Timing = { kind: 'now' } | { kind: 'timed'; offsetsUs: number[] };

const textFileExtensions = new Set(['.ump', '.txt']);

async function chooseEndpoint(
  services: CommandServices,
  explicitId: string | undefined,
  purpose: string,
): Promise<MidiEndpointDeviceInformation | undefined> {
  const choice = await services.targets.choose(explicitId, purpose);
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

async function sendAndReport(
  services: CommandServices,
  endpoint: MidiEndpointDeviceInformation,
  messages: readonly UmpMessageToSend[],
  timing: Timing,
): Promise<SendCommandResult> {
  const sender = requireSender(services);
  const id = endpoint.endpointDeviceId;
  let outcome;
  if (timing.kind === 'now') {
    outcome = sender.sendNow(id, concatenateWords(messages), messages.length);
  } else {
    const { MidiClock } = services.engineHost.require();
    const start = MidiClock.now();
    const timed = messages.map((message, index) => ({
      timestamp: MidiClock.offsetTimestampByMicroseconds(start, timing.offsetsUs[index]),
      words: message.words,
    }));
    outcome = sender.sendTimed(id, timed);
  }
  await services.targets.remember(id);
  const scheduled = timing.kind === 'timed';
  const verb = scheduled ? 'Scheduled' : 'Sent';
  if (!isCompleteSend(outcome)) {
    const reason = partialSendText(verb, outcome, messages, endpoint.name);
    services.log.error(`${reason} (${id})`);
    void vscode.window.showErrorMessage(reason);
    return { ok: false, reason, messagesSent: outcome.messagesSent, wordsSent: outcome.wordsSent };
  }
  const report = `${verb} ${countText(outcome.messagesSent, outcome.wordsSent)} to ${endpoint.name}${
    timing.kind === 'timed' ? spanText(timing.offsetsUs) : ''
  }.`;
  services.log.info(`${report} (${id})`);
  if (scheduled) {
    void vscode.window.showInformationMessage(report, 'Cancel Scheduled').then((choice) => {
      if (choice) void vscode.commands.executeCommand('midiScope.cancelScheduled');
    });
  } else {
    void vscode.window.showInformationMessage(report);
  }
  return {
    ok: true,
    endpointDeviceId: id,
    messagesSent: outcome.messagesSent,
    wordsSent: outcome.wordsSent,
    scheduled,
  };
}

/** Parses the editor's selection (or line); a parse error selects the bad token and is thrown. */
function messagesFromEditor(what: string): { editor: vscode.TextEditor; messages: UmpMessageToSend[] } {
  const editor = vscode.window.activeTextEditor;
  if (!editor)
    throw new UserFacingError(
      `${what}: there is no active editor. Open a file of UMP hex words and select some.`,
    );
  const source = selectedUmpText(editor);
  const reading = readUmpText(source.text);
  if (!reading.ok)
    throw new UserFacingError(`UMP parse error at ${revealParseProblem(editor, source, reading.problem)}`);
  if (reading.messages.length === 0) {
    throw new UserFacingError(
      `${what}: the selection (or the cursor's line) holds no UMP words, for example 0x20903C64.`,
    );
  }
  return { editor, messages: reading.messages };
}

async function sendSelection(services: CommandServices, argument: unknown): Promise<SendCommandResult> {
  const explicitId = endpointIdArgument('midiScope.sendSelection', argument);
  requireSender(services);
  const { editor, messages } = messagesFromEditor('Send Selection');
  const timed = messages.find((message) => message.delayUs !== undefined || message.atUs !== undefined);
  if (timed) {
    const firstLine = editor.document.positionAt(selectedUmpText(editor).startOffset).line;
    throw new UserFacingError(
      `Line ${firstLine + timed.line} has a time offset, and Send Selection sends everything now: use "MIDI: Schedule Selection" to send with the offsets.`,
    );
  }
  const endpoint = await chooseEndpoint(services, explicitId, 'Send Selection as UMP');
  if (!endpoint) return failure('cancelled');
  return sendAndReport(services, endpoint, messages, { kind: 'now' });
}

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

async function scheduleSelection(services: CommandServices, argument: unknown): Promise<SendCommandResult> {
  const options = scheduleOptionsArgument('midiScope.scheduleSelection', argument);
  requireSender(services);
  const { messages } = messagesFromEditor('Schedule Selection');
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

function extensionOf(uri: vscode.Uri): string {
  const match = /\.[^./\\]+$/.exec(uri.path);
  return match ? match[0].toLowerCase() : '';
}

async function fileToSend(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  const active = vscode.window.activeTextEditor?.document;
  if (active && !active.isUntitled && textFileExtensions.has(extensionOf(active.uri))) return active.uri;
  const [picked] =
    (await vscode.window.showOpenDialog({
      title: 'Send File as UMP',
      canSelectMany: false,
      filters: { 'UMP hex text': ['ump', 'txt'], 'Binary UMP (big-endian words)': ['*'] },
    })) ?? [];
  return picked;
}

/**
 * `.ump` / `.txt`: hex text in the editor's syntax (per-line offsets schedule the messages);
 * any other file: big-endian binary UMP words.
 */
async function sendFile(
  services: CommandServices,
  first: unknown,
  second: unknown,
): Promise<SendCommandResult> {
  // (uri, options) from code; (uri, selectedUris) from the explorer; (options) or nothing otherwise.
  const options = first instanceof vscode.Uri ? (Array.isArray(second) ? undefined : second) : first;
  const explicitId = endpointIdArgument('midiScope.sendFile', options);
  requireSender(services);
  const uri = await fileToSend(first);
  if (!uri) return failure('cancelled');
  const name = vscode.workspace.asRelativePath(uri);
  let messages: UmpMessageToSend[];
  let timing: Timing = { kind: 'now' };
  if (textFileExtensions.has(extensionOf(uri))) {
    const document = await vscode.workspace.openTextDocument(uri);
    const source = { text: document.getText(), startOffset: 0 };
    const reading = readUmpText(source.text);
    if (!reading.ok) {
      const editor = await vscode.window.showTextDocument(document);
      throw new UserFacingError(`UMP parse error at ${revealParseProblem(editor, source, reading.problem)}`);
    }
    messages = reading.messages;
    if (hasTimeOffsets(messages)) timing = { kind: 'timed', offsetsUs: offsetsFromText(messages) };
  } else {
    try {
      messages = readBinaryUmp(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof BinaryUmpError) throw new UserFacingError(`${name}: ${error.message}.`);
      throw error;
    }
  }
  if (messages.length === 0) throw new UserFacingError(`${name} holds no UMP words.`);
  const endpoint = await chooseEndpoint(services, explicitId, `Send ${name} as UMP`);
  if (!endpoint) return failure('cancelled');
  return sendAndReport(services, endpoint, messages, timing);
}

function cancelScheduled(services: CommandServices): { ok: true; cancelled: number } {
  const cancelled = requireSender(services).cancelScheduled();
  const report =
    cancelled === 0 ? 'Nothing was scheduled.' : `Cancelled ${plural(cancelled, 'scheduled message')}.`;
  services.log.info(report);
  void vscode.window.showInformationMessage(report);
  return { ok: true, cancelled };
}

export function registerSendCommands(services: CommandServices): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.sendSelection', (argument) => sendSelection(services, argument)),
    registerMidiCommand(services, 'midiScope.sendToEndpoint', (argument) =>
      sendSelection(services, { endpointDeviceId: endpointIdArgument('midiScope.sendToEndpoint', argument) }),
    ),
    registerMidiCommand(services, 'midiScope.scheduleSelection', (argument) =>
      scheduleSelection(services, argument),
    ),
    registerMidiCommand(services, 'midiScope.sendFile', (first, second) => sendFile(services, first, second)),
    registerMidiCommand(services, 'midiScope.cancelScheduled', () => cancelScheduled(services)),
  ];
}
