// Runs the tests of a parsed file against the engine, step by step. Deadlines are judged on the
// engine's receive timestamps (MidiClock ticks), never on when JavaScript got to look: a message
// stamped before the deadline passes even if it is read later, one stamped after fails even if it
// is read in time. The runner waits a short grace past a deadline only so that everything stamped
// before it has been drained from the receive ring.
import type { Span, Step, TestCase, TestFile } from './ast';
import { buildMessage } from './buildMessage';
import { describeItem, describeWords } from './describeReceived';
import { showNumbered, type GroupChannelNumbering, type NumberedText } from '../ump';
import type { Inbox } from './inbox';
import {
  compileMatcher,
  MatchSetupError,
  valueOf,
  type CiRequestSent,
  type FieldDifference,
  type Matcher,
  type Variables,
} from './matcher';
import type { ReceivedItem } from './received';
import { testExchange, type ExchangeMessage } from './exchange';
import { endpointSnapshots, type PausePoint, type StepFrame, type StepHook } from './stepHook';
import { EndpointSetupError, TestEndpoints, type EngineModule } from './testEndpoints';

const ticksPerMicrosecond = 10;
/** How long past a deadline the runner keeps draining before it judges (does not change the verdict). */
const drainGraceTicks = 20_000;

export interface StepFailure {
  /** What failed, with what was expected and what arrived instead, decoded. */
  message: string;
  span: Span;
  expected?: string;
  actual?: string;
  /** The nearest miss of a failed expectation, field by field. */
  differences?: FieldDifference[];
}

export interface TestOutcome {
  test: TestCase;
  passed: boolean;
  durationMs: number;
  failure?: StepFailure;
  /** Stopped before its end (the run was cancelled or the debugger stopped it). */
  cancelled?: boolean;
  /** The messages exchanged and each step's verdict, one line each. */
  log: string[];
  /** Every packet sent and received during the test, in time order, for a monitor. */
  exchange: ExchangeMessage[];
}

export interface RunObserver {
  /** `startTicks`: the MidiClock time the test started at, the anchor of `within` before any send. */
  testStarted?(test: TestCase, startTicks: number): void;
  /** A line of the test's log (a message sent or received, a step passed or failed). */
  output?(test: TestCase, line: string, span?: Span): void;
  testFinished?(outcome: TestOutcome): void;
}

export interface RunOptions {
  engine: EngineModule;
  observer?: RunObserver;
  /** Which tests to run (all when absent). */
  include?: (test: TestCase) => boolean;
  /** Checked between steps. */
  isCancelled?: () => boolean;
  /** Names the loopback endpoints the file creates (default "umptest"). */
  label?: string;
  /** After each test, list every message each endpoint received (a debug run). */
  trace?: boolean;
  /** The test file's folder: `virtual … file "…"` paths are relative to it. */
  directory?: string;
  /** A step debugger: awaited before each step and when a step fails. */
  hook?: StepHook;
  /**
   * How reassembly problems number groups (default 'oneBased', as the monitor). What arrived is
   * described with the values in the message, as the language writes them.
   */
  numbering?: GroupChannelNumbering;
}

class StepFailed extends Error {
  /** The hook has been told (a failure inside a repeat passes through every level). */
  reported = false;
  constructor(readonly failure: StepFailure) {
    super(failure.message);
  }
}

class Cancelled extends Error {}

function ms(ticks: number): string {
  return `${(ticks / 10_000).toFixed(3)} ms`;
}

function durationText(us: number): string {
  return us >= 1000 ? `${us / 1000} ms` : `${us} µs`;
}

/** Runs the file's tests one after the other; endpoints are opened once for the file. */
export async function runTestFile(file: TestFile, options: RunOptions): Promise<TestOutcome[]> {
  const tests = file.tests.filter((test) => options.include?.(test) ?? true);
  if (tests.length === 0) return [];
  let endpoints: TestEndpoints;
  try {
    endpoints = TestEndpoints.open(
      options.engine,
      file.endpoints,
      options.label ?? 'umptest',
      options.directory,
    );
  } catch (error) {
    if (!(error instanceof EndpointSetupError)) throw error;
    return tests.map((test) => {
      const outcome: TestOutcome = {
        test,
        passed: false,
        durationMs: 0,
        failure: { message: error.message, span: error.span },
        log: [`✗ ${error.message}`],
        exchange: [],
      };
      options.observer?.testFinished?.(outcome);
      return outcome;
    });
  }
  try {
    const outcomes: TestOutcome[] = [];
    for (const test of tests) {
      if (options.isCancelled?.()) break;
      outcomes.push(await new TestRun(file, test, endpoints, options).run());
    }
    return outcomes;
  } finally {
    endpoints.close();
  }
}

