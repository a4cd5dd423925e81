// The detail view of a discovery result: a read-only virtual document (every field raw and
// decoded, as text) that refreshes when the result changes, and copies as text or JSON.
import * as vscode from 'vscode';
import { discoveryReportText, discoveryResultToJson } from '../../discovery';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import type { DiscoveryStore } from './discoveryStore';

export const DISCOVERY_SCHEME = 'midi-scope-discovery';

export class DiscoveryDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: DiscoveryStore,
    private readonly endpointName: (endpointDeviceId: string) => string,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DISCOVERY_SCHEME, this),
      store.onDidChangeResult((id) => this.changeEmitter.fire(DiscoveryDocuments.uriFor(id))),
      this.changeEmitter,
    ];
  }

  static uriFor(endpointDeviceId: string): vscode.Uri {
    return vscode.Uri.from({
      scheme: DISCOVERY_SCHEME,
      path: `/${encodeURIComponent(endpointDeviceId)}.txt`,
    });
  }

  static endpointIdOf(uri: vscode.Uri): string {
    return decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.txt$/, ''));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = DiscoveryDocuments.endpointIdOf(uri);
    return this.text(id) ?? `No discovery result for ${id}: run "MIDI: Discover Endpoint" on it.\n`;
  }

  text(endpointDeviceId: string): string | undefined {
    const result = this.store.resultFor(endpointDeviceId);
    return result === undefined
      ? undefined
      : discoveryReportText(
          this.endpointName(endpointDeviceId),
          result,
          readDisplaySettings(() => undefined).numbering,
        );
  }

  json(endpointDeviceId: string): string | undefined {
    const result = this.store.resultFor(endpointDeviceId);
    if (result === undefined) return undefined;
    return `${JSON.stringify(
      {
        endpoint: { endpointDeviceId, name: this.endpointName(endpointDeviceId) },
        ...discoveryResultToJson(result),
      },
      null,
      2,
    )}\n`;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
