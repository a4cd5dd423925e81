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

  /**
   * Follows the setting: a device whose declaration changed but kept its name keeps its pair and
   * endpoint ids and takes the new declaration in place (VirtualDevice.redeclare: the engine's
   * endpoint information and what the OS is shown follow); the others are created, and those no
   * longer declared are closed.
   */
  async syncFromSettings(): Promise<void> {
    const previous = new Map(
      this.fromSettings
        .splice(0)
        .filter((device) => device.isOpen)
        .map((device) => [device.associationId, device]),
    );
    this.settingProblems = [];
    if (!this.engineHost.isAvailable) {
      for (const device of previous.values()) device.close();
      return;
    }
    const entries = vscode.workspace.getConfiguration('midiScope').get<unknown[]>('virtualDevices', []);
    const wanted: { where: string; declaration: VirtualDeviceDeclaration; associationId: string }[] = [];
    for (const [index, entry] of (Array.isArray(entries) ? entries : []).entries()) {
      const where = `midiScope.virtualDevices[${index}]`;
      try {
        const declaration =
          typeof entry === 'string'
            ? await this.readFile(this.resolve(entry))
            : parseVirtualDeviceDeclaration(entry, where);
        // A stable association id, so the device's endpoint ids survive a reload.
        const associationId = `virtual-${declaration.endpointName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        wanted.push({ where, declaration, associationId });
      } catch (error) {
        this.problem(where, error);
      }
    }
    // Kept: same association id and name, taken once. Everything else of before goes first, so
    // that a new device may reuse a freed association id.
    const kept = new Map<string, VirtualDevice>();
    for (const { associationId, declaration } of wanted) {
      const device = previous.get(associationId);
      if (
        device &&
        device.declaration.endpointName === declaration.endpointName &&
        !kept.has(associationId)
      ) {
        kept.set(associationId, device);
        previous.delete(associationId);
      }
    }
    for (const device of previous.values()) device.close();
    if (previous.size > 0) this.changeEmitter.fire();
    for (const { where, declaration, associationId } of wanted) {
      try {
        const device = kept.get(associationId);
        if (device && !this.fromSettings.includes(device)) {
          if (JSON.stringify(device.declaration) !== JSON.stringify(declaration)) {
            device.redeclare(declaration);
            this.log.info(
              `virtual device "${declaration.endpointName}" declaration changed (${associationId})`,
            );
          }
          this.fromSettings.push(device);
          continue;
        }
        this.fromSettings.push(VirtualDevice.create(this.engineHost.require(), declaration, associationId));
      } catch (error) {
        this.problem(where, error);
      }
    }
    // A kept device whose new declaration was refused stays as it was (its problem is reported).
    for (const device of kept.values())
      if (!this.fromSettings.includes(device)) this.fromSettings.push(device);
    this.changeEmitter.fire();
  }

  private problem(where: string, error: unknown): void {
    const message = `${where}: ${error instanceof Error ? error.message : String(error)}`;
    this.settingProblems.push(message);
    this.log.error(message);
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
