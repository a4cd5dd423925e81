// The `midiScope.network` view. A whole-tree refresh drops VS Code's map of rows to nodes until
// the tree has asked for its rows again, and a row's inline action clicked in that moment runs
// with no node (CI: End Network Session then asked which session). So the whole tree is redrawn
// only when the manager says something changed (sessions and clients notify state changes, not
// RTT or counters); RTT and counters move on the session rows alone, which are redrawn once a
// second by name (each session keeps one node object) and whose children have no actions.
import * as vscode from 'vscode';
import type { NetworkClient, NetworkSession } from '../../transports/network';
import type { NetworkManager } from './networkManager';
import {
  clientDescription,
  counterRows,
  hostChildren,
  sessionSummary,
  type NetworkTreeNode,
} from './networkTreeNodes';

export class NetworkTreeDataProvider implements vscode.TreeDataProvider<NetworkTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<NetworkTreeNode | NetworkTreeNode[] | undefined>();
  private readonly clientNodes = new WeakMap<NetworkClient, NetworkTreeNode>();
  private readonly sessionNodes = new WeakMap<NetworkSession, NetworkTreeNode>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private pending: NodeJS.Timeout | undefined;
  private readonly ticker: NodeJS.Timeout;

  constructor(private readonly manager: NetworkManager) {
    this.subscription = manager.onDidChange(() => this.scheduleRefresh());
    this.ticker = setInterval(() => {
      const moving = this.movingNodes();
      if (moving.length > 0) this.changeEmitter.fire(moving);
    }, 1000);
  }

  /** The rows whose RTT and counters move by themselves: the open sessions, the host's and the clients'. */
  private movingNodes(): NetworkTreeNode[] {
    const sessions = [
      ...(this.manager.host?.sessions ?? []),
      ...this.manager.clients.flatMap((client) =>
        client.state === 'established' && client.session ? [client.session] : [],
      ),
    ];
    return sessions.flatMap((session) => this.sessionNodes.get(session) ?? []);
  }

  private clientNode(client: NetworkClient): NetworkTreeNode {
    let node = this.clientNodes.get(client);
    if (!node) {
      node = { kind: 'client', client };
      this.clientNodes.set(client, node);
    }
    return node;
  }

  private sessionNode(session: NetworkSession, parent: 'host' | NetworkClient): NetworkTreeNode {
    let node = this.sessionNodes.get(session);
    if (!node) {
      node = { kind: 'session', session, parent };
      this.sessionNodes.set(session, node);
    }
    return node;
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
        ...this.manager.clients.map((client) => this.clientNode(client)),
      ];
    }
    switch (node.kind) {
      case 'host':
        return node.host
          ? hostChildren(node.host).map((child) =>
              child.kind === 'session' ? this.sessionNode(child.session, child.parent) : child,
            )
          : [];
      case 'client':
        return node.client.session ? [this.sessionNode(node.client.session, node.client)] : [];
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
