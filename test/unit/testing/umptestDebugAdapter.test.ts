// The `umptest` debug adapter spoken to over the Debug Adapter Protocol, in plain Node against the
// real engine (the adapter imports nothing of VS Code; the extension hands it the runner as the
// tests here do): capabilities, breakpoints moved onto steps or refused with a reason, stops,
// stack, variables, evaluate, stepping, pause, failed expectations, and Stop ending the run with
// its loopback pair removed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  UmptestDebugSession,
  type DebuggedRuns,
} from '../../../src/extension/testing/debug/umptestDebugSession';
import { parseTestFile, runTestFile } from '../../../src/testing';
import { loadEngine } from '../engine/support/engine';

const engine = loadEngine();

const text = [
  'loopback out <-> in', // 1 (1-based, as the client counts)
  'let note = 60', // 2
  '', // 3
  'test "first"', // 4
  '  send out note-on channel 1 note $note velocity 80', // 5
  '  repeat 2 as turn', // 6
  '    send out cc channel 0 controller 7 value $turn', // 7
  '    expect in cc controller 7 value $turn within 5ms', // 8
  '  end', // 9
  '  wait 1ms', // 10
  '  expect in note-on channel 0-3 note 60 velocity any within 5ms', // 11
  'end', // 12
  '', // 13
  'test "second"', // 14
  '  send out note-on channel 5 note 60 velocity 100', // 15
  '  expect in note-on channel 0-3 note 60 velocity any within 5ms', // 16
  'end', // 17
].join('\n');

const folder = mkdtempSync(join(tmpdir(), 'umptest-dap-'));
const program = join(folder, 'debugged.umptest');
writeFileSync(program, text);

const runs: DebuggedRuns = {
  textOf: (path) => Promise.resolve(readFileSync(path, 'utf8')),
  async run(launch, control) {
    const { file } = parseTestFile(await runs.textOf(launch.program));
    const outcomes = await runTestFile(file, {
      engine,
      hook: control.hook,
      isCancelled: control.isCancelled,
      include: (t) => launch.tests === undefined || launch.tests.includes(t.name),
      observer: { output: (_test, line) => control.output(line) },
    });
    return {
      passed: outcomes.filter((o) => o.passed).length,
      failed: outcomes.filter((o) => !o.passed && !o.cancelled).length,
      stopped: outcomes.filter((o) => o.cancelled).length,
    };
  },
};

/** A DAP client for an inline adapter: requests by command, events awaited in order. */
class Client {
  private seq = 1;
  private readonly responses = new Map<number, (response: DebugProtocol.Response) => void>();
  readonly events: DebugProtocol.Event[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly session: UmptestDebugSession) {
    session.onDidSendMessage((message) => {
      const sent = message as DebugProtocol.ProtocolMessage;
      if (sent.type === 'response') {
        const response = sent as DebugProtocol.Response;
        this.responses.get(response.request_seq)?.(response);
      } else if (sent.type === 'event') {
        this.events.push(sent as DebugProtocol.Event);
        for (const wake of this.waiting.splice(0)) wake();
      }
    });
  }

  request<T extends DebugProtocol.Response>(command: string, args?: unknown): Promise<T> {
    const seq = this.seq++;
    const answered = new Promise<T>((resolve) => this.responses.set(seq, (r) => resolve(r as T)));
    this.session.handleMessage({ seq, type: 'request', command, arguments: args } as DebugProtocol.Request);
    return answered;
  }

  async body<T>(command: string, args?: unknown): Promise<T> {
    const response = await this.request(command, args);
    assert.equal(response.success, true, `${command}: ${response.message}`);
    return response.body as T;
  }

