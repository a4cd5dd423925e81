// midiScope.alsa.publishLoopbacks reaches the engine in the extension host (whether its own
// endpoints are shown to the OS), follows changes, and a value that is not a boolean is refused
// (publishing stays on). test/alsa/publish-setting.test.mjs shows the ports going in the guest.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import { midiScope, waitFor } from './extensionTestSupport';

describe('extension: the publishLoopbacks setting', function () {
  this.timeout(30_000);
  let api: MidiScopeApi;
  const configuration = () => vscode.workspace.getConfiguration('midiScope');
  const publishing = () => api.engine.MidiTransports.isPublishing();

  before(async () => {
    api = await midiScope();
  });

  after(async () => {
    await configuration().update('alsa.publishLoopbacks', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('publishing back on', () => publishing());
  });

  it('is on by default and follows the user setting', async () => {
    assert.equal(publishing(), true);
    await configuration().update('alsa.publishLoopbacks', false, vscode.ConfigurationTarget.Global);
    await waitFor('publishing off in the engine', () => !publishing());
    await configuration().update('alsa.publishLoopbacks', true, vscode.ConfigurationTarget.Global);
    await waitFor('publishing on in the engine', () => publishing());
  });

  it('keeps publishing for a value that is not a boolean', async () => {
    await configuration().update('alsa.publishLoopbacks', false, vscode.ConfigurationTarget.Global);
    await waitFor('publishing off in the engine', () => !publishing());
    await configuration().update('alsa.publishLoopbacks', 'no', vscode.ConfigurationTarget.Global);
    await waitFor('publishing on after a non-boolean', () => publishing());
  });
});
