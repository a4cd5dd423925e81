// Runs what the Test Explorer asks for: whole files or single tests, through the same runner as
// the CLI. Each test's output shows every message sent and received and each step's verdict,
// linked to its line; a failed expectation is marked at its line with expected and actual.
// Debugging (debug/) runs a file through here too, with a step hook, and adds a trace of
// everything each endpoint received.
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { runTestFile, type StepHook, type TestOutcome } from '../../testing';
import { readDisplaySettings } from '../../views/monitor/displaySettings';
import type { EngineHost } from '../engineHost';
import type { DebugSummary } from './debug/umptestDebugSession';
import type { UmptestLaunchArguments } from './debug/launchArguments';
import { spanRange } from './spanRange';
import type { RecordedExchange } from './testExchangeMonitor';
import { testItemId, type TestFileTree } from './testFileTree';

export interface TestResultRecord {
  id: string;
  state: 'passed' | 'failed' | 'errored' | 'skipped';
  message?: string;
  /** 0-based line of the failure. */
  line?: number;
}

/** How one file runs: the Run profile's way, or under the debugger. */
interface FileRunOptions {
  isCancelled: () => boolean;
  /** List everything each endpoint received after each test. */
  trace: boolean;
  hook?: StepHook;
  /** Also gets every output line (the Debug Console). */
  echo?: (line: string) => void;
}

export class TestRunner {
  /** The latest result of every test item that ran, by id (tests and the integration suite read it). */
  readonly results = new Map<string, TestResultRecord>();
  /** The messages of every test's latest run, by test item id, for Open Exchange in Monitor. */
  readonly exchanges = new Map<string, RecordedExchange>();
  private readonly finished = new vscode.EventEmitter<void>();
  /** Fires when a run has ended. */
  readonly onDidFinishRun = this.finished.event;