class TestRun {
  private readonly variables: Variables = new Map();
  private readonly log: string[] = [];
  private startTicks = 0;
  /** The anchor of `within`: when the last send went out (the test's start before any). */
  private lastSendTicks = 0;
  /** When the last send began: what it caused counts for `expect no`. */
  private lastSendStartTicks = 0;
  private lastCiRequest: CiRequestSent | undefined;
  private readonly sent: ExchangeMessage[] = [];

  constructor(
    private readonly file: TestFile,
    private readonly test: TestCase,
    private readonly endpoints: TestEndpoints,
    private readonly options: RunOptions,
  ) {}

  private get clock() {
    return this.options.engine.MidiClock;
  }

  private say(line: string, span?: Span): void {
    this.log.push(line);
    this.options.observer?.output?.(this.test, line, span);
  }

  private at(ticks: number): string {
    return `+${ms(ticks - this.startTicks)}`;
  }

  async run(): Promise<TestOutcome> {
    const started = performance.now();
    for (const endpoint of this.endpoints.byAlias.values()) endpoint.inbox.clear();
    for (const variable of this.file.variables)
      this.variables.set(variable.name, valueOf(variable.value, this.variables));
    this.startTicks = this.clock.now();
    this.lastSendTicks = this.startTicks;
    this.lastSendStartTicks = this.startTicks;
    this.options.observer?.testStarted?.(this.test, this.startTicks);
    let failure: StepFailure | undefined;
    let cancelled = false;
    try {
      await this.runSteps(this.test.steps, [{ label: `test "${this.test.name}"`, span: this.test.span }]);
    } catch (error) {
      if (error instanceof StepFailed) failure = error.failure;
      else if (error instanceof Cancelled) {
        cancelled = true;
        failure = { message: 'cancelled', span: this.test.span };
      } else if (error instanceof MatchSetupError || error instanceof RangeError) {
        failure = { message: error.message, span: this.test.span };
      } else throw error;
    }
    this.reportLeftovers();
    if (this.options.trace) this.reportTrace();
    const outcome: TestOutcome = {
      test: this.test,
      passed: failure === undefined,
      durationMs: performance.now() - started,
      failure,
      ...(cancelled ? { cancelled } : {}),
      log: this.log,
      exchange: testExchange(this.sent, this.endpoints.byAlias.values(), this.startTicks),
    };
    this.options.observer?.testFinished?.(outcome);
    return outcome;
  }

  private async runSteps(steps: readonly Step[], frames: readonly StepFrame[]): Promise<void> {
    for (const step of steps) {
      if (this.options.isCancelled?.()) throw new Cancelled();
      // Built only for a debugger: a plain run does no more work per step than before.
      const point = this.options.hook ? this.pausePoint(step, frames) : undefined;
      if (point && this.options.hook?.beforeStep) {
        await this.options.hook.beforeStep(point);
        if (this.options.isCancelled?.()) throw new Cancelled();
      }
      try {
        try {
          await this.runStep(step, frames);
        } catch (error) {
          if (error instanceof MatchSetupError || error instanceof RangeError) {
            throw new StepFailed({ message: error.message, span: step.span });
          }
          throw error;
        }
      } catch (error) {
        if (point && error instanceof StepFailed && !error.reported) {
          error.reported = true;
          const { message, expected, actual, differences } = error.failure;
          await this.options.hook?.stepFailed?.(point, {
            message,
            expected,
            actual,
            differences: differences ?? [],
          });
        }
        throw error;
      }
    }
  }

  private pausePoint(step: Step, frames: readonly StepFrame[]): PausePoint {
    return {
      test: this.test,
      step,
      frames: [...frames, { label: stepLabel(step), span: step.span }],
      depth: frames.length - 1,
      variables: new Map(this.variables),
      endpoints: () => endpointSnapshots(this.endpoints.byAlias.values(), this.startTicks),
    };
  }

  private async runStep(step: Step, frames: readonly StepFrame[]): Promise<void> {
    switch (step.kind) {
      case 'let':
        this.variables.set(step.name, valueOf(step.value, this.variables));
        return;
      case 'wait':
        await new Promise((resolve) => setTimeout(resolve, step.us / 1000));
        return;
      case 'repeat': {
        const count = valueOf(step.count, this.variables);
        for (let index = 0; index < count; index++) {
          if (step.as !== undefined) this.variables.set(step.as, index);
          const turn = { label: `repeat, turn ${index + 1} of ${count}`, span: step.span };
          await this.runSteps(step.steps, [...frames, turn]);
        }
        return;
      }
      case 'send':
        return this.send(step);
      case 'expect':
        return this.expect(step);
      case 'expectNo':
        return this.expectNo(step);
    }
  }

