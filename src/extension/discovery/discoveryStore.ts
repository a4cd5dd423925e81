// The extension's discovery results, one per endpoint: Discover Endpoint starts a run over the
// engine (a connection of its own that stays open so later notifications keep updating the
// result), the tree and the detail view read the latest result, and each change fires an event.
import * as vscode from 'vscode';
import type { MidiSession } from '../../engine';
import { discoverEndpoint, type ConnectionDiscovery, type DiscoveryResult } from '../../discovery';
import type { DiscoveryResults } from '../../views/endpoints/discoveryTreeDataProvider';
import type { EngineHost } from '../engineHost';

export interface DiscoverySettings {
  timeoutMs: number;
  settleMs: number;
  protocol: 'midi2' | 'midi1' | 'off';
  jrTimestamps: boolean;
}

export function discoverySettings(): DiscoverySettings {
  const config = vscode.workspace.getConfiguration('midiScope.discovery');
  const protocol = config.get<string>('negotiateProtocol', 'midi2');
  return {
    timeoutMs: Math.max(10, config.get<number>('timeoutMs', 2000)),
    settleMs: Math.max(0, config.get<number>('settleMs', 100)),
    protocol: protocol === 'midi1' || protocol === 'off' ? protocol : 'midi2',
    jrTimestamps: config.get<boolean>('jrTimestamps', false),
  };
}

export class DiscoveryStore implements DiscoveryResults, vscode.Disposable {
  private readonly runs = new Map<string, ConnectionDiscovery>();
  private readonly changeEmitter = new vscode.EventEmitter<string>();
  readonly onDidChangeResult = this.changeEmitter.event;
  private session: MidiSession | undefined;

  constructor(
    private readonly engineHost: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  resultFor(endpointDeviceId: string): DiscoveryResult | undefined {
    const run = this.runs.get(endpointDeviceId);
    // A run whose endpoint went away (its pair was removed) shows nothing any more.
    if (run !== undefined && !run.connection.isOpen) {
      run.dispose();
      this.runs.delete(endpointDeviceId);
      return undefined;
    }
    return run?.discovery.result;
  }

  get discoveredEndpointIds(): string[] {
    return [...this.runs.keys()];
  }

  /** Starts (or restarts) discovery of the endpoint and resolves when it is complete or timed out. */
  discover(
    endpointDeviceId: string,
    settings: DiscoverySettings = discoverySettings(),
  ): Promise<DiscoveryResult> {
    const engine = this.engineHost.require();
    this.session ??= engine.MidiSession.create('MIDI Scope endpoint discovery');
    this.runs.get(endpointDeviceId)?.dispose();
    const run = discoverEndpoint(this.session, endpointDeviceId, {
      timeoutMs: settings.timeoutMs,
      settleMs: settings.settleMs,
      negotiate:
        settings.protocol === 'off'
          ? false
          : { protocol: settings.protocol === 'midi1' ? 1 : 2, jrTimestamps: settings.jrTimestamps },
    });
    this.runs.set(endpointDeviceId, run);
    run.discovery.onDidUpdate(() => this.changeEmitter.fire(endpointDeviceId));
    run.discovery.onDidFinish((result) => {
      const ms = ((result.finishedAtMs ?? 0) - result.startedAtMs).toFixed(1);
      this.log.info(
        `discovery of ${endpointDeviceId}: ${result.state} in ${ms} ms, ${result.functionBlocks.size} function blocks, ` +
          `${result.problems.length} problems, ${result.missing.length} missing`,
      );
    });
    this.changeEmitter.fire(endpointDeviceId);
    return run.discovery.finished();
  }

  /** Forgets the endpoint's result and closes its connection. */
  forget(endpointDeviceId: string): void {
    this.runs.get(endpointDeviceId)?.dispose();
    if (this.runs.delete(endpointDeviceId)) this.changeEmitter.fire(endpointDeviceId);
  }

  dispose(): void {
    for (const run of this.runs.values()) run.dispose();
    this.runs.clear();
    this.session?.close();
    this.session = undefined;
    this.changeEmitter.dispose();
  }
}