  /** The `index`-th event named `name` (0-based), once it has been sent. */
  async event<T extends DebugProtocol.Event>(name: string, index = 0): Promise<T> {
    for (;;) {
      const found = this.events.filter((event) => event.event === name)[index];
      if (found) return found as T;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  output(): string {
    return this.events
      .filter((event) => event.event === 'output')
      .map((event) => (event as DebugProtocol.OutputEvent).body.output)
      .join('');
  }
}

async function started(
  launch: Record<string, unknown>,
  breakpoints: { path: string; lines: number[] }[] = [],
): Promise<{ client: Client; breakpoints: DebugProtocol.Breakpoint[][] }> {
  const client = new Client(new UmptestDebugSession(runs));
  const capabilities = await client.body<DebugProtocol.Capabilities>('initialize', {
    adapterID: 'umptest',
    pathFormat: 'path',
    linesStartAt1: true,
    columnsStartAt1: true,
  });
  assert.deepEqual(
    capabilities.exceptionBreakpointFilters?.map((filter) => [filter.filter, filter.label, filter.default]),
    [['failedExpectation', 'Failed expectations', true]],
  );
  const launched = client.request('launch', launch);
  await client.event('initialized');
  const set: DebugProtocol.Breakpoint[][] = [];
  for (const { path, lines } of breakpoints) {
    const body = await client.body<{ breakpoints: DebugProtocol.Breakpoint[] }>('setBreakpoints', {
      source: { path },
      breakpoints: lines.map((line) => ({ line })),
    });
    set.push(body.breakpoints);
  }
  await client.body('setExceptionBreakpoints', { filters: ['failedExpectation'] });
  await client.body('configurationDone');
  assert.equal((await launched).success, true);
  return { client, breakpoints: set };
}

const stopped = (client: Client, index: number) =>
  client.event<DebugProtocol.StoppedEvent>('stopped', index).then((event) => event.body);

async function topFrame(client: Client): Promise<DebugProtocol.StackFrame[]> {
  const { stackFrames } = await client.body<{ stackFrames: DebugProtocol.StackFrame[] }>('stackTrace', {
    threadId: 1,
  });
  return stackFrames;
}

void test('breakpoints move onto steps or say why not; stops, stack, variables, evaluate, stepping and a failed expectation over DAP', async () => {
  const other = join(folder, 'other.umptest');
  writeFileSync(other, text);
  const { client, breakpoints } = await started({ program }, [
    { path: program, lines: [4, 8, 1, 12] },
    { path: other, lines: [5] },
  ]);
  assert.deepEqual(
    breakpoints[0].map((bp) => [bp.verified, bp.line, bp.message]),
    [
      [true, 5, undefined], // the test line: its first step
      [true, 8, undefined],
      [false, undefined, 'line 1 is not inside a test: breakpoints stop before the steps of a test'],
      [false, undefined, 'no step of test "first" on or after line 12: breakpoints stop before steps'],
    ],
  );
  assert.equal(breakpoints[1][0].verified, false);
  assert.match(breakpoints[1][0].message ?? '', /this session debugs debugged\.umptest/);

  let stop = await stopped(client, 0);
  assert.equal(stop.reason, 'breakpoint');
  assert.equal((await topFrame(client))[0].line, 5);
  const { threads } = await client.body<{ threads: DebugProtocol.Thread[] }>('threads');
  assert.deepEqual(
    threads.map((thread) => [thread.id, thread.name]),
    [[1, 'test "first"']],
  );
  const evaluated = await client.body<{ result: string }>('evaluate', {
    expression: '$note',
    context: 'repl',
  });
  assert.equal(evaluated.result, '60 (0x3C)');
  const refused = await client.request('evaluate', { expression: 'note + 1', context: 'repl' });
  assert.equal(refused.success, false);
  assert.match(refused.message ?? '', /only a test variable's name/);

  await client.body('continue', { threadId: 1 });
  stop = await stopped(client, 1);
  assert.equal(stop.reason, 'breakpoint');
  let frames = await topFrame(client);
  assert.deepEqual(
    frames.map((frame) => [frame.name, frame.line]),
    [
      ['expect in cc controller 7 value $turn within 5ms', 8],
      ['repeat, turn 1 of 2', 6],
      ['test "first"', 4],
    ],
  );
  const { scopes } = await client.body<{ scopes: DebugProtocol.Scope[] }>('scopes', {
    frameId: frames[0].id,
  });
  assert.deepEqual(
    scopes.map((scope) => scope.name),
    ['Variables', 'Endpoints', 'Received'],
  );
  const { variables } = await client.body<{ variables: DebugProtocol.Variable[] }>('variables', {
    variablesReference: scopes[0].variablesReference,
  });
  assert.deepEqual(
    variables.map((variable) => [variable.name, variable.value]),
    [
      ['note', '60 (0x3C)'],
      ['turn', '0 (0x0)'],
    ],
  );

  await client.body('stepOut', { threadId: 1 }); // the breakpoint in the second turn comes first
  stop = await stopped(client, 2);
  assert.equal(stop.reason, 'breakpoint');
  await client.body('setBreakpoints', { source: { path: program }, breakpoints: [] });
  await client.body('stepOut', { threadId: 1 });
  stop = await stopped(client, 3);
  assert.equal(stop.reason, 'step');
  frames = await topFrame(client);
  assert.deepEqual([frames[0].name, frames[0].line, frames.length], ['wait 1ms', 10, 2]);
  await client.body('continue', { threadId: 1 });
  await client.body('pause', { threadId: 1 }); // during the wait: stops before the next step
  stop = await stopped(client, 4);
  assert.equal(stop.reason, 'pause');
  assert.equal((await topFrame(client))[0].line, 11);

  await client.body('continue', { threadId: 1 });
  stop = await stopped(client, 5);
  assert.equal(stop.reason, 'exception');
  assert.match(stop.text ?? '', /expected note-on channel 0-3 note 60 velocity any on in/);
  assert.equal((await topFrame(client))[0].line, 16);
  const info = await client.body<{ exceptionId: string; description: string }>('exceptionInfo', {
    threadId: 1,
  });
  assert.equal(info.exceptionId, 'Failed expectation');
  assert.match(info.description, /channel: expected 0-3, got 5/);
  await client.body('continue', { threadId: 1 });
  await client.event('terminated');
  assert.match(client.output(), /1 passed, 1 failed\n/);
  assert.match(client.output(), /→ out \+[\d.]+ ms {2}20953C64/, 'the run output goes to the Debug Console');
});

void test('Stop while held ends the run between steps and removes its loopback pair', async () => {
  const before = engine.MidiEndpointDeviceInformation.findAll().length;
  const { client } = await started({ program, stopOnEntry: true, tests: ['first'] });
  const stop = await stopped(client, 0);
  assert.equal(stop.reason, 'entry');
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before + 2);
  await client.body('disconnect', { terminateDebuggee: true });
  assert.ok(client.events.some((event) => event.event === 'terminated'));
  assert.match(client.output(), /0 passed, 0 failed, 1 stopped by the debugger/);
  assert.equal(engine.MidiEndpointDeviceInformation.findAll().length, before);
});

void test('a launch without a program is refused, saying what is missing', async () => {
  const client = new Client(new UmptestDebugSession(runs));
  await client.body('initialize', { adapterID: 'umptest', pathFormat: 'path' });
  const launched = await client.request('launch', { stopOnEntry: 'yes' });
  assert.equal(launched.success, false);
  assert.match(launched.message ?? '', /"program" must be the path of the \.umptest file/);
});
