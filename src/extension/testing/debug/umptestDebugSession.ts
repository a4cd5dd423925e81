// The debug adapter of `umptest` sessions, run inline in the extension host: the Debug Adapter
// Protocol (through @vscode/debugadapter) over the test runner's step hook. One session debugs
// the tests of one file: breakpoints stop before steps, Continue / Step Over / Step In / Step Out /
// Pause move between steps, a failed step stops as the "Failed expectations" exception, and
// Stop ends the run, which removes the loopback pairs and virtual devices it created.
import { basename, resolve } from 'node:path';
import {
  DebugSession,
  InitializedEvent,
  OutputEvent,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { breakpointLine, parseTestFile, StepControl, type StepHook, type Stop } from '../../../testing';
import { DebugVariables } from './debugVariables';
import { stackFrames } from './debugStack';
import { checkLaunchArguments, type UmptestLaunchArguments } from './launchArguments';

export const failedExpectationFilter = 'failedExpectation';
const threadId = 1;

export interface DebugSummary {
  passed: number;
  failed: number;
  /** Tests the debugger stopped before their end. */
  stopped: number;
  /** Why nothing ran (a syntax error, no engine), if so. */
  problem?: string;
}

/** What a session needs from the extension: the file's text and a run of it with a step hook. */
export interface DebuggedRuns {
  textOf(path: string): Promise<string>;
  run(
    launch: UmptestLaunchArguments,
    control: { hook: StepHook; isCancelled: () => boolean; output: (line: string) => void },
  ): Promise<DebugSummary>;
}

export class UmptestDebugSession extends DebugSession {
  private readonly breakpoints = new Map<string, number[]>();
  private stopOnFailure = true;
  private control: StepControl | undefined;
  private launch: UmptestLaunchArguments | undefined;
  private sourceLines: string[] = [];
  private readonly variables = new DebugVariables();
  private ending = false;
  private finished: Promise<void> | undefined;
  private configured!: () => void;
  private readonly configurationDone = new Promise<void>((done) => (this.configured = done));

  constructor(private readonly runs: DebuggedRuns) {
    super();
    // Spans are 0-based; the library converts to the client's numbering.
    this.setDebuggerLinesStartAt1(false);
    this.setDebuggerColumnsStartAt1(false);
  }

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsTerminateRequest: true,
      supportsExceptionInfoRequest: true,
      exceptionBreakpointFilters: [
        {
          filter: failedExpectationFilter,
          label: 'Failed expectations',
          description: 'Stop where a step fails: an expectation not met or a send refused',
          default: true,
        },
      ],
    };
    this.sendResponse(response);
    // Initialized (the client then sends breakpoints) waits for the launch: a breakpoint can then
    // be judged against the file this session debugs.
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured();
  }

  protected override setExceptionBreakPointsRequest(
    response: DebugProtocol.SetExceptionBreakpointsResponse,
    args: DebugProtocol.SetExceptionBreakpointsArguments,
  ): void {
    this.stopOnFailure = args.filters.includes(failedExpectationFilter);
    if (this.control) this.control.stopOnFailure = this.stopOnFailure;
    this.sendResponse(response);
  }

  protected override setBreakPointsRequest(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): void {
    void this.setBreakpoints(response, args);
  }

  private async setBreakpoints(
    response: DebugProtocol.SetBreakpointsResponse,
    args: DebugProtocol.SetBreakpointsArguments,
  ): Promise<void> {
    const path = args.source.path;
    const requested = args.breakpoints?.map((breakpoint) => breakpoint.line) ?? args.lines ?? [];
    if (path === undefined) {
      response.body = { breakpoints: requested.map(() => ({ verified: false, message: 'no file' })) };
      this.sendResponse(response);
      return;
    }
    if (this.launch && resolve(this.launch.program) !== resolve(path)) {
      const message = `this session debugs ${basename(this.launch.program)}; a breakpoint in ${basename(path)} stops when that file is debugged`;
      response.body = { breakpoints: requested.map(() => ({ verified: false, message })) };
      this.sendResponse(response);
      return;
    }
    let text: string;
    try {
      text = await this.runs.textOf(path);
    } catch (error) {
      this.sendErrorResponse(response, 2, `cannot read ${path}: ${String(error)}`);
      return;
    }
    const { file } = parseTestFile(text);
    const lines: number[] = [];
    const breakpoints = requested.map((clientLine): DebugProtocol.Breakpoint => {
      const place = breakpointLine(file, this.convertClientLineToDebugger(clientLine));
      if (!place.verified) return { verified: false, message: place.message };
      lines.push(place.line);
      return { verified: true, line: this.convertDebuggerLineToClient(place.line) };
    });
    this.breakpoints.set(resolve(path), lines);
    if (this.launch && resolve(this.launch.program) === resolve(path)) this.control?.setBreakpoints(lines);
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override launchRequest(
    response: DebugProtocol.LaunchResponse,
    args: DebugProtocol.LaunchRequestArguments,
  ): void {
    void this.launchRun(response, args);
  }

  private async launchRun(
    response: DebugProtocol.LaunchResponse,
    args: DebugProtocol.LaunchRequestArguments,
  ): Promise<void> {
    const launch = checkLaunchArguments(args);
    if (typeof launch === 'string') {
      this.sendErrorResponse(response, 1, launch);
      return;
    }
    this.launch = launch;
    this.sendEvent(new InitializedEvent());
    await this.configurationDone;
    try {
      this.sourceLines = (await this.runs.textOf(launch.program)).split(/\r?\n/);
    } catch (error) {
      this.sendErrorResponse(response, 2, `cannot read ${launch.program}: ${String(error)}`);
      return;
    }
    this.sendResponse(response);
    if (this.ending) {
      this.sendEvent(new TerminatedEvent());
      return;
    }
    const control = new StepControl({
      stopOnEntry: launch.stopOnEntry,
      stopOnFailure: this.stopOnFailure,
      onStop: (stop) => this.stopped(stop),
    });
    control.setBreakpoints(this.breakpoints.get(resolve(launch.program)) ?? []);
    this.control = control;
    this.finished = this.runs
      .run(launch, {
        hook: control,
        isCancelled: () => this.ending,
        output: (line) => this.say(line),
      })
      .then((summary) => {
        this.variables.show(undefined);
        if (summary.problem) this.say(summary.problem, 'stderr');
        const stopped = summary.stopped > 0 ? `, ${summary.stopped} stopped by the debugger` : '';
        this.say(`${summary.passed} passed, ${summary.failed} failed${stopped}`, 'console');
      })
      .catch((error: unknown) => this.say(`the test run failed: ${String(error)}`, 'stderr'))
      .finally(() => this.sendEvent(new TerminatedEvent()));
  }

  private say(line: string, category: 'stdout' | 'stderr' | 'console' = 'stdout'): void {
    this.sendEvent(new OutputEvent(`${line}\n`, category));
  }

  private stopped(stop: Stop): void {
    this.variables.show(stop);
    const event: DebugProtocol.StoppedEvent = new StoppedEvent(
      stop.reason,
      threadId,
      stop.failure?.message.split('\n')[0],
    );
    event.body.description =
      stop.reason === 'exception'
        ? 'Paused on a failed expectation'
        : `Paused before a step (${stop.reason})`;
    this.sendEvent(event);
  }

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    const test = this.control?.stopped?.point.test.name;
    response.body = { threads: [new Thread(threadId, test ? `test "${test}"` : 'MIDI tests')] };
    this.sendResponse(response);
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse): void {
    const stop = this.control?.stopped;
    const frames =
      stop && this.launch
        ? stackFrames(stop, this.launch.program, this.sourceLines, (line) =>
            this.convertDebuggerLineToClient(line),
          )
        : [];
    response.body = { stackFrames: frames, totalFrames: frames.length };
    this.sendResponse(response);
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse): void {
    response.body = { scopes: this.variables.scopes() };
    this.sendResponse(response);
  }

  protected override variablesRequest(
    response: DebugProtocol.VariablesResponse,
    args: DebugProtocol.VariablesArguments,
  ): void {
    response.body = { variables: this.variables.children(args.variablesReference) };
    this.sendResponse(response);
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const failure = this.control?.stopped?.failure;
    response.body = {
      exceptionId: 'Failed expectation',
      description: failure?.message ?? 'not stopped on a failure',
      breakMode: 'always',
      details: failure ? { message: failure.message, typeName: 'Failed expectation' } : undefined,
    };
    this.sendResponse(response);
  }

  /** A variable's name (with or without `$`) gives its value; nothing else is evaluated. */
  protected override evaluateRequest(
    response: DebugProtocol.EvaluateResponse,
    args: DebugProtocol.EvaluateArguments,
  ): void {
    const name = args.expression.trim().replace(/^\$/, '');
    const value = this.control?.stopped?.point.variables.get(name);
    if (value === undefined) {
      this.sendErrorResponse(
        response,
        3,
        `only a test variable's name can be evaluated here (the Variables view shows endpoints and messages); "${args.expression}" is not one`,
      );
      return;
    }
    response.body = { result: `${value} (0x${value.toString(16).toUpperCase()})`, variablesReference: 0 };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    response.body = { allThreadsContinued: true };
    this.sendResponse(response);
    this.control?.continue();
  }

  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.sendResponse(response);
    this.control?.stepOver();
  }

  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.sendResponse(response);
    this.control?.stepIn();
  }

  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.sendResponse(response);
    this.control?.stepOut();
  }

  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.sendResponse(response);
    this.control?.pause();
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    void this.end().then(() => this.sendResponse(response));
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse): void {
    void this.end().then(() => this.sendResponse(response));
  }

  /** Stops the run between steps and waits until its endpoints are released. */
  private async end(): Promise<void> {
    this.ending = true;
    this.configured();
    this.control?.end();
    await this.finished;
  }
}
