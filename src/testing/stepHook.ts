// Where a debugger may hold a test run: before each step and when a step fails. The runner awaits
// the hook, so a step debugger pauses the run by not resolving; what it shows while paused (the
// step, its frames, variables, endpoints and what they received) comes from the pause point.
// Deadlines stay judged on engine timestamps, so holding the run between a send and its
// expectation does not change the verdict.
import type { Span, Step, TestCase } from './ast';
import { describeItem } from './describeReceived';
import type { FieldDifference } from './matcher';
import type { ReceivedItem } from './received';
import type { OpenEndpoint } from './testEndpoints';
import { formatBytes, formatWord } from '../ump';

/** One level of what is running: the test, each enclosing `repeat` (with its turn), the step. */
export interface StepFrame {
  label: string;
  span: Span;
}

export interface ReceivedSnapshot {
  /** Milliseconds after the test started, by the engine's timestamp. */
  atMs: number;
  description: string;
  /** Every word (a packet) or byte (a reassembled SysEx or Mixed Data Set) in hex. */
  hex: string;
  /** An expectation took it. */
  matched: boolean;
}

export interface EndpointSnapshot {
  alias: string;
  name: string;
  endpointDeviceId: string;
  received: ReceivedSnapshot[];
}

export interface PausePoint {
  test: TestCase;
  step: Step;
  /** Outermost first: the test, then each repeat around the step, then the step itself. */
  frames: readonly StepFrame[];
  /** How many repeats enclose the step (0: a step of the test itself). */
  depth: number;
  variables: ReadonlyMap<string, number>;
  /** What each endpoint received since the test started, read when called. */
  endpoints(): EndpointSnapshot[];
}

/** Why a step failed, for a debugger: the report and, for an expectation, field by field. */
export interface FailureDetail {
  message: string;
  expected?: string;
  actual?: string;
  differences: readonly FieldDifference[];
}

export interface StepHook {
  /** Called before each step runs (inside repeats too); the run waits for the promise. */
  beforeStep?(point: PausePoint): Promise<void> | void;
  /** Called when a step failed, before the test ends; the run waits for the promise. */
  stepFailed?(point: PausePoint, failure: FailureDetail): Promise<void> | void;
}

function hexOf(item: ReceivedItem): string {
  if (item.kind === 'packet') return Array.from(item.words, (word) => formatWord(word)).join(' ');
  return formatBytes(item.bytes);
}

export function endpointSnapshots(endpoints: Iterable<OpenEndpoint>, startTicks: number): EndpointSnapshot[] {
  return [...endpoints].map((endpoint) => {
    const { inbox } = endpoint;
    const received: ReceivedSnapshot[] = [];
    inbox.items.forEach((item, index) => {
      if (item.timestamp < startTicks) return;
      received.push({
        atMs: (item.timestamp - startTicks) / 10_000,
        description: describeItem(item),
        hex: hexOf(item),
        matched: inbox.isConsumed(index),
      });
    });
    return {
      alias: endpoint.alias,
      name: endpoint.name,
      endpointDeviceId: endpoint.endpointDeviceId,
      received,
    };
  });
}
