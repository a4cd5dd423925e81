// Send/expect tests for MIDI endpoints (*.umptest files, docs/umptest.md): the parser, the
// matcher and the runner. Plain Node: the CLI (src/cli) and the Test Explorer
// (src/extension/testing) both run tests through this.
export type { Diagnostic, ParseResult, Span, Step, TestCase, TestFile } from './ast';
export { parseTestFile, defaultTimeoutUs } from './parser';
export { runTestFile, type RunObserver, type RunOptions, type StepFailure, type TestOutcome } from './runner';
export type { EngineModule } from './testEndpoints';
export type { ExchangeMessage } from './exchange';
export type {
  EndpointSnapshot,
  FailureDetail,
  PausePoint,
  ReceivedSnapshot,
  StepFrame,
  StepHook,
} from './stepHook';
export { StepControl, type StopReason, type Stop } from './stepControl';
export { breakpointLine, type BreakpointPlace } from './breakpointLines';
