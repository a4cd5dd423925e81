// The harness's own suite: MIDI Scope is installed in this extension host, activates, and hands
// back its API; the launcher opened the sample workspace. It holds whichever launcher ran it
// (code-server's test driver or @vscode/test-electron).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';

const extensionId = 'midi-scope.midi-scope';

interface Manifest {
  displayName: string;
  main: string;
  contributes: { commands: { command: string }[] };
}

function midiScopeExtension(): vscode.Extension<MidiScopeApi> {
  const extension = vscode.extensions.getExtension<MidiScopeApi>(extensionId);
  assert.ok(extension, `${extensionId} is not installed in this extension host`);
  return extension;
}

describe('harness: MIDI Scope in the extension host', function () {
  it('is installed from its package, with its manifest', () => {
    const manifest = midiScopeExtension().packageJSON as Manifest;
    assert.equal(manifest.displayName, 'MIDI Scope');
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('activates and returns its API, with the native engine loaded in this host', async () => {
    const extension = midiScopeExtension();
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(extension.exports, api, 'exports is what activate() returned');
    assert.equal(
      api.engineUnavailableReason,
      undefined,
      `engine unavailable in Node ${process.versions.node}`,
    );
    assert.ok(api.engine, 'the API carries the engine');
    const before = api.engine.MidiClock.now();
    assert.ok(Number.isFinite(before) && before > 0, `MidiClock.now() gave ${before}`);
    assert.ok(api.engine.MidiClock.now() >= before, 'MidiClock runs forward');
    assert.equal(api.log.name, 'MIDI Scope');
  });

  it('registers every command its manifest contributes once active', async () => {
    await midiScopeExtension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = (midiScopeExtension().packageJSON as Manifest).contributes.commands.map(
      (entry) => entry.command,
    );
    assert.ok(declared.length > 0, 'the manifest declares commands');
    assert.deepEqual(
      declared.filter((command) => !registered.has(command)),
      [],
      'declared in package.json but not registered by activate()',
    );
  });

  it('runs in the sample workspace the launcher opened, whose .ump files all parse', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1, 'one folder is open');
    const samples = await vscode.workspace.findFiles('*.ump');
    assert.ok(samples.length >= 5, `expected the sample .ump files, found ${samples.length}`);
    const { ump } = (await midiScopeExtension().activate()).engine ?? assert.fail('no engine');
    for (const sample of samples) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sample));
      const parsed = ump.parseUmpHex(text, { allowTimeOffsets: true });
      const name = vscode.workspace.asRelativePath(sample);
      assert.ok(
        parsed.ok,
        parsed.ok ? '' : `${name}:${parsed.error.line}:${parsed.error.column} ${parsed.error.message}`,
      );
      assert.ok(parsed.messages.length > 0, `${name} holds no message`);
    }
  });
});