  private send(step: Extract<Step, { kind: 'send' }>): void {
    const endpoint = this.endpoints.get(step.endpoint);
    const built = buildMessage(step.message, this.variables);
    const words = new Uint32Array(built.packets.reduce((sum, packet) => sum + packet.length, 0));
    let at = 0;
    for (const packet of built.packets) {
      words.set(packet, at);
      at += packet.length;
    }
    const startedAt = this.clock.now();
    const result = endpoint.connection.sendMultipleMessagesWordList(0, words);
    // The anchor of `within` is when the send returned: the engine stamped the message during the
    // call, so a thread preempted between a clock read and the send cannot fail a test by itself.
    const sentAt = this.clock.now();
    if (!this.options.engine.MidiEndpointConnection.sendMessageSucceeded(result.result)) {
      const why = this.options.engine.describeSendResult(result.result).join(', ');
      throw new StepFailed({
        message: `send to ${step.endpoint} failed (${why}) after ${result.messagesSent} of ${built.packets.length} packets`,
        span: step.span,
      });
    }
    this.lastSendTicks = sentAt;
    this.lastSendStartTicks = startedAt;
    if (built.ciRequest) this.lastCiRequest = built.ciRequest;
    for (const packet of built.packets.slice(0, result.messagesSent)) {
      this.sent.push({ endpoint: step.endpoint, direction: 'sent', words: packet, ticks: startedAt });
    }
    for (const packet of built.packets)
      this.say(`→ ${step.endpoint} ${this.at(sentAt)}  ${describeWords(packet)}`, step.span);
  }

  private async expect(step: Extract<Step, { kind: 'expect' }>): Promise<void> {
    const { inbox } = this.endpoints.get(step.endpoint);
    const matcher = compileMatcher(step.pattern, this.variables, this.lastCiRequest);
    const deadline = this.lastSendTicks + step.withinUs * ticksPerMicrosecond;
    for (;;) {
      const found = this.findMatch(inbox, matcher, this.startTicks, deadline);
      if (found !== undefined) {
        inbox.consume(found.index);
        for (const [name, value] of found.captures) this.variables.set(name, value);
        const item = inbox.items[found.index];
        const after = ms(item.timestamp - this.lastSendTicks);
        this.say(
          `← ${step.endpoint} ${this.at(item.timestamp)}  ${describeItem(item)}  ✓ ${after} after the send (within ${durationText(step.withinUs)})`,
          step.span,
        );
        return;
      }
      if (this.clock.now() > deadline + drainGraceTicks) {
        await settle();
        if (this.findMatch(inbox, matcher, this.startTicks, deadline) !== undefined) continue;
        throw new StepFailed(this.expectFailure(step, inbox, matcher, deadline));
      }
      await this.waitForMessages(inbox, deadline + drainGraceTicks);
    }
  }

  private async expectNo(step: Extract<Step, { kind: 'expectNo' }>): Promise<void> {
    const { inbox } = this.endpoints.get(step.endpoint);
    const matcher = compileMatcher(step.pattern, this.variables, this.lastCiRequest);
    // From the last send (what it caused counts), to the duration after this step begins.
    const from = this.lastSendStartTicks;
    const until = this.clock.now() + step.forUs * ticksPerMicrosecond;
    while (this.clock.now() <= until + drainGraceTicks)
      await this.waitForMessages(inbox, until + drainGraceTicks);
    await settle();
    const found = this.findMatch(inbox, matcher, from, until);
    if (found !== undefined) {
      const item = inbox.items[found.index];
      const actual = `${describeItem(item)} at ${this.at(item.timestamp)}`;
      throw new StepFailed({
        message: `expected no ${matcher.description} on ${step.endpoint} for ${durationText(step.forUs)} (${this.at(from)} to ${this.at(until)}), but got ${actual}`,
        span: step.span,
        expected: `no ${matcher.description}`,
        actual,
      });
    }
    this.say(
      `✓ no ${matcher.description} on ${step.endpoint} from ${this.at(from)} to ${this.at(until)}`,
      step.span,
    );
  }

  private findMatch(inbox: Inbox, matcher: Matcher, from: number, until: number) {
    for (const index of inbox.open()) {
      const item = inbox.items[index];
      if (item.timestamp < from || item.timestamp > until) continue;
      const outcome = matcher.match(item);
      if (outcome.ok) return { index, captures: outcome.captures };
    }
    return undefined;
  }

