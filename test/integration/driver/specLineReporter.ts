// A mocha reporter that formats the run as the spec reporter does, one line at a time, and hands
// each line to a sink: the console (which @vscode/test-electron shows) and a progress file (which
// the code-server launcher follows, since that extension host's console goes nowhere visible).
import Mocha from 'mocha';
import { errorText } from './results';

const {
  EVENT_SUITE_BEGIN,
  EVENT_SUITE_END,
  EVENT_TEST_PASS,
  EVENT_TEST_FAIL,
  EVENT_TEST_PENDING,
  EVENT_RUN_END,
} = Mocha.Runner.constants;

export type LineSink = (line: string) => void;

export interface ReportedFailure {
  title: string;
  error: unknown;
}

/** A reporter class writing to `sink`; `failures` collects every failed test and hook. */
export function specLineReporter(sink: LineSink, failures: ReportedFailure[]): Mocha.ReporterConstructor {
  return class SpecLineReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let depth = 0;
      const indent = () => '  '.repeat(depth + 1);

      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.root) return;
        sink(`${indent()}${suite.title}`);
        depth += 1;
      });
      runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => {
        if (!suite.root) depth -= 1;
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        const slow = test.speed === 'fast' || test.duration === undefined ? '' : ` (${test.duration}ms)`;
        sink(`${indent()}✔ ${test.title}${slow}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: unknown) => {
        failures.push({ title: test.fullTitle(), error });
        sink(`${indent()}${failures.length}) ${test.title}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        sink(`${indent()}- ${test.title}`);
      });
      runner.once(EVENT_RUN_END, () => {
        const stats = this.stats;
        sink('');
        sink(`  ${stats.passes} passing (${stats.duration ?? 0}ms)`);
        if (stats.pending > 0) sink(`  ${stats.pending} pending`);
        if (stats.failures > 0) sink(`  ${stats.failures} failing`);
        failures.forEach((failure, index) => {
          sink('');
          sink(`  ${index + 1}) ${failure.title}:`);
          for (const line of errorText(failure.error).split('\n')) sink(`     ${line}`);
        });
      });
    }
  };
}
