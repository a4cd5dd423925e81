// The "Get Started with MIDI Scope" walkthrough (package.json contributes.walkthroughs): the
// commands its steps run that exist for it (a sample to send, the docs), and opening it once, the
// first time MIDI Scope activates on this machine (walkthroughFirstRun.ts decides).
import * as vscode from 'vscode';
import { firstRunDecision } from './walkthroughFirstRun';

export const walkthroughId = 'midi-scope.midi-scope#midiScope.gettingStarted';
/** globalState key: set once the walkthrough was opened on a first run. */
export const walkthroughShownKey = 'midiScope.walkthroughShown';
const openOnFirstRunSetting = 'openWalkthroughOnFirstRun';

/** Note On and Note Off on a MIDI 1.0 channel voice message and on a MIDI 2.0 one. */
export const sampleMessages = [
  '// A sample to send: select it (it is selected) and run "MIDI: Send Selection as UMP".',
  '0x20903C64              // MIDI 1.0 Note On, group 1, channel 1, note 60 (C4), velocity 100',
  '0x20803C00              // MIDI 1.0 Note Off, note 60',
  '0x40903C00 0xC0000000   // MIDI 2.0 Note On, note 60, velocity 0xC000',
  '0x40803C00 0x00000000   // MIDI 2.0 Note Off, note 60',
  '',
].join('\n');

/** Opens the sample in an editor, selects it, and sends it (the send asks for the endpoint). */
async function sendSample(): Promise<unknown> {
  const document = await vscode.workspace.openTextDocument({ language: 'ump', content: sampleMessages });
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
  return vscode.commands.executeCommand('midiScope.sendSelection');
}

/** The README that ships in the extension, as a Markdown preview. */
async function openDocs(extensionUri: vscode.Uri): Promise<vscode.Uri> {
  // vsce stores README.md as readme.md; a development checkout keeps README.md.
  for (const name of ['README.md', 'readme.md']) {
    const uri = vscode.Uri.joinPath(extensionUri, name);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  }
  throw new Error(`no README in ${extensionUri.toString()}`);
}

/** Registers the walkthrough's commands and opens it if this is the first run. */
export function registerWalkthrough(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const disposables = [
    vscode.commands.registerCommand('midiScope.sendSample', () => sendSample()),
    vscode.commands.registerCommand('midiScope.openDocs', () => openDocs(context.extensionUri)),
    vscode.commands.registerCommand('midiScope.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false),
    ),
  ];
  const decision = firstRunDecision({
    wanted: vscode.workspace.getConfiguration('midiScope').get<boolean>(openOnFirstRunSetting, true),
    openOnInstall: vscode.workspace
      .getConfiguration('workbench.welcomePage.walkthroughs')
      .get<boolean>('openOnInstall', true),
    decidedBefore: context.globalState.get<boolean>(walkthroughShownKey, false),
  });
  if (decision.remember) void context.globalState.update(walkthroughShownKey, true);
  if (decision.open) {
    log.info('first run: opening the walkthrough "Get Started with MIDI Scope"');
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
  }
  return disposables;
}
