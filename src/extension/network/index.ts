// Registers the network transport's part of the extension: the manager, the tree, the commands.
import * as vscode from 'vscode';
import type { EngineHost } from '../engineHost';
import { EngineNetworkEndpoints } from './engineNetworkEndpoints';
import { promptForCredentials } from './credentialPrompt';
import { registerNetworkCommands } from './networkCommands';
import { NetworkManager } from './networkManager';
import { NetworkSecrets } from './networkSecrets';
import { NetworkTreeDataProvider } from './networkTreeDataProvider';

export function registerNetwork(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  engineHost: EngineHost,
): NetworkManager {
  const secrets = new NetworkSecrets(context.secrets);
  const manager = new NetworkManager(secrets, log, promptForCredentials);
  if (engineHost.isAvailable) {
    // Sessions become engine endpoints: connections, sends, the scheduler and the monitor work on them.
    const endpoints = new EngineNetworkEndpoints(engineHost.require());
    manager.publisher = endpoints;
    context.subscriptions.push({ dispose: () => endpoints.dispose() });
  }
  const tree = new NetworkTreeDataProvider(manager);
  context.subscriptions.push(
    manager,
    tree,
    vscode.window.createTreeView('midiScope.network', { treeDataProvider: tree }),
    ...registerNetworkCommands(manager, secrets),
  );
  return manager;
}
