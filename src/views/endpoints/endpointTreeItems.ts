// How each node of the endpoints tree looks: labels, descriptions, tooltips, codicons and the
// contextValue that package.json's menus key on.
import * as vscode from 'vscode';
import type { GroupChannelNumbering } from '../../discovery';
import type { MidiEndpointDeviceInformation, MidiFunctionBlockDetails } from '../../engine/types';
import {
  endpointSummary,
  functionBlockFields,
  functionBlockSummary,
  loopbackSide,
  pairLabel,
  protocolLabel,
  transportDisplayName,
} from './endpointDescriptions';
import type {
  EndpointsTreeNode,
  LoopbackPairView,
  TransportGroupView,
  VirtualRole,
} from './endpointsTreeNodes';
import { publicationProblemPresentation } from './publicationProblems';
import { declaredBlockItem, virtualDeviceItem, virtualDevicesItem } from './virtualDeviceTreeItems';

/** contextValue of each kind of item; package.json `when` clauses use these strings. */
export const TreeItemContext = {
  endpoint: 'endpoint',
  transientPair: 'loopbackPair.transient',
  persistentPair: 'loopbackPair.persistent',
  loopbackPairsGroup: 'group.loopbackPairs',
  /** `group.transport.<id>`, e.g. group.transport.alsa */
  transportGroupPrefix: 'group.transport.',
  functionBlock: 'functionBlock',
  noPairs: 'noPairs',
  virtualDevicesGroup: 'group.virtualDevices',
  /** `virtualDevice.settings` or `virtualDevice.created` */
  virtualDevicePrefix: 'virtualDevice.',
  declared: 'virtualDevice.declared',
  engineUnavailable: 'engineUnavailable',
} as const;

const transportIcons: Record<string, string> = {
  diagnostics: 'beaker',
  alsa: 'circuit-board',
  network: 'globe',
};

