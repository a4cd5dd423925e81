// The endpoints tree with discovery results under each discovered endpoint. It wraps the
// endpoints provider instead of changing it: endpoint nodes come from there, discovery nodes from
// discoveryNodes.ts, and a discovery that changes refreshes only its endpoint.
import * as vscode from 'vscode';
import type { DiscoveryResult } from '../../discovery';
import type { EndpointsTreeDataProvider } from './endpointsTreeDataProvider';
import type { EndpointsTreeNode } from './endpointsTreeNodes';
import {
  discoveryChildNodes,
  discoveryRootNodes,
  discoveryTreeItem,
  isDiscoveryNode,
  type DiscoveryTreeNode,
} from './discoveryNodes';

/** Where the results come from; the extension's discovery store implements it. */
export interface DiscoveryResults {
  resultFor(endpointDeviceId: string): DiscoveryResult | undefined;
  /** Fires with the endpoint whose result changed. */
  readonly onDidChangeResult: vscode.Event<string>;
}

export type EndpointsOrDiscoveryNode = EndpointsTreeNode | DiscoveryTreeNode;

export class DiscoveryTreeDataProvider
  implements vscode.TreeDataProvider<EndpointsOrDiscoveryNode>, vscode.Disposable
{
  private readonly changeEmitter = new vscode.EventEmitter<EndpointsOrDiscoveryNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];
  /** The endpoint node each discovery node hangs under, as last handed to VS Code. */
  private readonly endpointNodes = new Map<string, EndpointsTreeNode>();

  constructor(
    private readonly endpoints: EndpointsTreeDataProvider,
    private readonly results: DiscoveryResults,
  ) {
    this.subscriptions = [
      endpoints.onDidChangeTreeData((node) => this.changeEmitter.fire(node)),
      // Endpoint nodes are rebuilt from snapshots, so refresh from the root: cheap for this tree.
      results.onDidChangeResult(() => this.changeEmitter.fire(undefined)),
      this.changeEmitter,
    ];
  }

  getTreeItem(node: EndpointsOrDiscoveryNode): vscode.TreeItem {
    if (isDiscoveryNode(node)) return discoveryTreeItem(node, this.endpoints.numbering);
    const item = this.endpoints.getTreeItem(node);
    if (node.kind === 'endpoint') {
      const result = this.results.resultFor(node.endpointDeviceId);
      if (result !== undefined) {
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        // A new id: VS Code keeps an item's collapsed state by id, and this one had no children.
        item.id = `${item.id ?? node.endpointDeviceId}#discovered`;
        const flagged = result.problems.length + result.missing.length;
        item.description = `${typeof item.description === 'string' ? `${item.description} · ` : ''}${flagged > 0 ? `⚠ ${flagged}` : 'discovered'}`;
      }
    }
    return item;
  }

  getChildren(node?: EndpointsOrDiscoveryNode): EndpointsOrDiscoveryNode[] {
    if (node !== undefined && isDiscoveryNode(node))
      return discoveryChildNodes(node, this.endpoints.numbering);
    const children: EndpointsOrDiscoveryNode[] = this.endpoints.getChildren(node);
    if (node?.kind === 'endpoint') {
      this.endpointNodes.set(node.endpointDeviceId, node);
      const result = this.results.resultFor(node.endpointDeviceId);
      if (result !== undefined) children.push(...discoveryRootNodes(node.endpointDeviceId, result));
    }
    return children;
  }

  getParent(node: EndpointsOrDiscoveryNode): EndpointsOrDiscoveryNode | undefined {
    if (!isDiscoveryNode(node)) return this.endpoints.getParent(node);
    if (node.kind === 'discoveryLine') return node.parent;
    return this.endpointNodes.get(node.endpointDeviceId);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
