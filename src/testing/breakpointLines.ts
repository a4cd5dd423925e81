// Where a breakpoint set on a line of a test file stops: before a step. A breakpoint on a step's
// line stays there; on another line of a test (its `test` line, a comment, a blank line) it moves
// to the next step of that test; elsewhere it cannot stop, and the message says why.
import type { Step, TestFile } from './ast';

export type BreakpointPlace =
  /** 0-based line of the step it stops before. */
  { verified: true; line: number } | { verified: false; message: string };

function stepLines(steps: readonly Step[], into: number[]): number[] {
  for (const step of steps) {
    into.push(step.span.line);
    if (step.kind === 'repeat') stepLines(step.steps, into);
  }
  return into;
}

/** `line` is 0-based. */
export function breakpointLine(file: TestFile, line: number): BreakpointPlace {
  const test = file.tests.find((candidate) => candidate.span.line <= line && line <= candidate.endLine);
  if (test === undefined) {
    return {
      verified: false,
      message: `line ${line + 1} is not inside a test: breakpoints stop before the steps of a test`,
    };
  }
  const next = stepLines(test.steps, [])
    .filter((stepLine) => stepLine >= line)
    .sort((a, b) => a - b)[0];
  if (next === undefined) {
    return {
      verified: false,
      message: `no step of test "${test.name}" on or after line ${line + 1}: breakpoints stop before steps`,
    };
  }
  return { verified: true, line: next };
}
