// Sending and scheduling UMP from the editor and from files, checked on the receiving side.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MidiScopeApi } from '../../../src/extension/api';
import { MidiSendMessageResults } from '../../../src/engine/sendResults';
import { scheduledFailureText } from '../../../src/extension/sending/scheduledFailureReport';
import { partialSendText } from '../../../src/extension/sending/sendReport';
import type { ScheduledFailure } from '../../../src/extension/sending/umpSender';
import {
  acceptDefaultsUntil,
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

interface SendResult {
  ok: boolean;
  reason?: string;
  messagesSent?: number;
  wordsSent?: number;
  endpointDeviceId?: string;
  scheduled?: boolean;
  dropped?: { endpointDeviceId: string; messages: number; report: string };
}

function run(command: string, ...args: unknown[]): Thenable<SendResult> {
  return vscode.commands.executeCommand<SendResult>(command, ...args);
}

function selectAll(editor: vscode.TextEditor): void {
  const { document } = editor;
  editor.selection = new vscode.Selection(0, 0, document.lineCount, 0);
}

const noteOn = 0x20903c64;
const noteOff = 0x20803c00;
const midi2NoteOn = [0x40903c00, 0xc0000000];

describe('extension: send and schedule', function () {
  this.timeout(20_000);
  let api: MidiScopeApi;
  let pair: CreatedPair;
  let onB: Listener;

  /** The random tag in the pair's names ("Test send <tag> A"). */
  let pairTag: string;

  before(async () => {
    api = await midiScope();
    const config = uniquePairConfig('send');
    pairTag = config.endpointA.name.split(' ')[2];
    pair = await createPair(config);
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

  /** Sends a marker now and waits for it: everything sent before it has arrived by then. */
  async function drainWithMarker(): Promise<void> {
    const marker = 0x20b07f01;
    await editorWith(`0x${marker.toString(16)}`);
    assert.equal(
      (await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA })).ok,
      true,
    );
    await waitFor('the marker', () => onB.received.some((message) => message.words[0] === marker));
  }

  it('sends the selection to endpoint A and it arrives on B, word for word', async () => {
    const editor = await editorWith(
      `0x${noteOn.toString(16)}\n${midi2NoteOn.map((word) => word.toString(16)).join(' ')}\n`,
    );
    selectAll(editor);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.deepEqual(result, {
      ok: true,
      endpointDeviceId: pair.endpointDeviceIdA,
      messagesSent: 2,
      wordsSent: 3,
      scheduled: false,
    });
    await waitFor('two messages on B', () => onB.received.length === 2);
    assert.deepEqual(
      onB.received.map((message) => message.words),
      [[noteOn], midi2NoteOn],
    );
  });

  it("sends the cursor's line when nothing is selected", async () => {
    const editor = await editorWith(`0x${noteOn.toString(16)}\n0x${noteOff.toString(16)}\n`);
    editor.selection = new vscode.Selection(1, 3, 1, 3);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.equal(result.messagesSent, 1);
    await waitFor('the note off', () => onB.received.length === 1);
    assert.deepEqual(onB.received[0].words, [noteOff]);
  });

  it('sends to the endpoint given by a tree node (Send Selection to This Endpoint)', async () => {
    const editor = await editorWith(`0x${noteOn.toString(16)}`);
    selectAll(editor);
    const node = { kind: 'endpoint', endpointDeviceId: pair.endpointDeviceIdA };
    const result = await run('midiScope.sendToEndpoint', node);
    assert.equal(result.ok, true, result.reason);
    await waitFor('the note on', () => onB.received.length === 1);
  });

  it('offers the last target first: accepting the quick pick sends there again', async () => {
    const editor = await editorWith(`0x${noteOn.toString(16)}`);
    selectAll(editor);
    assert.equal(
      (await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA })).ok,
      true,
    );
    const again = await acceptDefaultsUntil(run('midiScope.sendSelection'));
    assert.equal(again.endpointDeviceId, pair.endpointDeviceIdA);
    await waitFor('both sends on B', () => onB.received.length === 2);
  });

  it('sends to midiScope.defaultEndpoint without asking when it names an endpoint', async () => {
    const configuration = vscode.workspace.getConfiguration('midiScope');
    await configuration.update('defaultEndpoint', pair.endpointDeviceIdA, vscode.ConfigurationTarget.Global);
    try {
      const editor = await editorWith(`0x${noteOn.toString(16)}`);
      selectAll(editor);
      // No argument and no quick input answered: the setting alone decides the target.
      const result = await run('midiScope.sendSelection');
      assert.equal(result.endpointDeviceId, pair.endpointDeviceIdA);
      await waitFor('the note on', () => onB.received.length === 1);
    } finally {
      await configuration.update('defaultEndpoint', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('selects the offending token on a parse error, reports line:column, and sends nothing', async () => {
    const editor = await editorWith(
      `# header\n0x${noteOn.toString(16)}\n  0x${noteOn.toString(16)} 0x2090ZZ64\n`,
    );
    // The selection starts mid-document, so positions must be mapped back into the document.
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.equal(result.ok, false);
    // The column of the bad character itself ('Z', column 20), not of its token (column 14).
    assert.match(result.reason ?? '', /:3:20: 'Z' is not a hex digit\. Nothing sent\.$/);
    assert.equal(editor.selection.start.line, 2);
    assert.equal(editor.selection.start.character, 19);
    assert.equal(editor.document.getText(editor.selection), 'Z');
    await drainWithMarker();
    assert.equal(onB.received.length, 1, 'only the marker arrived');
  });

  it('puts the whole parse error in a diagnostic on the line, and a short one in the notification', async () => {
    // Plain text: no language of MIDI Scope's own reports problems in it, so the send does.
    const document = await vscode.workspace.openTextDocument({
      language: 'plaintext',
      content: `firmware log:\n  0x${noteOn.toString(16)} 0x20903C64 0x2090_3CX4 0x20803C00\n`,
    });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 2, 0);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /:2:34: 'X' is not a hex digit\. Nothing sent\.$/);
    const [diagnostic] = await waitFor('the diagnostic of the send', () => {
      const found = vscode.languages
        .getDiagnostics(document.uri)
        .filter((d) => d.source === 'MIDI Scope send');
      return found.length > 0 && found;
    });
    assert.equal(diagnostic.range.start.line, 1);
    assert.equal(diagnostic.range.start.character, 33);
    assert.equal(diagnostic.range.end.character, 34);
    assert.match(diagnostic.message, /the token is '0x2090_3CX4', expected hex digits/);
    assert.match(diagnostic.message, /2 complete messages came before it/);
    // Fixing the text takes the diagnostic away.
    await editor.edit((edit) => edit.replace(diagnostic.range, '6'));
    await waitFor('the diagnostic to go', () =>
      vscode.languages.getDiagnostics(document.uri).every((d) => d.source !== 'MIDI Scope send'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refuses per-line time offsets in Send Selection and points to Schedule Selection', async () => {
    const editor = await editorWith(`0x${noteOn.toString(16)}\n+10ms 0x${noteOff.toString(16)}\n`);
    selectAll(editor);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /Line 2 has a time offset.*Schedule Selection/);
  });

  it('says how many messages went out, and which one stopped a partial send and why', () => {
    const { MidiSendMessageResults: flags } = api.engine;
    const messages = [1, 2, 4, 5].map((line) => ({ words: Uint32Array.of(noteOn), line }));
    const outcome = {
      result:
        (flags.failed | flags.endpointConnectionClosedOrInvalid | flags.messageListPartiallyProcessed) >>> 0,
      messagesSent: 2,
      wordsSent: 2,
      totalMessages: 4,
      totalWords: 4,
      endpointDeviceId: pair.endpointDeviceIdA,
    };
    assert.equal(
      partialSendText('Sent', outcome, messages, 'Synth A'),
      'Sent only 2 of 4 messages (2 of 4 words) to Synth A: message 3 (line 4) was refused: ' +
        'failed, endpointConnectionClosedOrInvalid, messageListPartiallyProcessed.',
    );
  });

  it('names the document line of the message that stopped a partial send, wherever the selection starts', async () => {
    // 901,000,000 s is past the clock's exact range (2^53 ticks): the engine refuses the third.
    const editor = await editorWith(
      '# header\n# more\n@60s 0x20903c70\n0x20903c71\n@901000000s 0x20903c72\n',
    );
    editor.selection = new vscode.Selection(2, 0, 5, 0);
    try {
      const result = await run('midiScope.scheduleSelection', { endpointDeviceId: pair.endpointDeviceIdA });
      assert.equal(result.ok, false);
      assert.equal(result.messagesSent, 2);
      assert.match(
        result.reason ?? '',
        /^Scheduled only 2 of 3 messages .*: message 3 \(line 5\) was refused: failed, timestampOutOfRange/,
      );
    } finally {
      await vscode.commands.executeCommand('midiScope.cancelScheduled');
    }
  });

  it('says how many messages a receiver with a full ring dropped, and where', async () => {
    const { MidiSession } = api.engine;
    const session = MidiSession.create('a receiver that cannot keep up');
    try {
      const tiny = session.createEndpointConnection(pair.endpointDeviceIdB, { receiveBufferWords: 4 });
      assert.equal(tiny.open(), true);
      const lines = Array.from({ length: 12 }, (_, index) => `0x${(noteOn + index).toString(16)}`);
      selectAll(await editorWith(lines.join('\n')));
      const result = await run('midiScope.sendSelection', { endpointDeviceId: pair.endpointDeviceIdA });
      assert.equal(result.ok, true, result.reason);
      assert.equal(result.messagesSent, 12);
      const dropped = tiny.statistics.dropped;
      assert.ok(dropped > 0, 'a 4-word ring cannot take 12 messages sent in one call');
      assert.equal(result.dropped?.messages, dropped);
      assert.equal(result.dropped?.endpointDeviceId, pair.endpointDeviceIdB);
      const report = result.dropped?.report ?? '';
      assert.ok(report.startsWith('Sent 12 messages, 12 words to Test send '), report);
      assert.ok(
        report.includes(
          `, but ${dropped} messages of it were dropped at Test send ${pairTag} B (${pair.endpointDeviceIdB}): ` +
            'the receive ring of at least one of its 2 connections was full (bufferFull)',
        ),
        report,
      );
      await waitFor('every message on the listener with room', () => onB.received.length === 12);
    } finally {
      session.close();
    }
  });

  it('names an endpoint id that does not exist', async () => {
    await editorWith(`0x${noteOn.toString(16)}`);
    const result = await run('midiScope.sendSelection', { endpointDeviceId: 'no-such-endpoint' });
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /No endpoint has the id "no-such-endpoint"/);
  });

  it('schedules with a delay and spacing: in order, not before their time', async () => {
    const { MidiClock } = api.engine;
    const editor = await editorWith(
      [0x20903c40, 0x20903c41, 0x20903c42].map((word) => `0x${word.toString(16)}`).join('\n'),
    );
    selectAll(editor);
    const ticksAtSend = MidiClock.now();
    const result = await run('midiScope.scheduleSelection', {
      endpointDeviceId: pair.endpointDeviceIdA,
      delayMs: 1000,
      spacingMs: 100,
    });
    assert.equal(result.ok, true, result.reason);
    assert.equal(result.scheduled, true);
    assert.equal(api.sender?.pendingScheduled(), 3);
    await waitFor('three scheduled messages', () => onB.received.length === 3);
    assert.deepEqual(
      onB.received.map((message) => message.words[0]),
      [0x20903c40, 0x20903c41, 0x20903c42],
    );
    const offsetsMs = onB.received.map((message) =>
      MidiClock.convertTimestampTicksToMilliseconds(message.timestamp - ticksAtSend),
    );
    offsetsMs.forEach((offset, index) =>
      assert.ok(offset >= 1000 + index * 100, `message ${index} at ${offset} ms`),
    );
    await waitFor('nothing left scheduled', () => api.sender?.pendingScheduled() === 0);
  });

  it('schedules with +ms and @ms offsets written in the text', async () => {
    const { MidiClock } = api.engine;
    const editor = await editorWith('@100ms 0x20903c50\n+150ms 0x20903c51\n0x20903c52\n@400ms 0x20903c53\n');
    selectAll(editor);
    const ticksAtSend = MidiClock.now();
    const result = await run('midiScope.scheduleSelection', { endpointDeviceId: pair.endpointDeviceIdA });
    assert.equal(result.ok, true, result.reason);
    assert.equal(result.messagesSent, 4);
    await waitFor('four scheduled messages', () => onB.received.length === 4);
    assert.deepEqual(
      onB.received.map((message) => message.words[0]),
      [0x20903c50, 0x20903c51, 0x20903c52, 0x20903c53],
    );
    const offsetsMs = onB.received.map((message) =>
      MidiClock.convertTimestampTicksToMilliseconds(message.timestamp - ticksAtSend),
    );
    [100, 250, 250, 400].forEach((due, index) =>
      assert.ok(offsetsMs[index] >= due, `message ${index} at ${offsetsMs[index]} ms, due at ${due} ms`),
    );
  });

  it('cancels what is scheduled: nothing of it arrives', async () => {
    const editor = await editorWith('0x20903c60\n0x20903c61\n');
    selectAll(editor);
    await run('midiScope.scheduleSelection', { endpointDeviceId: pair.endpointDeviceIdA, delayMs: 1000 });
    assert.equal(api.sender?.pendingScheduled(), 2);
    const cancelled = await vscode.commands.executeCommand<{ ok: boolean; cancelled: number }>(
      'midiScope.cancelScheduled',
    );
    assert.deepEqual(cancelled, { ok: true, cancelled: 2 });
    assert.equal(api.sender?.pendingScheduled(), 0);
    // A later message scheduled after the cancelled ones' time: when it arrives, they would have too.
    const marker = await editorWith('0x20903c62');
    selectAll(marker);
    await run('midiScope.scheduleSelection', { endpointDeviceId: pair.endpointDeviceIdA, delayMs: 1300 });
    await waitFor('the later message', () => onB.received.length > 0);
    assert.deepEqual(
      onB.received.map((message) => message.words[0]),
      [0x20903c62],
    );
  });

  it('reports scheduled messages whose endpoint went away before their due time', async () => {
    const sender = api.sender;
    assert.ok(sender);
    const config = uniquePairConfig('unplugged');
    const doomed = await createPair(config);
    const failures: ScheduledFailure[] = [];
    // Only this pair's: another suite's pair removed under a replay may be reported meanwhile.
    const subscription = sender.onDidFailScheduled((failure) => {
      if (failure.endpointDeviceId === doomed.endpointDeviceIdA) failures.push(failure);
    });
    let removed = false;
    try {
      const editor = await editorWith('0x20903c60\n0x20903c61\n0x20903c62\n');
      selectAll(editor);
      const result = await run('midiScope.scheduleSelection', {
        endpointDeviceId: doomed.endpointDeviceIdA,
        delayMs: 60_000,
      });
      assert.equal(result.ok, true, result.reason);
      assert.equal(sender.pendingScheduled(), 3);
      // Something else stays scheduled, so the status bar still shows, with the failures beside it.
      const survivor = await editorWith('0x20903c63');
      selectAll(survivor);
      await run('midiScope.scheduleSelection', { endpointDeviceId: pair.endpointDeviceIdA, delayMs: 60_000 });
      assert.equal(api.scheduledStatus?.shownCount, 4);
      await removePair(doomed.associationId);
      removed = true;
      const [failure] = await waitFor('the failure report', () =>
        failures.length > 0 ? failures : undefined,
      );
      assert.equal(failure.endpointDeviceId, doomed.endpointDeviceIdA);
      assert.equal(failure.messages, 3);
      const { failed, endpointConnectionClosedOrInvalid } = MidiSendMessageResults;
      assert.equal(failure.result, (failed | endpointConnectionClosedOrInvalid) >>> 0);
      assert.equal(
        scheduledFailureText(failure, config.endpointA.name),
        `3 scheduled messages to ${config.endpointA.name} (${doomed.endpointDeviceIdA}) were not sent at their due time: ` +
          'failed, endpointConnectionClosedOrInvalid.',
      );
      await waitFor(
        'the status bar to count the failures',
        () => (api.scheduledStatus?.shownFailures ?? 0) >= 3,
      );
      assert.equal(api.scheduledStatus?.shownCount, 1);
      assert.equal(sender.cancelScheduled(), 1);
      // Said once: a later look finds nothing new.
      assert.equal(sender.reportScheduledFailures(), 0);
      assert.equal(failures.length, 1);
    } finally {
      subscription.dispose();
      if (!removed) await removePair(doomed.associationId);
    }
  });

  it('sends a .ump text file', async () => {
    const file = scratchFile(
      'notes.ump',
      `# two notes\n0x${noteOn.toString(16)}\n${midi2NoteOn.map((word) => `0x${word.toString(16)}`).join(' ')}\n`,
    );
    const result = await run('midiScope.sendFile', file, {
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(result.ok, true, result.reason);
    assert.equal(result.wordsSent, 3);
    await waitFor('two messages', () => onB.received.length === 2);
    assert.deepEqual(onB.received[1].words, midi2NoteOn);
  });

  it('opens a .ump file with a parse error at the bad token', async () => {
    const file = scratchFile('broken.ump', `0x${noteOn.toString(16)}\n0xG0903C64\n`);
    const result = await run('midiScope.sendFile', file, {
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(result.ok, false);
    assert.match(result.reason ?? '', /broken\.ump:2:3: 'G' is not a hex digit\. Nothing sent\.$/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, file.fsPath);
    assert.equal(editor?.selection.start.line, 1);
  });

  it('sends a binary file of big-endian UMP words', async () => {
    const words = [noteOn, ...midi2NoteOn, noteOff];
    const bytes = Buffer.alloc(words.length * 4);
    words.forEach((word, index) => bytes.writeUInt32BE(word, index * 4));
    const file = scratchFile('notes.bin', bytes);
    const result = await run('midiScope.sendFile', file, {
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(result.ok, true, result.reason);
    assert.equal(result.messagesSent, 3);
    await waitFor('three messages', () => onB.received.length === 3);
    assert.deepEqual(
      onB.received.map((message) => message.words),
      [[noteOn], midi2NoteOn, [noteOff]],
    );
  });

  it('refuses a binary file that is not whole words, or ends inside a message, naming the byte offset', async () => {
    const ragged = scratchFile('ragged.bin', Buffer.from([0x20, 0x90, 0x3c, 0x64, 0x20, 0x90]));
    const raggedResult = await run('midiScope.sendFile', ragged, {
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(raggedResult.ok, false);
    assert.match(raggedResult.reason ?? '', /ragged\.bin: the file is 6 bytes.*at byte offset 4/);

    const bytes = Buffer.alloc(8);
    bytes.writeUInt32BE(noteOn, 0);
    bytes.writeUInt32BE(midi2NoteOn[0], 4);
    const cut = scratchFile('cut.bin', bytes);
    const cutResult = await run('midiScope.sendFile', cut, {
      endpointDeviceId: pair.endpointDeviceIdA,
    });
    assert.equal(cutResult.ok, false);
    assert.match(
      cutResult.reason ?? '',
      /message at byte offset 4 .*message type 0x4\) needs 2 words but the file ends after 1/,
    );
    await drainWithMarker();
    assert.equal(onB.received.length, 1, 'nothing of the refused files was sent');
  });
});
