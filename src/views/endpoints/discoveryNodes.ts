// What endpoint discovery found, as nodes under the endpoint in the tree: the endpoint's own info
// first, then each function block with its name, direction, groups, MIDI 1.0 mode, UI hint,
// MIDI-CI version, SysEx8 streams and active state; problems and missing items flagged.
import * as vscode from 'vscode';
import {
  describeDirection,
  describeGroups,
  groupNumber,
  type GroupChannelNumbering,
  describeMidi1,
  describeUiHint,
  type DiscoveredFunctionBlock,
  type DiscoveryResult,
} from '../../discovery';

export type DiscoveryTreeNode =
  | { kind: 'discoveryEndpointInfo'; endpointDeviceId: string; result: DiscoveryResult }
  | {
      kind: 'discoveryBlock';
      endpointDeviceId: string;
      block: DiscoveredFunctionBlock;
      result: DiscoveryResult;
    }
  | { kind: 'discoveryProblems'; endpointDeviceId: string; result: DiscoveryResult }
  | {
      kind: 'discoveryLine';
      endpointDeviceId: string;
      parent: DiscoveryTreeNode;
      id: string;
      label: string;
      detail: string;
      icon?: string;
    };

/** contextValue of discovery items; package.json menus key on them. */
export const DiscoveryItemContext = {
  endpointInfo: 'discovery.endpointInfo',
  block: 'discovery.functionBlock',
  problems: 'discovery.problems',
  line: 'discovery.line',
} as const;

const isDiscoveryKind = new Set([
  'discoveryEndpointInfo',
  'discoveryBlock',
  'discoveryProblems',
  'discoveryLine',
]);

export function isDiscoveryNode(node: { kind: string }): node is DiscoveryTreeNode {
  return isDiscoveryKind.has(node.kind);
}

function problemsOf(result: DiscoveryResult, functionBlock?: number) {
  return result.problems.filter((p) => p.functionBlock === functionBlock);
}

/** The nodes directly under an endpoint that has been discovered. */
export function discoveryRootNodes(endpointDeviceId: string, result: DiscoveryResult): DiscoveryTreeNode[] {
  const nodes: DiscoveryTreeNode[] = [{ kind: 'discoveryEndpointInfo', endpointDeviceId, result }];
  for (const block of [...result.functionBlocks.values()].sort((a, b) => a.functionBlock - b.functionBlock)) {
    nodes.push({ kind: 'discoveryBlock', endpointDeviceId, block, result });
  }
  if (result.problems.length > 0 || result.missing.length > 0)
    nodes.push({ kind: 'discoveryProblems', endpointDeviceId, result });
  return nodes;
}

/** The rows under `node`; function block groups under `numbering`. */
export function discoveryChildNodes(
  node: DiscoveryTreeNode,
  numbering: GroupChannelNumbering,
): DiscoveryTreeNode[] {
  const line = (id: string, label: string, detail: string, icon?: string): DiscoveryTreeNode => ({
    kind: 'discoveryLine',
    endpointDeviceId: node.endpointDeviceId,
    parent: node,
    id,
    label,
    detail,
    ...(icon === undefined ? {} : { icon }),
  });
  switch (node.kind) {
    case 'discoveryEndpointInfo': {
      const r = node.result;
      const info = r.endpointInfo?.value;
      const lines = [
        line('name', 'Name', r.endpointName?.value ?? '(none sent)'),
        line('piid', 'Product instance id', r.productInstanceId?.value ?? '(none sent)'),
      ];
      if (info !== undefined) {
        const protocols = [
          info.supportsMidi1Protocol ? 'MIDI 1.0' : '',
          info.supportsMidi2Protocol ? 'MIDI 2.0' : '',
        ]
          .filter(Boolean)
          .join(', ');
        lines.push(
          line('ump', 'UMP version', `${info.umpVersionMajor}.${info.umpVersionMinor}`),
          line('protocols', 'Protocols', protocols || 'none'),
          line(
            'jr',
            'JR timestamps',
            `receive ${info.receivesJrTimestamps ? 'yes' : 'no'}, transmit ${info.transmitsJrTimestamps ? 'yes' : 'no'}`,
          ),
          line(
            'blocks',
            'Function blocks',
            `${info.functionBlockCount} (${info.staticFunctionBlocks ? 'static' : 'may change'})`,
          ),
        );
      }
      const id = r.deviceIdentity?.value;
      if (id !== undefined) {
        const hex = (n: number, w: number) => `0x${n.toString(16).toUpperCase().padStart(w, '0')}`;
        lines.push(
          line(
            'identity',
            'Device identity',
            `${id.manufacturer.map((b) => hex(b, 2)).join(' ')} · family ${hex(id.family, 4)} · model ${hex(id.model, 4)} · rev ${id.softwareRevision.join('.')}`,
          ),
        );
      }
      const config = r.streamConfiguration?.value;
      if (config !== undefined)
        lines.push(
          line(
            'stream',
            'Stream configuration',
            `MIDI ${config.protocol}.0${config.receiveJrTimestamps ? ', rx JR' : ''}${config.transmitJrTimestamps ? ', tx JR' : ''}`,
          ),
        );
      if (r.negotiation !== undefined) {
        const answer = r.negotiation.answer;
        lines.push(
          line(
            'negotiation',
            'Negotiation',
            `asked MIDI ${r.negotiation.requested.protocol}.0 → ${answer === undefined ? 'no answer' : `MIDI ${answer.value.protocol}.0${r.negotiation.accepted === true ? ' ✓' : ' (not what was asked)'}`}`,
            r.negotiation.accepted === true ? undefined : 'warning',
          ),
        );
      }
      return lines;
    }
    case 'discoveryBlock': {
      const b = node.block.info?.value;
      const lines: DiscoveryTreeNode[] = [];
      if (b !== undefined) {
        lines.push(
          line('direction', 'Direction', describeDirection(b.direction)),
          line(
            'groups',
            'Groups',
            `${describeGroups(b.firstGroup, b.groupCount, numbering)} (first ${groupNumber(b.firstGroup, numbering)}, count ${b.groupCount})`,
          ),
          line('midi1', 'MIDI 1.0', describeMidi1(b.midi1)),
          line('uiHint', 'UI hint', describeUiHint(b.uiHint)),
          line('ci', 'MIDI-CI version', `0x${b.midiCiVersion.toString(16).padStart(2, '0')}`),
          line('sysex8', 'SysEx8 streams', String(b.maxSysEx8Streams)),
          line('active', 'Active', b.active ? 'yes' : 'no'),
        );
      }
      for (const [i, p] of problemsOf(node.result, node.block.functionBlock).entries())
        lines.push(line(`problem${i}`, 'Problem', p.message, 'warning'));
      return lines;
    }
    case 'discoveryProblems':
      return [
        ...node.result.problems.map((p, i) => line(`p${i}`, p.code, p.message, 'warning')),
        ...node.result.missing.map((m, i) => line(`m${i}`, 'missing', m, 'question')),
      ];
    default:
      return [];
  }
}

