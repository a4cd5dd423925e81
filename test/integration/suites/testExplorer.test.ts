// The Test Explorer in a real extension host: the sample workspace's *.umptest files are found
// and listed with their tests, the workbench's own Run All and Run at Cursor commands run them
// through MIDI Scope's TestController, failures are marked at their lines, and a syntax error
// becomes a diagnostic with its position.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import type { MonitorHandle } from '../../../src/views/monitor';
import { closeEditors, midiScope, waitFor } from './extensionTestSupport';

function fileItem(api: MidiScopeApi, relativePath: string): vscode.TestItem | undefined {
  let found: vscode.TestItem | undefined;
  api.tests.controller.items.forEach((item) => {
    if (item.label === relativePath) found = item;
  });
  return found;
}

function childLabels(item: vscode.TestItem): string[] {
  const labels: string[] = [];
  item.children.forEach((child) => labels.push(child.label));
  return labels;
}

function childId(item: vscode.TestItem, label: string): string {
  let id: string | undefined;
  item.children.forEach((child) => {
    if (child.label === label) id = child.id;
  });
  assert.ok(id, `no test "${label}" under ${item.label}`);
  return id;
}

describe('Test Explorer: *.umptest files', function () {
  this.timeout(60_000);
  let api: MidiScopeApi;

  before(async () => {
    api = await midiScope();
  });

  afterEach(async () => {
    await closeEditors();
  });

  it('lists each test file of the workspace with its tests, at their lines', async () => {
    const file = await waitFor('tests/channel-voice.umptest in the Test Explorer', () =>
      fileItem(api, 'tests/channel-voice.umptest'),
    );
    assert.deepEqual(childLabels(file), [
      'a note on arrives with its fields',
      'MIDI 2.0 note on, 16-bit velocity, matched by mask',
      'nothing else arrives',
      'every channel, one after the other',
      'a pause between two notes',
    ]);
    const first = file.children.get(childId(file, 'a note on arrives with its fields'));
    assert.equal(first?.range?.start.line, 8);
    assert.ok(fileItem(api, 'tests/sysex-and-ci.umptest'));
    assert.ok(fileItem(api, 'tests/fails-on-purpose.umptest'));
  });

  it('Run All runs every test: the samples pass, the file that fails on purpose fails at its lines', async () => {
    const passing = await waitFor('channel-voice', () => fileItem(api, 'tests/channel-voice.umptest'));
    const failing = await waitFor('fails-on-purpose', () => fileItem(api, 'tests/fails-on-purpose.umptest'));
    const virtual = await waitFor('virtual-device', () => fileItem(api, 'tests/virtual-device.umptest'));
    const finished = new Promise<void>((resolve) => {
      const subscription = api.tests.onDidFinishRun(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('testing.runAll');
    await finished;
    // The file with a virtual device passes too: its declaration file is found beside it.
    assert.ok(virtual.children.size >= 5);
    virtual.children.forEach((child) => {
      assert.equal(
        api.tests.results.get(child.id)?.state,
        'passed',
        `${child.label}: ${api.tests.results.get(child.id)?.message}`,
      );
    });
    passing.children.forEach((child) => {
      assert.equal(
        api.tests.results.get(child.id)?.state,
        'passed',
        `${child.label}: ${api.tests.results.get(child.id)?.message}`,
      );
    });
    const wrongChannel = api.tests.results.get(childId(failing, 'fails: the note is on channel 5, not 0-3'));
    assert.equal(wrongChannel?.state, 'failed');
    assert.equal(wrongChannel?.line, 12, 'marked at the expect line');
    assert.match(wrongChannel?.message ?? '', /channel: expected 0-3, got 5/);
    const unwanted = api.tests.results.get(childId(failing, 'fails: something arrives that should not'));
    assert.equal(unwanted?.state, 'failed');
    assert.equal(unwanted?.line, 17);
    assert.equal(api.tests.results.get(childId(failing, 'passes: the note arrives'))?.state, 'passed');
  });

  it('Open Exchange in Monitor shows what a test sent and received, from its item or its failure message', async () => {
    const failing = await waitFor('fails-on-purpose', () => fileItem(api, 'tests/fails-on-purpose.umptest'));
    const id = childId(failing, 'fails: the note is on channel 5, not 0-3');
    await waitFor('the test ran (the Run All test above)', () => api.tests.exchanges.get(id));
    const item = failing.children.get(id);
    type Opened = {
      ok: boolean;
      messages: number;
      endpointNames: string[];
      monitor: MonitorHandle;
    };
    // As the Test Explorer's context menu passes it (the item), then as a failure message's menu does.
    const opened = await vscode.commands.executeCommand<Opened>('midiScope.openTestExchange', item);
    assert.equal(opened.ok, true);
    assert.deepEqual(opened.endpointNames, ['→ out', '← in']);
    const { ring } = opened.monitor.captured.capture;
    const rows: [number, number][] = [];
    for (let seq = ring.firstSeq; seq < ring.endSeq; seq++) {
      rows.push([ring.endpointIndex(seq), ring.wordsArray[ring.wordOffset(seq)]]);
    }
    assert.deepEqual(rows, [
      [0, 0x20953c64],
      [1, 0x20953c64],
    ]);
    assert.equal(opened.monitor.captured.endpoints[0].name, '→ out');
    await waitFor(
      'the exchange monitor shows its rows',
      () => (opened.monitor.isWebviewReady && opened.monitor.counters.received === 2) || undefined,
      20_000,
    );
    opened.monitor.dispose();
    const fromMessage = await vscode.commands.executeCommand<Opened>('midiScope.openTestExchange', {
      test: item,
      message: new vscode.TestMessage('failed'),
    });
    assert.equal(fromMessage.messages, 2);
    fromMessage.monitor.dispose();
    // A whole file: every test of it that ran, in one monitor.
    const whole = await vscode.commands.executeCommand<Opened>('midiScope.openTestExchange', failing);
    assert.ok(whole.messages > 2, `${whole.messages} messages for the file`);
    whole.monitor.dispose();
  });

  it('Run at Cursor runs the one test under the cursor', async () => {
    const file = await waitFor('sysex-and-ci', () => fileItem(api, 'tests/sysex-and-ci.umptest'));
    const target = childId(file, 'a Mixed Data Set chunk');
    const other = childId(file, 'an identity request arrives whole');
    api.tests.clearResults();
    const editor = await vscode.window.showTextDocument(file.uri as vscode.Uri);
    const line = file.children.get(target)?.range?.start.line ?? 0;
    editor.selection = new vscode.Selection(line + 1, 2, line + 1, 2);
    const finished = new Promise<void>((resolve) => {
      const subscription = api.tests.onDidFinishRun(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('testing.runAtCursor');
    await finished;
    assert.equal(api.tests.results.get(target)?.state, 'passed');
    assert.equal(api.tests.results.has(other), false, 'only the test at the cursor ran');
  });

  it('a syntax error is a diagnostic at its position, and the file says so in the Test Explorer', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the sample workspace is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'tests', 'integration-broken.umptest');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        'loopback a <-> b\ntest "t"\n  send a note-on chanel 3 note 60 velocity 1\nend\n',
      ),
    );
    try {
      const diagnostics = await waitFor('a diagnostic on the broken file', () => {
        const found = vscode.languages.getDiagnostics(uri);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(diagnostics[0].range.start.line, 2);
      assert.equal(diagnostics[0].range.start.character, 17);
      assert.match(diagnostics[0].message, /note-on has no field "chanel" \(expected one of group, channel/);
      const item = await waitFor('the broken file in the Test Explorer', () =>
        fileItem(api, 'tests/integration-broken.umptest'),
      );
      assert.match(typeof item.error === 'string' ? item.error : (item.error?.value ?? ''), /1 syntax error/);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(
      'the deleted file to leave the Test Explorer',
      () => !fileItem(api, 'tests/integration-broken.umptest'),
    );
  });
});
