// Creates and removes loopback pairs and keeps persistent ones in step with the setting
// `midiScope.loopbackPairs`. The engine only knows transient pairs; "persistent" means the pair
// has an entry in settings and is recreated from it when the extension starts.
//
// Where a new persistent pair is written: the scope the effective value comes from. If the
// workspace sets midiScope.loopbackPairs (which hides the user's list, arrays do not merge), the
// pair goes into the workspace settings; otherwise into the user settings (ConfigurationTarget.Global),
// because a loopback pair is a tool of the person, not of a project. Settings are only written when
// the person creates or removes a persistent pair; everything else only reads them.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type {
  MidiLoopbackEndpointCreationConfig,
  MidiLoopbackEndpointCreationResult,
} from '../../engine/types';
import type { PairPersistence } from '../../views/endpoints/endpointsTreeNodes';
import { configurationSection, loopbackPairsSetting } from '../configuration';
import { Disposable } from '../disposable';
import type { EngineHost } from '../engineHost';
import { readLoopbackPairsSetting, sameLoopbackConfig, toSettingEntry } from './loopbackPairsSetting';
import { validatePairConfig, type ExistingEndpoints } from './pairValidation';

export interface CreatePairResult extends MidiLoopbackEndpointCreationResult {
  associationId: string;
  persistence: PairPersistence;
}

export interface RemovePairResult {
  success: boolean;
  associationId: string;
  /** What happened, or why nothing did. */
  message: string;
}

const fullSettingName = `${configurationSection}.${loopbackPairsSetting}`;

function settingEntriesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? [...(value as unknown[])] : [];
}

function associationIdOf(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null
    ? (entry as Record<string, unknown>).associationId
    : undefined;
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
        if (event.affectsConfiguration(fullSettingName)) this.syncFromSettings();
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
    for (const endpoint of endpoints)
      if (endpoint.associationId !== '') associationIds.add(endpoint.associationId);
    // A setting entry that failed to load still owns its id: creating another pair with it would collide later.
    for (const { config } of readLoopbackPairsSetting(this.readSetting()).entries)
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
    if (persistence === 'persistent') {
      // Marked before the write so that the configuration change it causes finds the pair in place.
      this.persistent.set(withId.associationId, withId);
      try {
        await this.updateSetting((entries) => [...entries, toSettingEntry(withId)], undefined);
      } catch (error) {
        this.persistent.delete(withId.associationId);
        engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(withId.associationId);
        return failed(
          `could not write ${fullSettingName}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    this.log.info(
      `created ${persistence} loopback pair ${withId.associationId}: "${withId.endpointA.name}" (${created.endpointDeviceIdA}) ↔ "${withId.endpointB.name}" (${created.endpointDeviceIdB})`,
    );
    this.persistenceEmitter.fire();
    return { ...created, associationId: withId.associationId, persistence };
  }

  /** Removes the pair from the engine and, when persistent, its entry from settings. */
  async remove(associationId: string): Promise<RemovePairResult> {
    const engine = this.engineHost.require();
    const wasPersistent = this.persistent.has(associationId);
    const existed = engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
    if (!existed && !wasPersistent) {
      return {
        success: false,
        associationId,
        message: `No loopback pair has the association id "${associationId}".`,
      };
    }
    this.persistent.delete(associationId);
    let message = `Removed loopback pair ${associationId}.`;
    if (wasPersistent) {
      const scopes = await this.updateSetting(
        (entries) => entries.filter((entry) => associationIdOf(entry) !== associationId),
        associationId,
      );
      message = `Removed loopback pair ${associationId} and its entry in ${scopes.join(' and ')} settings.`;
    }
    this.log.info(message);
    this.persistenceEmitter.fire();
    return { success: true, associationId, message };
  }

  /** Makes the engine's persistent pairs match the setting: creates new entries, removes dropped ones. */
  syncFromSettings(): void {
    if (!this.engineHost.isAvailable) return;
    const engine = this.engineHost.require();
    const reading = readLoopbackPairsSetting(this.readSetting());
    const problems = [...reading.problems];
    const wanted = new Map(reading.entries.map((entry) => [entry.config.associationId, entry]));

    for (const [associationId, config] of [...this.persistent]) {
      const entry = wanted.get(associationId);
      if (entry && sameLoopbackConfig(config, entry.config)) continue;
      engine.MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(associationId);
      this.persistent.delete(associationId);
      this.log.info(
        `removed persistent loopback pair ${associationId}: its entry left or changed in ${fullSettingName}`,
      );
    }

    const endpoints = engine.MidiEndpointDeviceInformation.findAll();
    for (const { index, config } of wanted.values()) {
      if (this.persistent.has(config.associationId)) continue;
      const where = `${fullSettingName}[${index}]`;
      if (endpoints.some((endpoint) => endpoint.associationId === config.associationId)) {
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
          void vscode.commands.executeCommand('workbench.action.openSettings', fullSettingName);
        if (choice === 'Show Log') this.log.show();
      });
  }

  private readSetting(): unknown {
    return vscode.workspace.getConfiguration(configurationSection).get<unknown>(loopbackPairsSetting);
  }

  /**
   * Rewrites the setting's array with `change` in one scope: for an addition (`removing` undefined)
   * the scope the effective value comes from; for a removal every scope holding that association id.
   * Entries it does not touch, malformed ones included, are written back exactly as they were.
   * Returns the names of the scopes written.
   */
  private async updateSetting(
    change: (entries: unknown[]) => unknown[],
    removing: string | undefined,
  ): Promise<string[]> {
    const configuration = vscode.workspace.getConfiguration(configurationSection);
    const inspected = configuration.inspect<unknown>(loopbackPairsSetting);
    const scopes: [string, vscode.ConfigurationTarget, unknown][] = [
      ['workspace', vscode.ConfigurationTarget.Workspace, inspected?.workspaceValue],
      ['user', vscode.ConfigurationTarget.Global, inspected?.globalValue],
    ];
    const targets =
      removing === undefined
        ? [scopes.find(([, , value]) => value !== undefined) ?? scopes[1]]
        : scopes.filter(([, , value]) =>
            settingEntriesOf(value).some((entry) => associationIdOf(entry) === removing),
          );
    for (const [, target, value] of targets) {
      await configuration.update(loopbackPairsSetting, change(settingEntriesOf(value)), target);
    }
    return targets.map(([name]) => name);
  }
}
