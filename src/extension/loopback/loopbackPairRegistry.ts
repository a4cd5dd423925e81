// Creates and removes loopback pairs and keeps persistent ones in step with the setting
// `midiScope.loopbackPairs`. The engine only knows transient pairs; "persistent" means the pair
// has an entry in settings and is recreated from it when the extension starts (where entries are
// written: loopbackPairsSettingStore.ts).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type {
  MidiLoopbackEndpointCreationConfig,
  MidiLoopbackEndpointCreationResult,
} from '../../engine/types';
import type { PairPersistence } from './pairPersistence';
import { Disposable } from '../disposable';
import type { EngineHost } from '../engineHost';
import { readLoopbackPairsSetting, sameLoopbackConfig } from './loopbackPairsSetting';
import {
  addPairToSetting,
  loopbackPairsSettingName,
  loopbackPairsSettingValue,
  removePairFromSetting,
} from './loopbackPairsSettingStore';
import { validatePairConfig, type ExistingEndpoints } from './pairValidation';

export interface CreatePairResult extends MidiLoopbackEndpointCreationResult {
  associationId: string;
  persistence: PairPersistence;
  /** For a persistent pair: the settings it was written to ('user' or 'workspace'). */
  savedIn?: string;
}

export interface RemovePairResult {
  success: boolean;
  associationId: string;
  /** What happened, or why nothing did. */
  message: string;
}

export class LoopbackPairRegistry extends Disposable {
  /** Persistent pairs alive in the engine, by association id, as their setting entry said. */
  private readonly persistent = new Map<string, MidiLoopbackEndpointCreationConfig>();
  /** Problems already shown to the person: each is shown once per window. */
  private readonly shownProblems = new Set<string>();
  private currentProblems: string[] = [];
  private readonly persistenceEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangePersistence = this.persistenceEmitter.event;

