// Registers the network transport's part of the extension: the manager, the tree, the commands.
import * as vscode from 'vscode';
import { promptForCredentials } from './credentialPrompt';
import { registerNetworkCommands } from './networkCommands';
import { NetworkManager } from './networkManager';
import { NetworkSecrets } from './networkSecrets';
import { NetworkTreeDataProvider } from './networkTreeDataProvider';

export function registerNetwork(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): NetworkManager {
  const secrets = new NetworkSecrets(context.secrets);
  const manager = new NetworkManager(secrets, log, promptForCredentials);
  const tree = new NetworkTreeDataProvider(manager);
  context.subscriptions.push(
    manager,
    tree,
    vscode.window.createTreeView('midiScope.network', { treeDataProvider: tree }),
    ...registerNetworkCommands(manager, secrets),
  );
  return manager;
}
