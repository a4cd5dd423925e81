// Loads the engine facade once, at activation, and remembers whether its native addon works.
// A platform without a binary must not break activation: the reason is kept, logged, shown in
// the tree, and every command that needs the engine says it instead of failing obscurely.
import type * as vscode from 'vscode';
import type * as EngineNamespace from '../engine';

export type EngineModule = typeof EngineNamespace;

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
    /** The facade module; undefined only when the module itself failed to load. */
    readonly engine: EngineModule | undefined,
    /** Why the engine cannot be used, or undefined when it can. */
    readonly unavailableReason: string | undefined,
  ) {}

  static async load(log: vscode.LogOutputChannel): Promise<EngineHost> {
    const started = performance.now();
    let engine: EngineModule;
    try {
      engine = await import('../engine');
    } catch (error) {
      log.error(`MIDI engine module failed to load: ${errorText(error)}`);
      return new EngineHost(undefined, errorText(error));
    }
    try {
      // The first call loads the native addon; listing endpoints proves it answers.
      const endpoints = engine.MidiEndpointDeviceInformation.findAll();
      const elapsedMs = (performance.now() - started).toFixed(1);
      log.info(`MIDI engine loaded in ${elapsedMs} ms: ${endpoints.length} endpoints`);
      return new EngineHost(engine, undefined);
    } catch (error) {
      log.error(`MIDI engine unavailable: ${errorText(error)}`);
      return new EngineHost(engine, errorText(error));
    }
  }

  get isAvailable(): boolean {
    return this.unavailableReason === undefined && !this.shutDown;
  }

  /** The engine, or an EngineUnavailableError that says why not. */
  require(): EngineModule {
    if (this.engine === undefined || this.unavailableReason !== undefined) {
      throw new EngineUnavailableError(this.unavailableReason ?? 'the engine module did not load');
    }
    if (this.shutDown) throw new EngineUnavailableError('the extension is shutting down');
    return this.engine;
  }

  /** Joins the engine's native threads; nothing may use the engine afterwards. */
  shutdown(log: vscode.LogOutputChannel): void {
    if (this.shutDown || !this.engine || this.unavailableReason !== undefined) return;
    this.shutDown = true;
    try {
      this.engine.shutdownEngine();
    } catch (error) {
      log.error(`MIDI engine shutdown failed: ${errorText(error)}`);
    }
  }
}