export function discoveryTreeItem(
  node: DiscoveryTreeNode,
  numbering: GroupChannelNumbering,
): vscode.TreeItem {
  const base = `discovery:${node.endpointDeviceId}`;
  switch (node.kind) {
    case 'discoveryEndpointInfo': {
      const r = node.result;
      const item = new vscode.TreeItem('Endpoint info', vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${base}:endpoint`;
      const blocks = r.endpointInfo?.value.functionBlockCount;
      item.description = `${r.state === 'running' ? 'discovering…' : r.state === 'timedOut' ? 'timed out' : 'complete'}${blocks === undefined ? '' : ` · ${blocks} blocks`}`;
      item.iconPath = new vscode.ThemeIcon(problemsOf(r).length > 0 ? 'warning' : 'info');
      item.contextValue = DiscoveryItemContext.endpointInfo;
      item.command = {
        command: 'midiScope.showDiscoveryDetails',
        title: 'Show Discovery Details',
        arguments: [{ endpointDeviceId: node.endpointDeviceId }],
      };
      return item;
    }
    case 'discoveryBlock': {
      const { block } = node;
      const info = block.info?.value;
      const label = `${block.functionBlock}: ${block.name?.value ?? '(no name)'}`;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `${base}:block:${block.functionBlock}`;
      item.description =
        info === undefined
          ? 'no info'
          : `${describeDirection(info.direction)} · ${describeGroups(info.firstGroup, info.groupCount, numbering)}${info.active ? '' : ' · inactive'}`;
      const flagged = problemsOf(node.result, block.functionBlock).length > 0;
      item.iconPath = new vscode.ThemeIcon(
        flagged ? 'warning' : info?.active === false ? 'circle-slash' : 'symbol-module',
      );
      item.contextValue = DiscoveryItemContext.block;
      item.tooltip = `${label}${
        flagged
          ? `\n${problemsOf(node.result, block.functionBlock)
              .map((p) => p.message)
              .join('\n')}`
          : ''
      }`;
      return item;
    }
    case 'discoveryProblems': {
      const count = node.result.problems.length + node.result.missing.length;
      const item = new vscode.TreeItem(`Problems (${count})`, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${base}:problems`;
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = DiscoveryItemContext.problems;
      return item;
    }
    case 'discoveryLine': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = `${base}:${node.parent.kind}:${node.parent.kind === 'discoveryBlock' ? node.parent.block.functionBlock : ''}:${node.id}`;
      item.description = node.detail;
      item.tooltip = `${node.label}: ${node.detail}`;
      if (node.icon !== undefined) item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = DiscoveryItemContext.line;
      return item;
    }
  }
}