  constructor(
    private readonly engineHost: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(loopbackPairsSettingName)) this.syncFromSettings();
      }),
    );
  }

  /** Problems with the current setting value (one sentence per skipped entry). */
  get settingProblems(): readonly string[] {
    return this.currentProblems;
  }

  persistenceOf(associationId: string): PairPersistence {
    return this.persistent.has(associationId) ? 'persistent' : 'transient';
  }

  existing(): ExistingEndpoints {
    const endpoints = this.engineHost.isAvailable
      ? this.engineHost.require().MidiEndpointDeviceInformation.findAll()
      : [];
    const associationIds = new Set<string>();
    for (const endpoint of endpoints) {
      const associationId = endpoint.loopback?.associationId;
      if (associationId !== undefined && associationId !== '') associationIds.add(associationId);
    }
    // A setting entry that failed to load still owns its id: creating another pair with it would collide later.
    for (const { config } of readLoopbackPairsSetting(loopbackPairsSettingValue()).entries)
      associationIds.add(config.associationId);
    return { endpoints, associationIds };
  }

  /** Validates, creates the pair in the engine and, when persistent, adds it to settings; all or nothing. */
  async create(
    config: MidiLoopbackEndpointCreationConfig,
    persistence: PairPersistence,
  ): Promise<CreatePairResult> {
    const engine = this.engineHost.require();
    const withId = { ...config, associationId: config.associationId.trim() || randomUUID() };
    const refusal = validatePairConfig(withId, this.existing());
    const failed = (errorInformation: string): CreatePairResult => ({
      success: false,
      endpointDeviceIdA: '',
      endpointDeviceIdB: '',
      errorInformation,
      associationId: withId.associationId,
      persistence,
    });
    if (refusal !== undefined) return failed(refusal);

    const created = engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(withId);
    if (!created.success) return failed(created.errorInformation);
    let savedIn: string | undefined;
    if (persistence === 'persistent') {
      // Marked before the write so that the configuration change it causes finds the pair in place.
      this.persistent.set(withId.associationId, withId);
      try {
        savedIn = await addPairToSetting(withId);
      } catch (error) {
        this.persistent.delete(withId.associationId);
        engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(withId.associationId);
        return failed(
          `could not write ${loopbackPairsSettingName}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    this.log.info(
      `created ${persistence} loopback pair ${withId.associationId}: "${withId.endpointA.name}" (${created.endpointDeviceIdA}) ↔ "${withId.endpointB.name}" (${created.endpointDeviceIdB})`,
    );
    this.persistenceEmitter.fire();
    return { ...created, associationId: withId.associationId, persistence, savedIn };
  }

  /** "A name" ↔ "B name" of a pair alive in the engine, or undefined when it has no endpoints. */
  pairNames(associationId: string): string | undefined {
    if (!this.engineHost.isAvailable) return undefined;
    const sides = this.engineHost
      .require()
      .MidiEndpointDeviceInformation.findAll()
      .filter((endpoint) => endpoint.loopback?.associationId === associationId)
      .sort((a, b) => (a.loopback?.side ?? '').localeCompare(b.loopback?.side ?? ''));
    return sides.length === 0 ? undefined : sides.map((endpoint) => `"${endpoint.name}"`).join(' ↔ ');
  }

  /** Removes the pair from the engine and, when persistent, its entry from settings. */
  async remove(associationId: string): Promise<RemovePairResult> {
    const engine = this.engineHost.require();
    const wasPersistent = this.persistent.has(associationId);
    // Named by its endpoints, as creation names it; read before they are gone.
    const names = this.pairNames(associationId);
    const existed = engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
    if (!existed && !wasPersistent) {
      return {
        success: false,
        associationId,
        message: `No loopback pair has the association id "${associationId}".`,
      };
    }
    this.persistent.delete(associationId);
    const pair = names === undefined ? `loopback pair ${associationId}` : `loopback pair ${names}`;
    let message = `Removed ${pair}.`;
    if (wasPersistent) {
      const scopes = await removePairFromSetting(associationId);
      message = `Removed ${pair} and its entry in ${scopes.join(' and ')} settings.`;
    }
    this.log.info(`${message} (association id ${associationId})`);
    this.persistenceEmitter.fire();
    return { success: true, associationId, message };
  }

  /** Makes the engine's persistent pairs match the setting: creates new entries, removes dropped ones. */
  syncFromSettings(): void {
    if (!this.engineHost.isAvailable) return;
    const engine = this.engineHost.require();
    const reading = readLoopbackPairsSetting(loopbackPairsSettingValue());
    const problems = [...reading.problems];
    const wanted = new Map(reading.entries.map((entry) => [entry.config.associationId, entry]));

    for (const [associationId, config] of [...this.persistent]) {
      const entry = wanted.get(associationId);
      if (entry && sameLoopbackConfig(config, entry.config)) continue;
      engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
      this.persistent.delete(associationId);
      this.log.info(
        `removed persistent loopback pair ${associationId}: its entry left or changed in ${loopbackPairsSettingName}`,
      );
    }

    const endpoints = engine.MidiEndpointDeviceInformation.findAll();
    for (const { index, config } of wanted.values()) {
      if (this.persistent.has(config.associationId)) continue;
      const where = `${loopbackPairsSettingName}[${index}]`;
      if (endpoints.some((endpoint) => endpoint.loopback?.associationId === config.associationId)) {
        problems.push(
          `${where}.associationId: a transient pair "${config.associationId}" already exists in this window; entry skipped`,
        );
        continue;
      }
      const created = engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints(config);
      if (!created.success) {
        problems.push(`${where}: the engine refused it: ${created.errorInformation}; entry skipped`);
        continue;
      }
      this.persistent.set(config.associationId, config);
      this.log.info(`recreated persistent loopback pair ${config.associationId} from ${where}`);
    }

    this.currentProblems = problems;
    this.reportProblems(problems);
    this.persistenceEmitter.fire();
  }

  private reportProblems(problems: readonly string[]): void {
    const fresh = problems.filter((problem) => !this.shownProblems.has(problem));
    if (fresh.length === 0) return;
    for (const problem of fresh) {
      this.shownProblems.add(problem);
      this.log.warn(problem);
    }
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more, see the log)` : '';
    void vscode.window
      .showWarningMessage(
        `MIDI Scope skipped a loopback pair from settings: ${fresh[0]}${more}`,
        'Open Settings',
        'Show Log',
      )
      .then((choice) => {
        if (choice === 'Open Settings')
          void vscode.commands.executeCommand('workbench.action.openSettings', loopbackPairsSettingName);
        if (choice === 'Show Log') this.log.show();
      });
  }
}
