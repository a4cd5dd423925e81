// A step debugger's decisions, as a StepHook: where the run stops (entry, breakpoints on step
// lines, the next step, a pause asked for, a failed step) and how it goes on (continue, step over,
// step in, step out, end). Plain Node, so that the rules are tested without VS Code; the debug
// adapter (src/extension/testing/debug) turns DAP requests into these calls.
import type { TestCase } from './ast';
import type { FailureDetail, PausePoint, StepHook } from './stepHook';

export type StopReason = 'entry' | 'breakpoint' | 'step' | 'pause' | 'exception';

export interface Stop {
  reason: StopReason;
  point: PausePoint;
  /** Why the step failed, when stopped on a failure. */
  failure?: FailureDetail;
}

type Going =
  | { kind: 'run' }
  /** Step in: the very next step. */
  | { kind: 'in' }
  /** Step over: the next step at this depth or shallower, or the next test's first. */
  | { kind: 'over'; depth: number; test: TestCase }
  /** Step out: the next step outside the current repeat, or the next test's first. */
  | { kind: 'out'; depth: number; test: TestCase };

export interface StepControlOptions {
  stopOnEntry?: boolean;
  /** Stop when a step fails (an expectation not met, a send refused); on unless false. */
  stopOnFailure?: boolean;
  /** Told each time the run stops; it waits until continue/step/end is called. */
  onStop(stop: Stop): void;
}

export class StepControl implements StepHook {
  stopOnFailure: boolean;
  private breakpoints = new Set<number>();
  private going: Going;
  private pauseAsked = false;
  private ended = false;
  /** Has stopped once: the first stop of a stop-on-entry run is the entry. */
  private started = false;
  private held: { stop: Stop; release: () => void } | undefined;

  constructor(private readonly options: StepControlOptions) {
    this.stopOnFailure = options.stopOnFailure ?? true;
    this.going = options.stopOnEntry ? { kind: 'in' } : { kind: 'run' };
  }

  /** Where the run is held now, if it is. */
  get stopped(): Stop | undefined {
    return this.held?.stop;
  }

  /** 0-based lines of steps to stop before (already moved onto step lines). */
  setBreakpoints(lines: Iterable<number>): void {
    this.breakpoints = new Set(lines);
  }

  beforeStep(point: PausePoint): Promise<void> | void {
    const reason = this.reasonToStop(point);
    if (reason !== undefined) return this.hold({ reason, point });
  }

  stepFailed(point: PausePoint, failure: FailureDetail): Promise<void> | void {
    if (this.stopOnFailure && !this.ended) return this.hold({ reason: 'exception', point, failure });
  }

  continue(): void {
    this.resume({ kind: 'run' });
  }

  stepOver(): void {
    const point = this.held?.stop.point;
    this.resume(point ? { kind: 'over', depth: point.depth, test: point.test } : { kind: 'in' });
  }

  stepIn(): void {
    this.resume({ kind: 'in' });
  }

  stepOut(): void {
    const point = this.held?.stop.point;
    this.resume(point ? { kind: 'out', depth: point.depth, test: point.test } : { kind: 'in' });
  }

  /** Stops before the next step (a step under way, such as a long `wait`, finishes first). */
  pause(): void {
    if (this.held === undefined) this.pauseAsked = true;
  }

  /** Lets the run go without stopping again (the caller cancels it). */
  end(): void {
    this.ended = true;
    this.resume({ kind: 'run' });
  }

  private reasonToStop(point: PausePoint): Stop['reason'] | undefined {
    if (this.ended) return undefined;
    const going = this.going;
    if (this.pauseAsked) return 'pause';
    if (going.kind === 'in') return this.options.stopOnEntry && !this.started ? 'entry' : 'step';
    if (going.kind === 'over' && (point.test !== going.test || point.depth <= going.depth)) return 'step';
    if (going.kind === 'out' && (point.test !== going.test || point.depth < going.depth)) return 'step';
    if (this.breakpoints.has(point.step.span.line)) return 'breakpoint';
    return undefined;
  }

  private hold(stop: Stop): Promise<void> {
    this.started = true;
    this.pauseAsked = false;
    this.going = { kind: 'run' };
    return new Promise((resolve) => {
      this.held = { stop, release: resolve };
      this.options.onStop(stop);
    });
  }

  private resume(going: Going): void {
    const held = this.held;
    this.going = going;
    this.held = undefined;
    held?.release();
  }
}
