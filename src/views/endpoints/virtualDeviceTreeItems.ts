// How the Virtual devices group and its rows look: the device's name first, where it was declared
// and how many blocks it declares after it, and each declared function block with every field,
// read from the declaration (no discovery needed).
import * as vscode from 'vscode';
import type { GroupChannelNumbering } from '../../discovery';
import type { VirtualFunctionBlock } from '../../virtualDevice';
import { TreeItemContext, fieldsTooltip } from './endpointTreeItems';
import type { VirtualDeviceView } from './endpointsTreeNodes';
import { declaredBlockFields, declaredBlockSummary } from './virtualDeviceDescriptions';

export function declaredBlockItem(
  associationId: string,
  index: number,
  block: VirtualFunctionBlock,
  numbering: GroupChannelNumbering,
): vscode.TreeItem {
  const label = `${index}: ${block.name === '' ? '(no name)' : block.name}`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `vdev:${associationId}:block:${index}`;
  item.description = declaredBlockSummary(block, numbering);
  item.iconPath = new vscode.ThemeIcon(block.active ? 'symbol-module' : 'circle-slash');
  item.contextValue = TreeItemContext.declared;
  item.tooltip = fieldsTooltip(
    `Declared function block ${index}`,
    declaredBlockFields(index, block, numbering),
  );
  return item;
}

export function virtualDevicesItem(deviceCount: number): vscode.TreeItem {
  const empty = deviceCount === 0;
  const item = new vscode.TreeItem(
    'Virtual devices',
    empty ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded,
  );
  // A new id when it gains devices: the tree would keep a former leaf collapsed.
  item.id = `group:virtualDevices${empty ? ':empty' : ''}`;
  item.iconPath = new vscode.ThemeIcon('vm');
  item.contextValue = TreeItemContext.virtualDevicesGroup;
  item.description = empty ? 'none' : deviceCount === 1 ? '1 device' : `${deviceCount} devices`;
  item.tooltip =
    'Devices declared in the setting midiScope.virtualDevices or made by MIDI: Create Virtual Device. Each answers discovery, stream configuration and MIDI-CI as declared.';
  return item;
}

export function virtualDeviceItem(device: VirtualDeviceView): vscode.TreeItem {
  const { declaration } = device;
  const blocks = declaration.functionBlocks.length;
  const item = new vscode.TreeItem(declaration.endpointName, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `vdev:${device.associationId}`;
  item.description = `${blocks === 1 ? '1 block' : `${blocks} blocks`} · ${device.origin === 'settings' ? 'from settings' : 'created'}`;
  item.iconPath = new vscode.ThemeIcon('vm');
  item.contextValue = `${TreeItemContext.virtualDevicePrefix}${device.origin}`;
  item.tooltip = fieldsTooltip(declaration.endpointName, [
    [
      'Endpoint',
      `${device.endpoint?.name ?? 'missing'} · ${device.endpointDeviceId} (for the code under test)`,
    ],
    [
      'Device side',
      `${device.deviceSide?.name ?? 'missing'} · ${device.deviceSideEndpointDeviceId} (the device answers here)`,
    ],
    [
      'Declared',
      device.origin === 'settings'
        ? 'in the setting midiScope.virtualDevices: recreated when the setting changes or the window reloads'
        : 'by Create Virtual Device: gone when this window closes',
    ],
    ['Association id', device.associationId],
    ['Function blocks', String(blocks)],
  ]);
  return item;
}
