// `.ump` as a language inside a real extension host: diagnostics as you type, hover, CodeLens
// that sends, inlay hints, the formatter; UMP hover in C sources and Copy Selection as Code; the
// little-endian send.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import {
  closeEditors,
  createPair,
  editorWith,
  listenOn,
  midiScope,
  removePair,
  scratchFile,
  uniquePairConfig,
  waitFor,
  type CreatedPair,
  type Listener,
} from './extensionTestSupport';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return hoverText(hovers ?? []);
}

describe('ump language', function () {
  this.timeout(20_000);
  let api: MidiScopeApi;
  let pair: CreatedPair;
  let onB: Listener;

  before(async () => {
    api = await midiScope();
    pair = await createPair(uniquePairConfig('language'));
  });

  beforeEach(() => {
    onB = listenOn(api, pair.endpointDeviceIdB);
  });

  afterEach(async () => {
    onB.dispose();
    await closeEditors();
  });

  after(async () => {
    await removePair(pair.associationId);
  });

  it('is the language of .ump files and shows parse errors and reserved bits as you type', async () => {
    const editor = await editorWith('0x20903C64\n\n0x20C00501\n');
    const { document } = editor;
    assert.equal(document.languageId, 'ump');
    const reserved = await waitFor('a reserved-bit warning', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'reservedBitsSet'),
    );
    assert.equal(reserved.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(reserved.range), '01');
    assert.equal(reserved.source, 'MIDI Scope');

    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '0x2090ZZ64\n'));
    const parse = await waitFor('a parse error', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'parse'),
    );
    assert.equal(parse.severity, vscode.DiagnosticSeverity.Error);
    // The squiggle sits on the bad character itself; the message names the whole token.
    assert.equal(document.getText(parse.range), 'Z');
    assert.equal(parse.range.start.character, 6);
    assert.match(parse.message, /0x2090ZZ64/);
    assert.match(parse.message, /expected/);
    // The other blocks are still checked.
    assert.ok(vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'reservedBitsSet'));
  });

  it('hovers a message with its name, every field and its problems', async () => {
    const editor = await editorWith('0x20903CFF // note on\n');
    const text = await hoverAt(editor.document, new vscode.Position(0, 4));
    assert.match(text, /Note On/);
    assert.match(text, /Velocity/);
    assert.match(text, /dataHighBitSet/);
  });

  it('puts Send and Schedule lenses above each block, and Send sends that block', async () => {
    const editor = await editorWith('0x20903C64\n0x20803C00\n\n+5ms 0x20903C65\n');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      editor.document.uri,
    );
    const titles = lenses.map((lens) => `${lens.range.start.line}:${lens.command?.title ?? ''}`);
    assert.ok(titles.includes('0:$(send) Send 2 messages'), titles.join(', '));
    assert.ok(titles.includes('0:$(watch) Schedule'), titles.join(', '));
    assert.ok(!titles.some((title) => title.startsWith('3:$(send)')), 'a timed block is scheduled, not sent');
    const send = lenses.find((lens) => lens.command?.title === '$(send) Send 2 messages');
    const argument: unknown = send?.command?.arguments?.[0];
    const result = await vscode.commands.executeCommand<{ ok: boolean }>('midiScope.sendBlock', {
      ...(argument as object),
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(result.ok, true);
    await waitFor('the block on B', () => onB.received.length === 2);
    assert.deepEqual(
      onB.received.map((message) => message.words),
      [[0x20903c64], [0x20803c00]],
    );
    const again = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      editor.document.uri,
    );
    assert.ok(
      again.some(
        (lens) =>
          lens.command?.title ===
          `$(history) Send to ${api.endpoints.find(pair.endpointDeviceIdA)?.name ?? '?'}`,
      ),
      'a lens for the last endpoint',
    );
  });

  it('#endpoint: completes the ids, warns of one that is not there, hovers it, and its blocks go there', async () => {
    const nameA = api.endpoints.find(pair.endpointDeviceIdA)?.name ?? '?';
    const editor = await editorWith(
      [
        `#endpoint ${nameA}`,
        '0x20903C66',
        '',
        '#endpoint Nowhere Synth',
        '0x20903C67',
        '',
        '#endpoint ',
      ].join('\n'),
    );
    const { document } = editor;
    const unknown = await waitFor('a warning on the endpoint that is not there', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'endpointUnknown'),
    );
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(unknown.range), 'Nowhere Synth');
    assert.deepEqual(
      vscode.languages
        .getDiagnostics(document.uri)
        .filter((d) => d.range.start.line === 0)
        .map((d) => d.message),
      [],
      'the endpoint named by its name is known',
    );
    const missing = vscode.languages.getDiagnostics(document.uri).find((d) => d.range.start.line === 6);
    assert.equal(missing?.code, 'endpointMissing');

    const completion = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(6, '#endpoint '.length),
    );
    const offered = completion.items.map((item) =>
      typeof item.label === 'string' ? item.label : item.label.label,
    );
    assert.ok(offered.includes(pair.endpointDeviceIdA), offered.join(', '));
    assert.ok(offered.includes(pair.endpointDeviceIdB), offered.join(', '));

    assert.match(
      await hoverAt(document, new vscode.Position(0, 3)),
      new RegExp(pair.endpointDeviceIdA.replace(/[/.]/g, '\\$&')),
    );

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const titles = lenses.map((lens) => `${lens.range.start.line}:${lens.command?.title ?? ''}`);
    assert.ok(titles.includes(`1:$(send) Send 1 message to ${nameA}`), titles.join(', '));
    assert.ok(
      titles.includes('4:$(send) Send 1 message to "Nowhere Synth" (not there now)'),
      titles.join(', '),
    );
    const send = lenses.find((lens) => lens.command?.title === `$(send) Send 1 message to ${nameA}`);
    const result = await vscode.commands.executeCommand<{ ok: boolean }>(
      'midiScope.sendBlock',
      ...((send?.command?.arguments ?? []) as unknown[]),
    );
    assert.equal(result.ok, true);
    await waitFor('the block on B', () => onB.received.length === 1);
    assert.deepEqual(onB.received[0].words, [0x20903c66]);
    const nowhere = lenses.find(
      (lens) => lens.range.start.line === 4 && lens.command?.title.includes('Send'),
    );
    const refused = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>(
      'midiScope.sendBlock',
      ...((nowhere?.command?.arguments ?? []) as unknown[]),
    );
    assert.equal(refused.ok, false);
    assert.match(
      refused.reason ?? '',
      /#endpoint "Nowhere Synth" \(line 4\): no endpoint has that id or name now/,
    );
  });

  it('shows inlay hints only when the setting asks for them', async () => {
    const editor = await editorWith('0x20903C64\n');
    const range = new vscode.Range(0, 0, 1, 0);
    const hints = (): Thenable<vscode.InlayHint[]> =>
      vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        editor.document.uri,
        range,
      );
    assert.deepEqual(await hints(), []);
    const config = vscode.workspace.getConfiguration('midiScope');
    await config.update('ump.inlayHints', true, vscode.ConfigurationTarget.Global);
    try {
      const shown = await waitFor('an inlay hint', async () =>
        (await hints()).length > 0 ? await hints() : undefined,
      );
      const { label } = shown[0];
      assert.match(
        typeof label === 'string' ? label : label.map((part) => part.value).join(''),
        /Note On · note 60 vel 100/,
      );
    } finally {
      await config.update('ump.inlayHints', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('formats: 0x%08X words, aligned offsets and comments, comments kept', async () => {
    const editor = await editorWith('20903c64 // on\n+10ms 20 80 3c 00 // off\n');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>(
      'vscode.executeFormatDocumentProvider',
      editor.document.uri,
      { tabSize: 2, insertSpaces: true },
    );
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(editor.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    assert.equal(editor.document.getText(), '      0x20903C64 // on\n+10ms 0x20803C00 // off\n');
  });

  it('hovers UMP hex in C sources, and stays quiet when turned off for C', async () => {
    const uri = scratchFile('notes.c', 'static const uint32_t on = 0x20903C64u;\nint x = 0xFF;\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'c');
    assert.match(await hoverAt(document, new vscode.Position(0, 30)), /Note On/);
    assert.doesNotMatch(await hoverAt(document, new vscode.Position(1, 10)), /UMP/);
    const config = vscode.workspace.getConfiguration('midiScope');
    const before = config.get<Record<string, boolean>>('hexHover.languages');
    await config.update('hexHover.languages', { ...before, c: false }, vscode.ConfigurationTarget.Global);
    try {
      assert.doesNotMatch(await hoverAt(document, new vscode.Position(0, 30)), /Note On/);
    } finally {
      await config.update('hexHover.languages', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('turns the selection into a C array and into little-endian bytes', async () => {
    const editor = await editorWith('#define NOTE_ON 0x20903C64\n');
    editor.selection = new vscode.Selection(0, 0, 1, 0);
    const words = await vscode.commands.executeCommand<{ ok: boolean; text: string }>(
      'midiScope.copyAsCode',
      {
        language: 'c',
        byteOrder: 'bigEndianWords',
      },
    );
    assert.match(words.text, /static const uint32_t ump\[\] = \{\n {4}0x20903C64, \/\/ Note On/);
    const bytes = await vscode.commands.executeCommand<{ ok: boolean; text: string }>(
      'midiScope.copyAsCode',
      {
        language: 'python',
        byteOrder: 'littleEndianBytes',
      },
    );
    assert.match(bytes.text, /0x64, 0x3C, 0x90, 0x20,/);
  });

  it('sends a little-endian byte dump only through the explicit command', async () => {
    const editor = await editorWith('64 3C 90 20\n');
    editor.selection = new vscode.Selection(0, 0, 1, 0);
    const result = await vscode.commands.executeCommand<{ ok: boolean }>(
      'midiScope.sendSelectionLittleEndian',
      {
        endpointDeviceId: pair.endpointDeviceIdA,
      },
    );
    assert.equal(result.ok, true);
    await waitFor('the word on B', () => onB.received.length === 1);
    assert.deepEqual(onB.received[0].words, [0x20903c64]);
  });

  it('copies rows selected in a monitor as code (the argument of its context menu), as the editor does', async () => {
    const before = api.monitor.monitors;
    await vscode.commands.executeCommand('midiScope.openMonitor', pair.endpointDeviceIdB);
    const monitor = await waitFor('a new monitor', () =>
      api.monitor.monitors.find((m) => !before.includes(m)),
    );
    try {
      const editor = await editorWith('0x20903C64\n0x40903C00 0xFFFF0000\n0x20803C00\n');
      editor.selection = new vscode.Selection(0, 0, 3, 0);
      const sent = await vscode.commands.executeCommand<{ ok: boolean }>('midiScope.sendSelection', {
        endpointDeviceId: pair.endpointDeviceIdA,
      });
      assert.equal(sent.ok, true);
      await waitFor('3 rows in the monitor', () => monitor.counters.received >= 3 || undefined);
      monitor.panel.reveal();
      await waitFor('the monitor in front', () => monitor.panel.active || undefined);
      const { capture } = monitor.captured;
      const rows = { generation: capture.generation, from: capture.view.start + 1, count: 2 };
      const copied = await vscode.commands.executeCommand<{ ok: boolean; text: string }>(
        'midiScope.copyRowsAsCode',
        {
          webview: 'midiScope.monitor',
          midiScopeRows: rows,
          language: 'rust',
          byteOrder: 'bigEndianWords',
          returnOnly: true,
        },
      );
      assert.equal(copied.ok, true);
      // The same generator as Copy Selection as Code: the two selected rows, nothing else.
      assert.match(copied.text, /^const UMP: \[u32; 3\] = \[$/m);
      assert.match(copied.text, /0x40903C00, 0xFFFF0000, \/\/ Note On/);
      assert.match(copied.text, /0x20803C00, +\/\/ Note Off/);
      assert.doesNotMatch(copied.text, /0x20903C64/, 'the first row was not selected');
      const stale = await vscode.commands.executeCommand<{ ok: boolean; reason?: string }>(
        'midiScope.copyRowsAsCode',
        {
          midiScopeRows: { ...rows, generation: rows.generation + 1 },
          language: 'c',
          byteOrder: 'bigEndianWords',
        },
      );
      assert.equal(stale.ok, false);
      assert.match(stale.reason ?? '', /cleared or filtered after the rows were selected/);
    } finally {
      monitor.panel.dispose();
    }
  });
});