  /** Waits for a message or until the clock passes `until`, whichever comes first. */
  private async waitForMessages(inbox: Inbox, until: number): Promise<void> {
    const remainingMs = Math.max(0, (until - this.clock.now()) / 10_000);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      inbox.changed(),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.ceil(remainingMs)))),
    ]);
    clearTimeout(timer);
  }

  /** What was expected, what arrived instead (the nearest miss field by field) and when. */
  private expectFailure(
    step: Extract<Step, { kind: 'expect' }>,
    inbox: Inbox,
    matcher: Matcher,
    deadline: number,
  ): StepFailure {
    const lines = [
      `expected ${matcher.description} on ${step.endpoint} within ${durationText(step.withinUs)} (by ${this.at(deadline)})`,
    ];
    let late: ReceivedItem | undefined;
    let nearest: { item: ReceivedItem; differences: FieldDifference[] } | undefined;
    const others: ReceivedItem[] = [];
    for (const index of inbox.open()) {
      const item = inbox.items[index];
      if (item.timestamp < this.startTicks) continue;
      const outcome = matcher.match(item);
      if (outcome.ok) {
        if (item.timestamp > deadline) late ??= item;
        continue;
      }
      if (item.timestamp > deadline) continue;
      if (
        outcome.sameKind &&
        (nearest === undefined || outcome.differences.length < nearest.differences.length)
      ) {
        nearest = { item, differences: outcome.differences };
      } else if (item.kind === 'packet' || !outcome.sameKind) others.push(item);
    }
    let actual = 'nothing';
    if (late) {
      actual = `${describeItem(late)} at ${this.at(late.timestamp)}, ${ms(late.timestamp - deadline)} too late`;
      lines.push(`a matching message arrived too late: ${actual}`);
    }
    if (nearest) {
      actual = `${describeItem(nearest.item)} at ${this.at(nearest.item.timestamp)}`;
      lines.push(`closest: ${actual}`);
      for (const difference of nearest.differences) {
        lines.push(`  ${difference.field}: expected ${difference.expected}, got ${difference.actual}`);
      }
    }
    if (!late && !nearest) {
      if (others.length === 0) lines.push(`nothing unexpected arrived on ${step.endpoint} in time`);
      else actual = `${describeItem(others[0])} at ${this.at(others[0].timestamp)}`;
    }
    if (others.length > 0) {
      lines.push(`other messages in time (${others.length}):`);
      for (const item of others.slice(0, 5))
        lines.push(`  ${this.at(item.timestamp)}  ${describeItem(item)}`);
    }
    for (const problem of inbox.problems) lines.push(`reassembly problem: ${this.show(problem)}`);
    return {
      message: lines.join('\n'),
      span: step.span,
      expected: matcher.description,
      actual,
      differences: nearest?.differences,
    };
  }

  /** A reassembly problem with its group numbers under the run's numbering. */
  private show(text: NumberedText): string {
    return showNumbered(text, this.options.numbering ?? 'oneBased');
  }

  /** Everything each endpoint received during the test, matched or not, with engine times. */
  private reportTrace(): void {
    for (const endpoint of this.endpoints.byAlias.values()) {
      const { inbox } = endpoint;
      const items = inbox.items.filter((item) => item.timestamp >= this.startTicks);
      this.say(`trace of ${endpoint.alias} (${endpoint.name}): ${items.length} received`);
      items.forEach((item) => {
        const index = inbox.items.indexOf(item);
        this.say(
          `  ${this.at(item.timestamp)}  ${describeItem(item)}${inbox.isConsumed(index) ? '  (matched)' : ''}`,
        );
      });
    }
  }

  /** Messages no expectation took, and reassembly problems: shown, never dropped silently. */
  private reportLeftovers(): void {
    for (const endpoint of this.endpoints.byAlias.values()) {
      const { inbox } = endpoint;
      // SysEx and Mixed Data Set packets count as their reassembled message.
      const left = [...inbox.open()]
        .map((index) => inbox.items[index])
        .filter((item) => item.timestamp >= this.startTicks)
        .filter((item) => item.kind !== 'packet' || !isMultiPacket(item.words));
      if (left.length > 0) {
        this.say(`${left.length} message(s) on ${endpoint.alias} matched no expectation:`);
        for (const item of left.slice(0, 10)) this.say(`  ${this.at(item.timestamp)}  ${describeItem(item)}`);
      }
      for (const problem of inbox.problems)
        this.say(`reassembly problem on ${endpoint.alias}: ${this.show(problem)}`);
    }
  }
}

/** A step's name in a stack of frames: what it does and to which endpoint. */
function stepLabel(step: Step): string {
  switch (step.kind) {
    case 'send':
      return `send → ${step.endpoint}`;
    case 'expect':
      return `expect ← ${step.endpoint}`;
    case 'expectNo':
      return `expect no ← ${step.endpoint}`;
    case 'wait':
      return `wait ${durationText(step.us)}`;
    case 'let':
      return `let ${step.name}`;
    case 'repeat':
      return 'repeat';
  }
}

function isMultiPacket(words: Uint32Array): boolean {
  const type = words[0] >>> 28;
  return type === 0x3 || (type === 0x5 && ((words[0] >>> 20) & 0xf) !== 0xf);
}

/** Two turns of the event loop, so that wake-ups already signalled have been delivered. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
