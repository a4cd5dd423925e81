// Tree data provider for the `midiScope.endpoints` view. It reads the engine's endpoints when
// VS Code asks for the root, and asks VS Code to re-read (debounced) when the source says the
// endpoints changed: the engine's watcher drives it, nothing polls.
import * as vscode from 'vscode';
import type { GroupChannelNumbering } from '../../discovery';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import { treeItemFor } from './endpointTreeItems';
import {
  buildSnapshot,
  childNodes,
  parentNode,
  rootNodes,
  type EndpointsSnapshot,
  type EndpointsTreeNode,
  type LoopbackPairView,
  type TransportView,
  type VirtualDeviceInfo,
} from './endpointsTreeNodes';

/** What the tree shows; the extension implements it over the engine and its pair bookkeeping. */
export interface EndpointsTreeSource {
  /** Why the engine cannot be used, or undefined when it can. */
  readonly unavailableReason: string | undefined;
  findAll(): readonly MidiEndpointDeviceInformation[];
  /** The engine's transports, with why one is unavailable here. */
  transports(): readonly TransportView[];
  persistenceOf(associationId: string): LoopbackPairView['persistence'];
  /** Fires when endpoints or pair persistence may have changed. */
  readonly onDidChangeEndpoints: vscode.Event<void>;
}

/** The virtual devices of this window; the extension's VirtualDeviceRegistry implements it. */
export interface VirtualDevicesSource {
  list(): readonly VirtualDeviceInfo[];
  /** Fires when a device is created, removed or redeclared. */
  readonly onDidChange: vscode.Event<void>;
}

/** How the user numbers groups (midiScope.display.numbering), and when that changes. */
export interface TreeNumbering {
  readonly numbering: GroupChannelNumbering;
  readonly onDidChange: vscode.Event<void>;
}

/** Bursts of watcher events (a pair adds two endpoints) become one refresh. */
const refreshDebounceMs = 50;

export class EndpointsTreeDataProvider
  implements vscode.TreeDataProvider<EndpointsTreeNode>, vscode.Disposable
{
  private readonly changeEmitter = new vscode.EventEmitter<EndpointsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private snapshot: EndpointsSnapshot | undefined;
  private pendingRefresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: EndpointsTreeSource,
    private readonly virtualDevices?: VirtualDevicesSource,
    private readonly display?: TreeNumbering,
  ) {
    this.subscriptions = [source.onDidChangeEndpoints(() => this.scheduleRefresh())];
    if (virtualDevices) this.subscriptions.push(virtualDevices.onDidChange(() => this.scheduleRefresh()));
    if (display) this.subscriptions.push(display.onDidChange(() => this.refresh()));
  }

  /** How function block groups are numbered in the rows (oneBased without a `display`). */
  get numbering(): GroupChannelNumbering {
    return this.display?.numbering ?? 'oneBased';
  }

  /** Re-reads everything now. */
  refresh(): void {
    if (this.pendingRefresh) clearTimeout(this.pendingRefresh);
    this.pendingRefresh = undefined;
    this.snapshot = undefined;
    this.changeEmitter.fire(undefined);
  }

  private scheduleRefresh(): void {
    if (this.pendingRefresh) return;
    this.pendingRefresh = setTimeout(() => this.refresh(), refreshDebounceMs);
  }

  private currentSnapshot(): EndpointsSnapshot {
    this.snapshot ??= buildSnapshot(
      this.source.findAll(),
      this.source.transports(),
      (id) => this.source.persistenceOf(id),
      this.virtualDevices?.list() ?? [],
    );
    return this.snapshot;
  }

  getTreeItem(node: EndpointsTreeNode): vscode.TreeItem {
    return treeItemFor(node, this.numbering);
  }

  getChildren(node?: EndpointsTreeNode): EndpointsTreeNode[] {
    const reason = this.source.unavailableReason;
    if (reason !== undefined) return node ? [] : [{ kind: 'engineUnavailable', reason }];
    if (!node) {
      // The root is where VS Code starts every re-read: take a fresh snapshot for this pass.
      this.snapshot = undefined;
      return rootNodes(this.currentSnapshot());
    }
    return childNodes(this.currentSnapshot(), node);
  }

  getParent(node: EndpointsTreeNode): EndpointsTreeNode | undefined {
    return this.source.unavailableReason === undefined ? parentNode(this.currentSnapshot(), node) : undefined;
  }

  dispose(): void {
    if (this.pendingRefresh) clearTimeout(this.pendingRefresh);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}
