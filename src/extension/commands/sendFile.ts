// midiScope.sendFile: a `.ump` / `.txt` file of hex text (the editor's syntax), or any other
// file as big-endian binary UMP words.
import * as vscode from 'vscode';
import { offsetsFromText } from '../sending/scheduleTiming';
import {
  BinaryUmpError,
  hasTimeOffsets,
  readBinaryUmp,
  readUmpText,
  type UmpMessageToSend,
} from '../sending/umpMessages';
import { endpointIdArgument } from './commandArguments';
import { UserFacingError, failure, requireSender, type CommandServices } from './commandServices';
import {
  chooseEndpoint,
  parseFailure,
  sendAndReport,
  type SendCommandResult,
  type Timing,
} from './sendDelivery';

const textFileExtensions = new Set(['.ump', '.txt']);

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
export async function sendFile(
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
    const source = { text: document.getText(), startOffset: 0, firstLine: 0 };
    const reading = readUmpText(source.text);
    if (!reading.ok) {
      const editor = await vscode.window.showTextDocument(document);
      throw parseFailure(services, editor, source, reading.problem);
    }
    services.sendProblems.clear(document.uri);
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
