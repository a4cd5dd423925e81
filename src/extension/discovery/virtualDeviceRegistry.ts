// The virtual devices of this window: those declared in the setting midiScope.virtualDevices
// (a declaration or the path of a JSON file, relative to the first workspace folder) are created
// at start and when the setting changes; Create Virtual Device adds more. Each declaration that
// cannot be used is reported with its place and skipped; the others still start.
import * as vscode from 'vscode';
import {
  VirtualDevice,
  parseVirtualDeviceDeclaration,
  parseVirtualDeviceFile,
  type VirtualDeviceDeclaration,
} from '../../virtualDevice';
import type { EngineHost } from '../engineHost';

export class VirtualDeviceRegistry implements vscode.Disposable {
  private readonly fromSettings: VirtualDevice[] = [];
  private readonly created: VirtualDevice[] = [];
  /** Problems of the last read of the setting, for the log and tests. */
  settingProblems: string[] = [];
  private readonly subscription: vscode.Disposable;

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

  create(declaration: VirtualDeviceDeclaration): VirtualDevice {
    const device = VirtualDevice.create(this.engineHost.require(), declaration);
    this.created.push(device);
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
  }

  private resolve(path: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return path.startsWith('/') || folder === undefined
      ? vscode.Uri.file(path)
      : vscode.Uri.joinPath(folder.uri, path);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const device of [...this.fromSettings.splice(0), ...this.created.splice(0)]) device.close();
  }
}