/** Markdown lines "**Field:** value" with the values escaped (names come from the user). */
export function fieldsTooltip(title: string, fields: [string, string][]): vscode.MarkdownString {
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

const virtualRoleLabels: Record<VirtualRole, string> = { endpoint: 'endpoint', device: 'device' };

function endpointItem(endpoint: MidiEndpointDeviceInformation, virtualRole?: VirtualRole): vscode.TreeItem {
  // A virtual device's rows say which side the code under test uses and which one answers.
  const side = virtualRole ? virtualRoleLabels[virtualRole] : loopbackSide(endpoint);
  // What identifies the item first (the side of a pair, then the name); details after.
  const item = new vscode.TreeItem(
    side ? `${side} · ${endpoint.name}` : endpoint.name,
    // A virtual device's blocks are under its Declared function blocks row instead.
    virtualRole === undefined && endpoint.functionBlocks.length > 0
      ? vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None,
  );
  item.id = `endpoint:${endpoint.endpointDeviceId}`;
  item.description = side ? endpoint.uniqueId : endpointSummary(endpoint);
  item.iconPath = new vscode.ThemeIcon(endpoint.transport === 'diagnostics' ? 'debug-alt' : 'plug');
  item.contextValue = TreeItemContext.endpoint;
  const fields: [string, string][] = [
    ['Description', endpoint.description],
    ['Transport', transportDisplayName(endpoint.transport)],
    ['Protocol', protocolLabel(endpoint)],
  ];
  if (virtualRole === 'endpoint') {
    fields.push(['Side', 'endpoint: for the code under test and Discover Endpoint; the device answers here']);
  } else if (virtualRole === 'device') {
    fields.push([
      'Side',
      'device: the virtual device answers on this side; a monitor here sees what it gets',
    ]);
  } else if (endpoint.loopback) {
    fields.push(['Side', `${endpoint.loopback.side} (messages sent here arrive on its peer)`]);
  }
  fields.push(['Unique id', endpoint.uniqueId], ['Endpoint id', endpoint.endpointDeviceId]);
  for (const [name, value] of endpoint.details) fields.push([name, value]);
  if (endpoint.loopback) {
    fields.push(
      ['Association id', endpoint.loopback.associationId],
      ['Peer endpoint id', endpoint.loopback.peerEndpointDeviceId],
    );
  }
  const ump = endpoint.umpEndpoint;
  if (ump) {
    fields.push(
      ['UMP version', `${ump.umpVersionMajor}.${ump.umpVersionMinor}`],
      ['Product instance id', ump.productInstanceId],
      ['Function blocks', `${ump.functionBlockCount}${ump.staticFunctionBlocks ? ' (static)' : ''}`],
    );
  }
  // What other applications cannot see of it (ALSA could not publish it): first, and marked.
  const problem = publicationProblemPresentation(endpoint);
  if (problem) {
    item.iconPath = new vscode.ThemeIcon(problem.icon, new vscode.ThemeColor(problem.color));
    item.description = `${problem.description} · ${String(item.description)}`;
    fields.unshift(...problem.fields);
  }
  item.tooltip = fieldsTooltip(endpoint.name, fields);
  return item;
}

function functionBlockItem(
  block: MidiFunctionBlockDetails,
  numbering: GroupChannelNumbering,
): vscode.TreeItem {
  const item = new vscode.TreeItem(
    block.name === '' ? `Block ${block.number}` : block.name,
    vscode.TreeItemCollapsibleState.None,
  );
  item.description = functionBlockSummary(block, numbering);
  item.iconPath = new vscode.ThemeIcon(block.active ? 'symbol-module' : 'circle-slash');
  item.contextValue = TreeItemContext.functionBlock;
  item.tooltip = fieldsTooltip(`Function block ${block.number}`, functionBlockFields(block, numbering));
  return item;
}

function pairItem(pair: LoopbackPairView): vscode.TreeItem {
  const nameA = pair.endpointA?.name ?? '(missing A)';
  const nameB = pair.endpointB?.name ?? '(missing B)';
  // The shared stem ("Synth") when the names differ only by side; the rows under it say A and B.
  const item = new vscode.TreeItem(pairLabel(nameA, nameB), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `pair:${pair.associationId}`;
  // Persistence first: the association id is long and the sidebar cuts descriptions short.
  item.description = `${pair.persistence} · ${pair.associationId}`;
  item.iconPath = new vscode.ThemeIcon(pair.persistence === 'persistent' ? 'pinned' : 'link');
  item.contextValue =
    pair.persistence === 'persistent' ? TreeItemContext.persistentPair : TreeItemContext.transientPair;
  item.tooltip = fieldsTooltip(`A ${nameA} ↔ B ${nameB}`, [
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

function loopbacksItem(pairCount: number): vscode.TreeItem {
  const item = new vscode.TreeItem('Loopbacks', vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'group:loopbacks';
  item.iconPath = new vscode.ThemeIcon('arrow-swap');
  item.contextValue = TreeItemContext.loopbackPairsGroup;
  item.description = pairCount === 1 ? '1 pair' : `${pairCount} pairs`;
  return item;
}

function transportItem(view: TransportGroupView): vscode.TreeItem {
  const empty = view.endpoints.length === 0;
  const item = new vscode.TreeItem(
    transportDisplayName(view.id),
    empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
  );
  // A group that was empty (a leaf) and now has endpoints needs a new id: the tree keeps a known
  // item's collapsed state, and would show a leaf that gained children collapsed.
  item.id = `group:transport:${view.id}${empty ? ':empty' : ''}`;
  item.contextValue = `${TreeItemContext.transportGroupPrefix}${view.id}`;
  if (!view.available) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.description = 'unavailable';
    item.tooltip = view.message;
    return item;
  }
  item.iconPath = new vscode.ThemeIcon(transportIcons[view.id] ?? 'plug');
  const count = view.endpoints.length;
  item.description = count === 0 ? 'no endpoints' : count === 1 ? '1 endpoint' : `${count} endpoints`;
  if (view.message !== '') {
    item.description += ` · ${view.message}`;
    item.tooltip = view.message;
  }
  return item;
}

/** The row of `node`; function block groups under `numbering` (midiScope.display.numbering). */
export function treeItemFor(node: EndpointsTreeNode, numbering: GroupChannelNumbering): vscode.TreeItem {
  switch (node.kind) {
    case 'loopbacks':
      return loopbacksItem(node.pairCount);
    case 'transport':
      return transportItem(node.view);
    case 'functionBlock':
      return functionBlockItem(node.block, numbering);
    case 'pair':
      return pairItem(node.pair);
    case 'endpoint':
      return endpointItem(node.endpoint, node.virtualRole);
    case 'virtualDevices':
      return virtualDevicesItem(node.deviceCount);
    case 'virtualDevice':
      return virtualDeviceItem(node.device);
    case 'declaredEndpoint': {
      const item = new vscode.TreeItem('Declared endpoint info', vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `vdev:${node.associationId}:endpoint`;
      item.description = `UMP ${node.device.declaration.umpVersion.major}.${node.device.declaration.umpVersion.minor} · as declared`;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = TreeItemContext.declared;
      return item;
    }
    case 'declaredLine': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `vdev:${node.associationId}:endpoint:${node.id}`;
      item.description = node.detail;
      item.tooltip = `${node.label}: ${node.detail}`;
      item.contextValue = TreeItemContext.declared;
      return item;
    }
    case 'declaredBlocks': {
      const count = node.device.declaration.functionBlocks.length;
      const item = new vscode.TreeItem('Declared function blocks', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `vdev:${node.associationId}:blocks`;
      item.description = `${count} · ${node.device.declaration.staticFunctionBlocks ? 'static' : 'may change'}`;
      item.iconPath = new vscode.ThemeIcon('symbol-module');
      item.contextValue = TreeItemContext.declared;
      return item;
    }
    case 'declaredBlock':
      return declaredBlockItem(node.associationId, node.index, node.block, numbering);
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
