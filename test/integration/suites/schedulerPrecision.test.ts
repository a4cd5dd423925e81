// midiScope.scheduler.precision reaches the engine's scheduler in the extension host, follows
// changes, and a value outside the three is refused (balanced is used and the log says why).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import { midiScope, waitFor } from './extensionTestSupport';

describe('extension: the scheduler precision setting', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;
  const configuration = () => vscode.workspace.getConfiguration('midiScope');
  const precision = () => api.engine.MidiScheduler.precision;

  before(async () => {
    api = await midiScope();
  });

  after(async () => {
    await configuration().update('scheduler.precision', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the default precision back', () => precision() === 'balanced');
  });

  it('is balanced by default and follows the user setting', async () => {
    assert.equal(precision(), 'balanced');
    await configuration().update('scheduler.precision', 'lowPower', vscode.ConfigurationTarget.Global);
    await waitFor('lowPower in the engine', () => precision() === 'lowPower');
    await configuration().update('scheduler.precision', 'precise', vscode.ConfigurationTarget.Global);
    await waitFor('precise in the engine', () => precision() === 'precise');
  });

  it('falls back to balanced for a value it does not know', async () => {
    await configuration().update('scheduler.precision', 'lowPower', vscode.ConfigurationTarget.Global);
    await waitFor('lowPower in the engine', () => precision() === 'lowPower');
    await configuration().update('scheduler.precision', 'fastest', vscode.ConfigurationTarget.Global);
    await waitFor('balanced after an unknown value', () => precision() === 'balanced');
  });
});
