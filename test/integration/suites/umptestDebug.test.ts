// The `umptest` step debugger in a real extension host: a debug session on a sample file stops at
// a breakpoint inside a repeat, shows the step as its stack frame and the test's variables,
// endpoints and received messages (decoded, with hex) over DAP, steps to the next step, continues
// to the end and the test's result is in the Test Explorer. The Test Explorer's Debug profile
// stops on a failed expectation with its difference, and stopping a session ends the run cleanly.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { MidiScopeApi } from '../../../src/extension/api';
import { closeEditors, midiScope, waitFor } from './extensionTestSupport';

interface Stopped {
  session: vscode.DebugSession;
  body: DebugProtocol.StoppedEvent['body'];
}

function sampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'tests', name);
}

function testId(api: MidiScopeApi, uri: vscode.Uri, label: string): string {
  const file = api.tests.controller.items.get(uri.toString());
  let id: string | undefined;
  file?.children.forEach((child) => {
    if (child.label === label) id = child.id;
  });
  assert.ok(id, `no test "${label}" in ${uri.path}`);
  return id;
}

async function variables(session: vscode.DebugSession, reference: number): Promise<DebugProtocol.Variable[]> {
  const body = (await session.customRequest('variables', { variablesReference: reference })) as {
    variables: DebugProtocol.Variable[];
  };
  return body.variables;
}

function named(list: DebugProtocol.Variable[], name: string): DebugProtocol.Variable {
  const found = list.find((variable) => variable.name === name);
  assert.ok(found, `no "${name}" among ${list.map((variable) => variable.name).join(', ')}`);
  return found;
}

async function scopes(session: vscode.DebugSession): Promise<Map<string, number>> {
  const trace = (await session.customRequest('stackTrace', { threadId: 1 })) as {
    stackFrames: DebugProtocol.StackFrame[];
  };
  const body = (await session.customRequest('scopes', { frameId: trace.stackFrames[0].id })) as {
    scopes: DebugProtocol.Scope[];
  };
  return new Map(body.scopes.map((scope) => [scope.name, scope.variablesReference]));
}

