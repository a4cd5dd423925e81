// Asks the person for what a host requires, in place: an input box for the shared secret, or two
// for user name and password, then whether to remember them (only if asked).
import * as vscode from 'vscode';
import type { CredentialRequest } from '../../transports/network';
import type { CredentialPrompt } from './networkManager';

export const promptForCredentials: CredentialPrompt = async (request: CredentialRequest, hostKey: string) => {
  const hostName = `'${request.host.endpointName}' at ${hostKey}`;
  const again = request.retry ? (request.userNotFound ? 'User not found. ' : 'Wrong secret. ') : '';
  let credentials: { secret: string } | { userName: string; password: string };
  if (request.kind === 'sharedSecret') {
    const secret = await vscode.window.showInputBox({
      title: `Network MIDI host ${hostName}`,
      prompt: `${again}This host requires a shared secret.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (secret === undefined) return undefined;
    credentials = { secret };
  } else {
    const userName = await vscode.window.showInputBox({
      title: `Network MIDI host ${hostName}`,
      prompt: `${again}This host requires a user name and password. User name:`,
      ignoreFocusOut: true,
    });
    if (userName === undefined) return undefined;
    const password = await vscode.window.showInputBox({
      title: `Network MIDI host ${hostName}`,
      prompt: `Password for ${userName}:`,
      password: true,
      ignoreFocusOut: true,
    });
    if (password === undefined) return undefined;
    credentials = { userName, password };
  }
  const remember = await vscode.window.showQuickPick(
    ['Do not remember', 'Remember in VS Code secret storage'],
    {
      title: 'Remember for this host?',
      ignoreFocusOut: true,
    },
  );
  return { credentials, remember: remember === 'Remember in VS Code secret storage' };
};
