// The quick input behind "MIDI: Create Loopback Pair": the two names, then Create (or Create and
// keep) at once; descriptions, unique ids and persistence wait behind "Options…". Every value is
// checked as it is typed, so nothing is created until the whole pair is known to be acceptable.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';
import type { MidiLoopbackEndpointCreationConfig } from '../../engine/types';
import type { PairPersistence } from '../loopback/pairPersistence';
import { validateEndpointName, validateUniqueId, type ExistingEndpoints } from '../loopback/pairValidation';
import { pickStep, runSteps, textStep, type StepOutcome } from './multiStepInput';

export interface PairWizardAnswer {
  config: MidiLoopbackEndpointCreationConfig;
  persistence: PairPersistence;
}

interface PersistencePick extends vscode.QuickPickItem {
  persistence: PairPersistence;
}

const title = 'Create Loopback Pair';
/** Names and the Create/Options pick; Options adds two descriptions, two unique ids and persistence. */
const quickSteps = 3;
const optionSteps = 5;

type Finish = 'create' | 'createPersistent' | 'options';

interface FinishPick extends vscode.QuickPickItem {
  finish: Finish;
}

/** "Loopback 1", "Loopback 2", … : the first number no endpoint name uses. */
function defaultBaseName(existing: ExistingEndpoints): string {
  const names = new Set(existing.endpoints.map((endpoint) => endpoint.name));
  for (let number = 1; ; number++) {
    const base = `Loopback ${number}`;
    if (!names.has(`${base} A`) && !names.has(`${base} B`)) return base;
  }
}

/** A name for B that mirrors A's: "Synth A" → "Synth B", else "<A> (B)". */
function mirroredName(nameA: string): string {
  return / A$/.test(nameA) ? nameA.replace(/ A$/, ' B') : `${nameA} (B)`;
}

export async function askForLoopbackPair(existing: ExistingEndpoints): Promise<PairWizardAnswer | undefined> {
  const base = defaultBaseName(existing);
  const idStem = `MIDISCOPE-${randomBytes(4).toString('hex').toUpperCase()}`;
  const answer = {
    nameA: `${base} A`,
    nameB: '',
    descriptionA: '',
    descriptionB: '',
    uniqueIdA: `${idStem}-A`,
    uniqueIdB: `${idStem}-B`,
    persistence: 'transient' as PairPersistence,
    finish: 'create' as Finish,
  };
  const totalSteps = (): number => (answer.finish === 'options' ? quickSteps + optionSteps : quickSteps);
  const persistenceItems: PersistencePick[] = [
    { label: '$(link) Transient', detail: 'Exists until this window closes.', persistence: 'transient' },
    {
      label: '$(pinned) Persistent',
      detail: 'Saved in the setting midiScope.loopbackPairs and recreated whenever MIDI Scope starts.',
      persistence: 'persistent',
    },
  ];
  const optionStepList = [
    async () => {
      const outcome = await textStep({
        title,
        step: 4,
        totalSteps: totalSteps(),
        prompt: `Description of "${answer.nameA}" (optional)`,
        value: answer.descriptionA,
        placeholder: 'for example: firmware under test',
        validate: () => undefined,
      });
      if (outcome.kind === 'value') answer.descriptionA = outcome.value;
      return outcome;
    },
    async () => {
      const outcome = await textStep({
        title,
        step: 5,
        totalSteps: totalSteps(),
        prompt: `Description of "${answer.nameB}" (optional)`,
        value: answer.descriptionB || answer.descriptionA,
        validate: () => undefined,
      });
      if (outcome.kind === 'value') answer.descriptionB = outcome.value;
      return outcome;
    },
    async () => {
      const outcome = await textStep({
        title,
        step: 6,
        totalSteps: totalSteps(),
        prompt: `Unique id of "${answer.nameA}" (stays the same across restarts, like a device serial number)`,
        value: answer.uniqueIdA,
        validate: (value) => validateUniqueId(value, existing),
      });
      if (outcome.kind === 'value') answer.uniqueIdA = outcome.value;
      return outcome;
    },
    async () => {
      const outcome = await textStep({
        title,
        step: 7,
        totalSteps: totalSteps(),
        prompt: `Unique id of "${answer.nameB}"`,
        value: answer.uniqueIdB,
        validate: (value) => validateUniqueId(value, existing, answer.uniqueIdA),
      });
      if (outcome.kind === 'value') answer.uniqueIdB = outcome.value;
      return outcome;
    },
    async () => {
      const outcome = await pickStep({
        title,
        step: 8,
        totalSteps: totalSteps(),
        placeholder: 'Keep this pair only for this window, or in settings?',
        items: persistenceItems,
        active: persistenceItems.find((item) => item.persistence === answer.persistence),
      });
      if (outcome.kind === 'value') answer.persistence = outcome.value.persistence;
      return outcome;
    },
  ];
  const steps: Array<() => Promise<StepOutcome<unknown>>> = [
    async () => {
      const outcome = await textStep({
        title,
        step: 1,
        totalSteps: totalSteps(),
        prompt: 'Name of endpoint A (messages sent to A arrive on B)',
        value: answer.nameA,
        validate: (value) => validateEndpointName(value, existing),
      });
      if (outcome.kind === 'value') answer.nameA = outcome.value;
      return outcome;
    },
    async () => {
      const outcome = await textStep({
        title,
        step: 2,
        totalSteps: totalSteps(),
        prompt: 'Name of endpoint B (messages sent to B arrive on A)',
        value: answer.nameB || mirroredName(answer.nameA),
        validate: (value) => validateEndpointName(value, existing, answer.nameA),
      });
      if (outcome.kind === 'value') answer.nameB = outcome.value;
      return outcome;
    },
    async () => {
      const pair = `"${answer.nameA}" ↔ "${answer.nameB}"`;
      const items: FinishPick[] = [
        {
          label: '$(check) Create',
          description: 'transient',
          detail: `${pair}, until this window closes.`,
          finish: 'create',
        },
        {
          label: '$(pinned) Create and Keep',
          description: 'persistent',
          detail: `${pair}, saved in the setting midiScope.loopbackPairs and recreated whenever MIDI Scope starts.`,
          finish: 'createPersistent',
        },
        {
          label: '$(gear) Options…',
          detail: 'Descriptions, unique ids, transient or persistent.',
          finish: 'options',
        },
      ];
      const outcome = await pickStep({
        title,
        step: 3,
        totalSteps: totalSteps(),
        placeholder: `Create ${pair}?`,
        items,
        active: items.find((item) => item.finish === answer.finish) ?? items[0],
      });
      if (outcome.kind === 'value') {
        answer.finish = outcome.value.finish;
        // Options adds its steps after this one; Create ends the prompt here.
        steps.length = quickSteps;
        if (answer.finish === 'options') steps.push(...optionStepList);
        else answer.persistence = answer.finish === 'createPersistent' ? 'persistent' : 'transient';
      }
      return outcome;
    },
  ];
  const completed = await runSteps(steps);
  if (!completed) return undefined;
  return {
    config: {
      associationId: '',
      endpointA: { name: answer.nameA, description: answer.descriptionA, uniqueId: answer.uniqueIdA },
      endpointB: { name: answer.nameB, description: answer.descriptionB, uniqueId: answer.uniqueIdB },
    },
    persistence: answer.persistence,
  };
}
