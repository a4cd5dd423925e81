// Commands behind the `.ump` CodeLens (send or schedule one block) and MIDI: Copy Selection as
// Code. The CodeLens selects the block and runs the ordinary send commands, so a block is sent
// exactly as a selection would be.
import * as vscode from 'vscode';
import { parseUmpHex } from '../../ump';
import { UserFacingError, registerMidiCommand, type CommandServices } from '../commands/commandServices';
import { selectedUmpText } from '../sending/editorText';
import { codeOptions, copyCode, type CopiedCode } from './copyCode';
import { resolveEndpoint } from './endpointDirectives';

interface BlockArgument {
  uri: string;
  startLine: number;
  endLine: number;
  mode: 'send' | 'schedule';
  endpointDeviceId?: string;
  /** The `#endpoint` above the block (0-based line): its id or name is looked up when clicked. */
  endpointDirective?: { argument: string; line: number };
}

function blockArgument(argument: unknown): BlockArgument {
  const value = argument as Partial<BlockArgument> | undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof value.uri !== 'string' ||
    !Number.isInteger(value.startLine) ||
    !Number.isInteger(value.endLine) ||
    (value.mode !== 'send' && value.mode !== 'schedule') ||
    (value.endpointDirective !== undefined &&
      (typeof value.endpointDirective.argument !== 'string' ||
        !Number.isInteger(value.endpointDirective.line)))
  ) {
    throw new TypeError(
      'midiScope.sendBlock: expected { uri, startLine, endLine, mode: "send" | "schedule", endpointDeviceId?, endpointDirective?: { argument, line } }',
    );
  }
  return value as BlockArgument;
}

/** The endpoint id a block goes to: given, from its `#endpoint` line, or undefined (ask). */
function blockEndpoint(block: BlockArgument, services: CommandServices): string | undefined {
  if (block.endpointDeviceId !== undefined || block.endpointDirective === undefined)
    return block.endpointDeviceId;
  const { argument, line } = block.endpointDirective;
  const endpoints = services.catalog.findAll();
  const resolution = resolveEndpoint(argument, endpoints);
  if (resolution.kind === 'unknown')
    throw new UserFacingError(
      `#endpoint ${argument === '' ? '(nothing)' : `"${argument}"`} (line ${line + 1}): no endpoint has that id or name now. Endpoints: ${endpoints.map((endpoint) => endpoint.endpointDeviceId).join(', ') || 'none'}.`,
    );
  return resolution.endpoint.endpointDeviceId;
}

async function sendBlock(
  argument: unknown,
  services: CommandServices,
  afterSend: () => void,
): Promise<unknown> {
  const block = blockArgument(argument);
  const endpointDeviceId = blockEndpoint(block, services);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(block.uri));
  const editor = await vscode.window.showTextDocument(document);
  const end = document.lineAt(Math.min(block.endLine, document.lineCount - 1)).range.end;
  editor.selection = new vscode.Selection(new vscode.Position(block.startLine, 0), end);
  const command = block.mode === 'send' ? 'midiScope.sendSelection' : 'midiScope.scheduleSelection';
  const options = endpointDeviceId === undefined ? undefined : { endpointDeviceId };
  const result = await vscode.commands.executeCommand(command, options);
  afterSend();
  return result;
}

async function copyAsCode(argument: unknown): Promise<CopiedCode> {
  const options = codeOptions(argument);
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserFacingError('Copy Selection as Code: there is no active editor.');
  const parsed = parseUmpHex(selectedUmpText(editor).text, { allowTimeOffsets: true });
  if (!parsed.ok)
    throw new UserFacingError(
      `Copy Selection as Code: ${parsed.error.message} (line ${parsed.error.line}, column ${parsed.error.column})`,
    );
  if (parsed.messages.length === 0)
    throw new UserFacingError('Copy Selection as Code: the selection holds no UMP words.');
  return copyCode(
    'Copy Selection as Code',
    parsed.messages.map((message) => message.words),
    options,
  );
}

export function registerLanguageCommands(
  services: CommandServices,
  afterSend: () => void,
): vscode.Disposable[] {
  return [
    registerMidiCommand(services, 'midiScope.sendBlock', (argument) =>
      sendBlock(argument, services, afterSend),
    ),
    registerMidiCommand(services, 'midiScope.copyAsCode', (argument) => copyAsCode(argument)),
  ];
}
