// The `midiScope.network` view: refreshed when the manager says something changed, and once a
// second while a session is open (RTT and counters move without events).
import * as vscode from 'vscode';
import type { NetworkManager } from './networkManager';
import {
  clientDescription,
  counterRows,
  hostChildren,
  sessionSummary,
  type NetworkTreeNode,
} from './networkTreeNodes';

export class NetworkTreeDataProvider implements vscode.TreeDataProvider<NetworkTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<NetworkTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;
  private readonly ticker: NodeJS.Timeout;

  constructor(private readonly manager: NetworkManager) {
    this.subscription = manager.onDidChange(() => this.scheduleRefresh());
    this.ticker = setInterval(() => {
      const open =
        (manager.host?.sessions.length ?? 0) > 0 ||
        manager.clients.some((client) => client.state === 'established');
      if (open) this.refresh();
    }, 1000);
  }

  refresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.changeEmitter.fire(undefined);
  }

  private scheduleRefresh(): void {
    this.pending ??= setTimeout(() => this.refresh(), 50);
  }

  getChildren(node?: NetworkTreeNode): NetworkTreeNode[] {
    if (!node) {
      return [
        { kind: 'host', host: this.manager.host, problem: this.manager.hostStartProblem },
        ...this.manager.clients.map((client): NetworkTreeNode => ({ kind: 'client', client })),
      ];
    }
    switch (node.kind) {
      case 'host':
        return node.host ? hostChildren(node.host) : [];
      case 'client':
        return node.client.session
          ? [{ kind: 'session', session: node.client.session, parent: node.client }]
          : [];
      case 'session':
        return counterRows(node.session.counters);
      default:
        return [];
    }
  }

  getTreeItem(node: NetworkTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'host': {
        const item = new vscode.TreeItem('Network host', vscode.TreeItemCollapsibleState.Expanded);
        // Running and stopped are different items: the tree keeps a known item's collapsed state,
        // and the stopped host is a leaf, so the running one would start collapsed.
        item.id = node.host ? `network-host:${node.host.local.port}` : 'network-host:stopped';
        if (node.host) {
          const { address, port } = node.host.local;
          item.description = `${node.host.settings.endpointName} · ${address}:${port} · ${node.host.authenticationMode === 'none' ? 'no authentication' : node.host.authenticationMode}`;
          item.contextValue = 'networkHost.running';
          item.iconPath = new vscode.ThemeIcon('broadcast');
        } else {
          item.description = node.problem ? `not running: ${node.problem}` : 'not running';
          item.contextValue = 'networkHost.stopped';
          item.iconPath = new vscode.ThemeIcon(node.problem ? 'warning' : 'circle-slash');
          item.collapsibleState = vscode.TreeItemCollapsibleState.None;
        }
        return item;
      }
      case 'client': {
        const name = node.client.hostIdentity?.endpointName ?? 'Network client';
        const item = new vscode.TreeItem(`→ ${name}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = clientDescription(node.client);
        item.tooltip = node.client.lastProblem;
        item.contextValue = `networkClient.${node.client.state === 'established' ? 'established' : node.client.state === 'ended' ? 'ended' : 'inviting'}`;
        item.iconPath = new vscode.ThemeIcon(node.client.state === 'ended' ? 'debug-disconnect' : 'plug');
        return item;
      }
      case 'session': {
        const item = new vscode.TreeItem(
          `${node.session.peer.endpointName || '(no name)'}`,
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = sessionSummary(node.session);
        item.tooltip = `${node.session.label}\nproduct instance id: ${node.session.peer.productInstanceId}\npeer FEC count seen: ${node.session.peerFecCount}${node.session.peerRefusesRetransmit ? '\nthe peer does not retransmit' : ''}`;
        item.contextValue = `networkSession.${node.session.state === 'closed' ? 'closed' : 'open'}`;
        item.iconPath = new vscode.ThemeIcon(
          node.session.state === 'closed' ? 'debug-disconnect' : 'radio-tower',
        );
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = node.tooltip ?? `${node.label}: ${node.description}`;
        return item;
      }
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
    if (this.pending) clearTimeout(this.pending);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