describe('Debugging *.umptest files (the umptest debug type)', function () {
  this.timeout(60_000);
  let api: MidiScopeApi;
  const stops: Stopped[] = [];
  const terminated: vscode.DebugSession[] = [];
  const disposables: vscode.Disposable[] = [];

  before(async () => {
    api = await midiScope();
    disposables.push(
      vscode.debug.registerDebugAdapterTrackerFactory('umptest', {
        createDebugAdapterTracker: (session) => ({
          onDidSendMessage: (message: DebugProtocol.ProtocolMessage) => {
            const event = message as DebugProtocol.Event;
            if (event.type === 'event' && event.event === 'stopped') {
              stops.push({ session, body: (event as DebugProtocol.StoppedEvent).body });
            }
          },
        }),
      }),
      vscode.debug.onDidTerminateDebugSession((session) => terminated.push(session)),
    );
  });

  afterEach(async () => {
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    await closeEditors();
  });

  after(() => {
    for (const disposable of disposables) disposable.dispose();
  });

  const nextStop = async (what: string, after: number): Promise<Stopped> =>
    waitFor(what, () => stops[after], 20_000);

  it('stops at a breakpoint in a repeat, shows the step, variables and messages, steps, and continues to a pass', async () => {
    const uri = sampleUri('channel-voice.umptest');
    const name = 'every channel, one after the other';
    await waitFor('the Test Explorer has the file', () => api.tests.controller.items.get(uri.toString()));
    const id = testId(api, uri, name);
    api.tests.clearResults();
    const endpointsBefore = api.engine.MidiEndpointDeviceInformation.findAll().length;
    // Line 28 (1-based) is `expect in program channel $ch program 5 within 5ms`, inside `repeat 16 as ch`.
    vscode.debug.addBreakpoints([
      new vscode.SourceBreakpoint(new vscode.Location(uri, new vscode.Position(27, 0))),
    ]);
    const seen = stops.length;
    const started = await vscode.debug.startDebugging(undefined, {
      type: 'umptest',
      request: 'launch',
      name: 'integration: channel-voice',
      program: uri.fsPath,
      tests: [name],
    });
    assert.equal(started, true);
    const stop = await nextStop('a stop at the breakpoint', seen);
    assert.equal(stop.body.reason, 'breakpoint');
    const { session } = stop;
    const trace = (await session.customRequest('stackTrace', { threadId: 1 })) as {
      stackFrames: DebugProtocol.StackFrame[];
    };
    assert.deepEqual(
      trace.stackFrames.map((frame) => [frame.name, frame.line]),
      [
        ['expect in program channel $ch program 5 within 5ms', 28],
        ['repeat, turn 1 of 16', 26],
        [`test "${name}"`, 25],
      ],
    );
    // The path comes back through the workbench, which names it by its (remote) URI.
    assert.match(trace.stackFrames[0].source?.path ?? '', /\/workspace\/tests\/channel-voice\.umptest$/);
    let scopeRefs = await scopes(session);
    assert.deepEqual([...scopeRefs.keys()], ['Variables', 'Endpoints', 'Received']);
    const vars = await variables(session, scopeRefs.get('Variables') ?? 0);
    assert.equal(named(vars, 'ch').value, '0 (0x0)');
    assert.equal(named(vars, 'note').value, '60 (0x3C)');
    const endpoints = await variables(session, scopeRefs.get('Endpoints') ?? 0);
    assert.deepEqual(
      endpoints.map((endpoint) => endpoint.name),
      ['out', 'in'],
    );
    // Stopped right after the send: the echo is read live, so it shows once the engine delivered it.
    const onIn = await waitFor('the echo of the send among the received messages', async () => {
      const row = named(await variables(session, scopeRefs.get('Received') ?? 0), 'in');
      return /^1 message\(s\), 0 matched/.test(row.value) && row;
    });
    const [message] = await variables(session, onIn.variablesReference);
    assert.match(message.value, /Program Change/);
    const details = await variables(session, message.variablesReference);
    assert.equal(named(details, 'hex').value, '0x20C00500');

    await session.customRequest('next', { threadId: 1 });
    const stepped = await nextStop('a stop after Step Over', seen + 1);
    assert.equal(stepped.body.reason, 'step');
    const afterStep = (await session.customRequest('stackTrace', { threadId: 1 })) as {
      stackFrames: DebugProtocol.StackFrame[];
    };
    assert.deepEqual(
      afterStep.stackFrames.slice(0, 2).map((frame) => [frame.name, frame.line]),
      [
        ['send out program channel $ch program 5', 27],
        ['repeat, turn 2 of 16', 26],
      ],
    );
    scopeRefs = await scopes(session);
    assert.equal(named(await variables(session, scopeRefs.get('Variables') ?? 0), 'ch').value, '1 (0x1)');

    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await waitFor('the breakpoint is gone', () => vscode.debug.breakpoints.length === 0);
    await session.customRequest('continue', { threadId: 1 });
    await waitFor('the session ends', () => terminated.includes(session), 20_000);
    assert.equal(stops.length, seen + 2, 'no other stop');
    assert.equal(api.tests.results.get(id)?.state, 'passed', api.tests.results.get(id)?.message);
    assert.equal(
      api.engine.MidiEndpointDeviceInformation.findAll().length,
      endpointsBefore,
      'the loopback pair of the run is removed',
    );
  });

  it("the Test Explorer's Debug profile stops on a failed expectation with its difference; the result is failed at its line", async () => {
    const uri = sampleUri('fails-on-purpose.umptest');
    const name = 'fails: the note is on channel 5, not 0-3';
    await waitFor('the Test Explorer has the file', () => api.tests.controller.items.get(uri.toString()));
    const id = testId(api, uri, name);
    api.tests.clearResults();
    const finished = new Promise<void>((resolve) => {
      const subscription = api.tests.onDidFinishRun(() => {
        subscription.dispose();
        resolve();
      });
    });
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(11, 2, 11, 2); // in the test's `send` line
    const seen = stops.length;
    // The command settles when the run ends, which is after the stop below: not awaited here.
    const debugging = vscode.commands.executeCommand('testing.debugAtCursor');
    const stop = await nextStop('a stop on the failed expectation', seen);
    assert.equal(stop.body.reason, 'exception');
    const { session } = stop;
    assert.ok(session.configuration.testRunId, 'the session is linked to the Test Explorer run');
    const info = (await session.customRequest('exceptionInfo', { threadId: 1 })) as { description: string };
    assert.match(info.description, /channel: expected 0-3, got 5/);
    const trace = (await session.customRequest('stackTrace', { threadId: 1 })) as {
      stackFrames: DebugProtocol.StackFrame[];
    };
    assert.equal(trace.stackFrames[0].line, 13, 'the expect line');
    const scopeRefs = await scopes(session);
    const failure = await variables(session, scopeRefs.get('Failed expectation') ?? 0);
    const difference = await variables(session, named(failure, 'difference').variablesReference);
    assert.equal(named(difference, 'channel').value, 'expected 0-3, got 5');
    await session.customRequest('continue', { threadId: 1 });
    await finished;
    await debugging;
    const result = api.tests.results.get(id);
    assert.equal(result?.state, 'failed');
    assert.equal(result?.line, 12);
  });

  it('stopping a session stopped on entry ends the run: the test is skipped, its pair removed', async () => {
    const uri = sampleUri('channel-voice.umptest');
    await waitFor('the Test Explorer has the file', () => api.tests.controller.items.get(uri.toString()));
    const first = testId(api, uri, 'a note on arrives with its fields');
    const second = testId(api, uri, 'MIDI 2.0 note on, 16-bit velocity, matched by mask');
    api.tests.clearResults();
    const endpointsBefore = api.engine.MidiEndpointDeviceInformation.findAll().length;
    const seen = stops.length;
    await vscode.debug.startDebugging(undefined, {
      type: 'umptest',
      request: 'launch',
      name: 'integration: stop on entry',
      program: uri.fsPath,
      stopOnEntry: true,
    });
    const stop = await nextStop('a stop on entry', seen);
    assert.equal(stop.body.reason, 'entry');
    assert.equal(api.engine.MidiEndpointDeviceInformation.findAll().length, endpointsBefore + 2);
    await vscode.debug.stopDebugging(stop.session);
    await waitFor('the session ends', () => terminated.includes(stop.session), 20_000);
    await waitFor('the result', () => api.tests.results.get(first));
    assert.equal(api.tests.results.get(first)?.state, 'skipped');
    assert.equal(api.tests.results.get(second), undefined, 'the next test does not start');
    assert.equal(api.engine.MidiEndpointDeviceInformation.findAll().length, endpointsBefore);
  });
});
