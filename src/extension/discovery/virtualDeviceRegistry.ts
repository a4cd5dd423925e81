// The virtual devices of this window: those declared in the setting midiScope.virtualDevices
// (a declaration or the path of a JSON file, relative to the first workspace folder) are created
// at start and when the setting changes; Create Virtual Device adds more. Each declaration that
// cannot be used is reported with its place and skipped; the others still start. The endpoints
// tree lists them (list, onDidChange) in its Virtual devices group.
import * as vscode from 'vscode';
import {
  VirtualDevice,
  parseVirtualDeviceDeclaration,
  parseVirtualDeviceFile,
  type VirtualDeviceDeclaration,
} from '../../virtualDevice';
import type { VirtualDeviceInfo } from '../../views/endpoints/endpointsTreeNodes';
import type { VirtualDevicesSource } from '../../views/endpoints/endpointsTreeDataProvider';
import type { EngineHost } from '../engineHost';

export class VirtualDeviceRegistry implements VirtualDevicesSource, vscode.Disposable {
  private readonly fromSettings: VirtualDevice[] = [];
  private readonly created: VirtualDevice[] = [];
  /** Problems of the last read of the setting, for the log and tests. */
  settingProblems: string[] = [];
  private readonly subscription: vscode.Disposable;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly engineHost: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('midiScope.virtualDevices')) void this.syncFromSettings();
    });
  }

  get devices(): readonly VirtualDevice[] {
    return [...this.fromSettings, ...this.created].filter((device) => device.isOpen);
  }

  /** The open devices as the tree shows them. */
  list(): VirtualDeviceInfo[] {
    const info = (device: VirtualDevice, origin: VirtualDeviceInfo['origin']): VirtualDeviceInfo => ({
      associationId: device.associationId,
      declaration: device.declaration,
      origin,
      endpointDeviceId: device.endpointDeviceId,
      deviceSideEndpointDeviceId: device.deviceSideEndpointDeviceId,
    });
    return [
      ...this.fromSettings.filter((device) => device.isOpen).map((device) => info(device, 'settings')),
      ...this.created.filter((device) => device.isOpen).map((device) => info(device, 'created')),
    ];
  }

  /**
   * Stops a device and removes its pair. One declared in the setting comes back when the setting
   * changes or the window reloads. Returns whether there was such a device.
   */
  remove(associationId: string): boolean {
    for (const list of [this.fromSettings, this.created]) {
      const index = list.findIndex((device) => device.associationId === associationId);
      if (index < 0) continue;
      const [device] = list.splice(index, 1);
      device.close();
      this.log.info(`virtual device "${device.declaration.endpointName}" removed (${associationId})`);
      this.changeEmitter.fire();
      return true;
    }
    return false;
  }

  create(declaration: VirtualDeviceDeclaration): VirtualDevice {
    const device = VirtualDevice.create(this.engineHost.require(), declaration);
    this.created.push(device);
    this.changeEmitter.fire();
    device.onUnanswered((words) =>
      this.log.trace(
        `virtual device ${declaration.endpointName}: not answered: ${Array.from(words, (w) => w.toString(16)).join(' ')}`,
      ),
    );
    this.log.info(
      `virtual device "${declaration.endpointName}" created: ${device.endpointDeviceId} (device side ${device.deviceSideEndpointDeviceId})`,
    );
    return device;
  }

  async readFile(uri: vscode.Uri): Promise<VirtualDeviceDeclaration> {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return parseVirtualDeviceFile(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri));
  }

  /** Recreates the devices of the setting. */
  async syncFromSettings(): Promise<void> {
    for (const device of this.fromSettings.splice(0)) device.close();
    this.settingProblems = [];
    if (!this.engineHost.isAvailable) return;
    this.changeEmitter.fire();
    const entries = vscode.workspace.getConfiguration('midiScope').get<unknown[]>('virtualDevices', []);
    for (const [index, entry] of (Array.isArray(entries) ? entries : []).entries()) {
      const where = `midiScope.virtualDevices[${index}]`;
      try {
        const declaration =
          typeof entry === 'string'
            ? await this.readFile(this.resolve(entry))
            : parseVirtualDeviceDeclaration(entry, where);
        // A stable association id, so the device's endpoint ids survive a reload.
        const associationId = `virtual-${declaration.endpointName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        this.fromSettings.push(VirtualDevice.create(this.engineHost.require(), declaration, associationId));
      } catch (error) {
        const message = `${where}: ${error instanceof Error ? error.message : String(error)}`;
        this.settingProblems.push(message);
        this.log.error(message);
      }
    }
    this.changeEmitter.fire();
  }

  private resolve(path: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return path.startsWith('/') || folder === undefined
      ? vscode.Uri.file(path)
      : vscode.Uri.joinPath(folder.uri, path);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
    for (const device of [...this.fromSettings.splice(0), ...this.created.splice(0)]) device.close();
  }
}
