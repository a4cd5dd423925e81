// Loads the engine's native addon at activation and remembers whether it works. A platform
// without a binary must not break activation: the reason is kept, logged, shown in the tree,
// and every command that needs the engine says it instead of failing obscurely.
import type * as vscode from 'vscode';
import * as engineModule from '../engine';

export type EngineModule = typeof engineModule;

export class EngineUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The MIDI engine is not available: ${reason}`);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class EngineHost {
  private shutDown = false;

  private constructor(
    /** The facade module (src/engine); its addon loads on first use. */
    readonly engine: EngineModule,
    /** Why the engine cannot be used, or undefined when it can. */
    readonly unavailableReason: string | undefined,
  ) {}

  /** Loads the addon now (the tree needs the endpoints at once) and never throws. */
  static load(log: vscode.LogOutputChannel): EngineHost {
    const started = performance.now();
    try {
      const endpoints = engineModule.MidiEndpointDeviceInformation.findAll();
      const elapsedMs = (performance.now() - started).toFixed(1);
      log.info(`MIDI engine loaded in ${elapsedMs} ms: ${endpoints.length} endpoints`);
      return new EngineHost(engineModule, undefined);
    } catch (error) {
      log.error(`MIDI engine unavailable: ${errorText(error)}`);
      return new EngineHost(engineModule, errorText(error));
    }
  }

  get isAvailable(): boolean {
    return this.unavailableReason === undefined && !this.shutDown;
  }

  /** The engine, or an EngineUnavailableError that says why not. */
  require(): EngineModule {
    if (this.unavailableReason !== undefined) throw new EngineUnavailableError(this.unavailableReason);
    if (this.shutDown) throw new EngineUnavailableError('the extension is shutting down');
    return this.engine;
  }

  /** Joins the engine's native threads; nothing may use the engine afterwards. False when that
   * failed (and was logged). */
  shutdown(log: vscode.LogOutputChannel): boolean {
    if (this.shutDown) return true;
    this.shutDown = true;
    try {
      this.engine.shutdownEngine();
      return true;
    } catch (error) {
      log.error(`MIDI engine shutdown failed: ${errorText(error)}`);
      return false;
    }
  }
}