  constructor(
    private readonly controller: vscode.TestController,
    private readonly tree: TestFileTree,
    private readonly engineHost: EngineHost,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Test runs started by the Debug profile, by the id their launch configuration carries. */
  readonly debugRuns = new Map<string, vscode.TestRun>();

  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    try {
      for (const [fileItem, selected] of this.selection(request)) {
        if (token.isCancellationRequested) break;
        await this.runFile(run, fileItem, selected, {
          isCancelled: () => token.isCancellationRequested,
          trace: false,
        });
      }
    } catch (error) {
      this.log.error(
        `test run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    } finally {
      run.end();
      this.finished.fire();
    }
  }

  /** Runs a file under the debugger: into the Debug profile's test run, or a run of its own. */
  async debug(
    launch: UmptestLaunchArguments,
    control: { hook: StepHook; isCancelled: () => boolean; output: (line: string) => void },
  ): Promise<DebugSummary> {
    const uri = vscode.Uri.file(launch.program);
    this.tree.update(uri, await this.tree.textOf(uri));
    const fileItem = this.controller.items.get(uri.toString());
    if (fileItem === undefined) throw new Error(`${launch.program} is not a test file`);
    const linked = launch.testRunId === undefined ? undefined : this.debugRuns.get(launch.testRunId);
    const run =
      linked ??
      this.controller.createTestRun(
        new vscode.TestRunRequest([fileItem]),
        `Debug ${basename(launch.program)}`,
      );
    try {
      return await this.runFile(run, fileItem, launch.tests ? new Set(launch.tests) : undefined, {
        isCancelled: control.isCancelled,
        trace: true,
        hook: control.hook,
        echo: control.output,
      });
    } finally {
      if (linked === undefined) {
        run.end();
        this.finished.fire();
      }
    }
  }

  /** Tells listeners that a run the Debug profile started has ended. */
  debugRunEnded(): void {
    this.finished.fire();
  }

  /** Each file to run, with the names of the tests asked for (undefined: all of them). */
  selection(request: vscode.TestRunRequest): Map<vscode.TestItem, Set<string> | undefined> {
    const files = new Map<vscode.TestItem, Set<string> | undefined>();
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const roots: vscode.TestItem[] = [];
    if (request.include) roots.push(...request.include);
    else this.controller.items.forEach((item) => roots.push(item));
    for (const item of roots) {
      if (excluded.has(item.id)) continue;
      if (item.parent === undefined) files.set(item, undefined);
      else {
        const names = files.get(item.parent) ?? new Set<string>();
        if (files.has(item.parent) && files.get(item.parent) === undefined) continue; // whole file already
        names.add(item.label);
        files.set(item.parent, names);
      }
    }
    for (const [file, names] of files) {
      if (names !== undefined) continue;
      const all = new Set<string>();
      file.children.forEach((child) => {
        if (!excluded.has(child.id)) all.add(child.label);
      });
      files.set(file, all);
    }
    return files;
  }

  private async runFile(
    run: vscode.TestRun,
    fileItem: vscode.TestItem,
    names: Set<string> | undefined,
    options: FileRunOptions,
  ): Promise<DebugSummary> {
    const summary: DebugSummary = { passed: 0, failed: 0, stopped: 0 };
    const uri = fileItem.uri;
    if (uri === undefined) return summary;
    const parsed = this.tree.update(uri, await this.tree.textOf(uri));
    const itemFor = (name: string) => fileItem.children.get(testItemId(uri, name));
    const wanted = parsed.file.tests.filter((test) => names === undefined || names.has(test.name));
    for (const test of wanted) {
      const item = itemFor(test.name);
      if (item) run.enqueued(item);
    }
    if (parsed.diagnostics.length > 0) {
      const first = parsed.diagnostics[0];
      const message = new vscode.TestMessage(`${first.message} (expected ${first.expected})`);
      message.location = new vscode.Location(uri, spanRange(first.span));
      for (const test of wanted) this.settle(run, itemFor(test.name), 'errored', message);
      return { ...summary, problem: `line ${first.span.line + 1}: ${first.message}` };
    }
    if (!this.engineHost.isAvailable) {
      const why = `The MIDI engine is not available: ${this.engineHost.unavailableReason ?? 'shutting down'}`;
      const message = new vscode.TestMessage(why);
      for (const test of wanted) this.settle(run, itemFor(test.name), 'errored', message);
      return { ...summary, problem: why };
    }
    const outcomes = await runTestFile(parsed.file, {
      engine: this.engineHost.require(),
      include: (test) => wanted.includes(test),
      isCancelled: options.isCancelled,
      trace: options.trace,
      hook: options.hook,
      label: 'Test',
      numbering: readDisplaySettings(() => undefined).numbering,
      directory: uri.scheme === 'file' ? dirname(uri.fsPath) : undefined,
      observer: {
        testStarted: (test) => {
          const item = itemFor(test.name);
          if (item) run.started(item);
        },
        output: (test, line, span) => {
          const location = span ? new vscode.Location(uri, spanRange(span)) : undefined;
          run.appendOutput(`${line.replace(/\r?\n/g, '\r\n')}\r\n`, location, itemFor(test.name));
          options.echo?.(line);
        },
        testFinished: (outcome) => this.finish(run, uri, itemFor(outcome.test.name), outcome),
      },
    });
    for (const outcome of outcomes) {
      if (outcome.cancelled) summary.stopped++;
      else if (outcome.passed) summary.passed++;
      else summary.failed++;
    }
    return summary;
  }

  private finish(
    run: vscode.TestRun,
    uri: vscode.Uri,
    item: vscode.TestItem | undefined,
    outcome: TestOutcome,
  ): void {
    if (item === undefined) return;
    this.exchanges.set(item.id, {
      testId: item.id,
      label: `${uri.path.split('/').pop() ?? uri.path} › ${outcome.test.name}`,
      messages: outcome.exchange,
    });
    run.appendOutput(
      `${outcome.exchange.length} packet(s) exchanged: Open Exchange in Monitor (the test's context menu) shows them\r\n`,
      undefined,
      item,
    );
    if (outcome.cancelled) {
      run.appendOutput(`■ ${outcome.test.name} was stopped before its end\r\n`, undefined, item);
      run.skipped(item);
      this.results.set(item.id, { id: item.id, state: 'skipped', message: 'stopped before its end' });
      return;
    }
    if (outcome.passed) {
      run.appendOutput(
        `✓ ${outcome.test.name} passed in ${outcome.durationMs.toFixed(1)} ms\r\n`,
        undefined,
        item,
      );
      run.passed(item, outcome.durationMs);
      this.results.set(item.id, { id: item.id, state: 'passed' });
      return;
    }
    const failure = outcome.failure;
    const message = new vscode.TestMessage(failure?.message ?? 'failed');
    // Offers Open Exchange in Monitor on the message (package.json, testing/message/context).
    message.contextValue = 'midiScope.exchange';
    if (failure) {
      message.location = new vscode.Location(uri, spanRange(failure.span));
      message.expectedOutput = failure.expected;
      message.actualOutput = failure.actual;
      run.appendOutput(`✗ ${failure.message.replace(/\n/g, '\r\n')}\r\n`, message.location, item);
    }
    run.failed(item, message, outcome.durationMs);
    this.results.set(item.id, {
      id: item.id,
      state: 'failed',
      message: failure?.message,
      line: failure?.span.line,
    });
  }

  private settle(
    run: vscode.TestRun,
    item: vscode.TestItem | undefined,
    state: 'errored',
    message: vscode.TestMessage,
  ): void {
    if (item === undefined) return;
    run.errored(item, message);
    this.results.set(item.id, {
      id: item.id,
      state,
      message: typeof message.message === 'string' ? message.message : message.message.value,
      line: message.location?.range.start.line,
    });
  }

  dispose(): void {
    this.finished.dispose();
  }
}
