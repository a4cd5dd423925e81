// How each node of the endpoints tree looks: labels, descriptions, tooltips, codicons and the
// contextValue that package.json's menus key on.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import type { EndpointGroupKind, EndpointsTreeNode, LoopbackPairView } from './endpointsTreeNodes';

/** contextValue of each kind of item; package.json `when` clauses use these strings. */
export const TreeItemContext = {
  endpoint: 'endpoint',
  transientPair: 'loopbackPair.transient',
  persistentPair: 'loopbackPair.persistent',
  diagnosticsGroup: 'group.diagnostics',
  loopbackPairsGroup: 'group.loopbackPairs',
  devicesGroup: 'group.devices',
  noPairs: 'noPairs',
  engineUnavailable: 'engineUnavailable',
} as const;

const groupLabels: Record<EndpointGroupKind, { label: string; icon: string; context: string }> = {
  diagnostics: { label: 'Diagnostics', icon: 'beaker', context: TreeItemContext.diagnosticsGroup },
  loopbackPairs: { label: 'Loopback pairs', icon: 'arrow-swap', context: TreeItemContext.loopbackPairsGroup },
  devices: { label: 'Devices', icon: 'circuit-board', context: TreeItemContext.devicesGroup },
};

/** Markdown lines "**Field:** value" with the values escaped (names come from the user). */
function fieldsTooltip(title: string, fields: [string, string][]): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown('### ').appendText(title).appendMarkdown('\n\n');
  for (const [field, value] of fields) {
    tooltip
      .appendMarkdown(`**${field}:** `)
      .appendText(value === '' ? '—' : value)
      .appendMarkdown('  \n');
  }
  return tooltip;
}

function sideName(kind: MidiEndpointDeviceInformation['kind']): string {
  return kind === 'loopbackA' ? 'A' : 'B';
}

function endpointItem(endpoint: MidiEndpointDeviceInformation): vscode.TreeItem {
  const item = new vscode.TreeItem(endpoint.name, vscode.TreeItemCollapsibleState.None);
  item.id = `endpoint:${endpoint.endpointDeviceId}`;
  item.description = `${endpoint.transport} · ${endpoint.uniqueId}`;
  item.iconPath = new vscode.ThemeIcon(endpoint.transport === 'diagnostics' ? 'debug-alt' : 'plug');
  item.contextValue = TreeItemContext.endpoint;
  item.tooltip = fieldsTooltip(endpoint.name, [
    ['Description', endpoint.description],
    ['Transport', endpoint.transport],
    ['Side', `${sideName(endpoint.kind)} (messages sent here arrive on its peer)`],
    ['Unique id', endpoint.uniqueId],
    ['Endpoint id', endpoint.endpointDeviceId],
    ['Association id', endpoint.associationId],
    ['Peer endpoint id', endpoint.peerEndpointDeviceId],
  ]);
  return item;
}

function pairItem(pair: LoopbackPairView): vscode.TreeItem {
  const nameA = pair.endpointA?.name ?? '(missing A)';
  const nameB = pair.endpointB?.name ?? '(missing B)';
  const item = new vscode.TreeItem(`${nameA} ↔ ${nameB}`, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `pair:${pair.associationId}`;
  // Persistence first: the association id is long and the sidebar cuts descriptions short.
  item.description = `${pair.persistence} · ${pair.associationId}`;
  item.iconPath = new vscode.ThemeIcon(pair.persistence === 'persistent' ? 'pinned' : 'link');
  item.contextValue =
    pair.persistence === 'persistent' ? TreeItemContext.persistentPair : TreeItemContext.transientPair;
  item.tooltip = fieldsTooltip(`${nameA} ↔ ${nameB}`, [
    ['Association id', pair.associationId],
    [
      'Kept',
      pair.persistence === 'persistent'
        ? 'persistent: in the setting midiScope.loopbackPairs, recreated when VS Code starts'
        : 'transient: gone when this window closes',
    ],
    ['A', pair.endpointA ? `${pair.endpointA.uniqueId} · ${pair.endpointA.endpointDeviceId}` : 'missing'],
    ['B', pair.endpointB ? `${pair.endpointB.uniqueId} · ${pair.endpointB.endpointDeviceId}` : 'missing'],
  ]);
  return item;
}

function groupItem(group: EndpointGroupKind, childCount: number): vscode.TreeItem {
  const { label, icon, context } = groupLabels[group];
  const empty = group === 'devices' && childCount === 0;
  const item = new vscode.TreeItem(
    label,
    empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = `group:${group}`;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = context;
  if (empty) {
    item.description = 'no device transport is available yet';
    item.tooltip =
      'MIDI Scope hosts loopback endpoints only for now; hardware and network transports will list their endpoints here.';
  } else if (group === 'loopbackPairs') {
    item.description = childCount === 1 ? '1 pair' : `${childCount} pairs`;
  }
  return item;
}

export function treeItemFor(node: EndpointsTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'group':
      return groupItem(node.group, node.childCount);
    case 'pair':
      return pairItem(node.pair);
    case 'endpoint':
      return endpointItem(node.endpoint);
    case 'noPairs': {
      const item = new vscode.TreeItem('No loopback pairs yet', vscode.TreeItemCollapsibleState.None);
      item.id = 'noPairs';
      item.description = 'click to create one';
      item.iconPath = new vscode.ThemeIcon('add');
      item.contextValue = TreeItemContext.noPairs;
      item.command = { command: 'midiScope.createLoopbackPair', title: 'Create Loopback Pair' };
      return item;
    }
    case 'engineUnavailable': {
      const item = new vscode.TreeItem('MIDI engine unavailable', vscode.TreeItemCollapsibleState.None);
      item.id = 'engineUnavailable';
      // The reason can run to several lines (paths tried); the first says what is wrong.
      item.description = node.reason.split('\n')[0];
      item.tooltip = new vscode.MarkdownString()
        .appendText(node.reason)
        .appendMarkdown('\n\nClick to show the log.');
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = TreeItemContext.engineUnavailable;
      item.command = { command: 'midiScope.showLog', title: 'Show Log' };
      return item;
    }
  }
}
