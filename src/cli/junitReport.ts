// The JUnit XML report CI systems read (`midi-scope test --junit out.xml`), written with
// fast-xml-parser's builder, which escapes names and messages.
import { XMLBuilder } from 'fast-xml-parser';
import type { Diagnostic, TestOutcome } from '../testing';

export interface FileReport {
  path: string;
  outcomes: TestOutcome[];
  /** Set when the file did not parse: it is reported as one errored test case. */
  diagnostics: Diagnostic[];
  durationMs: number;
}

/** XML 1.0 cannot hold most control characters, even escaped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '�');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function junitXml(files: readonly FileReport[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = files.map((file) => {
    const cases: object[] = file.outcomes.map((outcome) => {
      const testcase: Record<string, unknown> = {
        '@_name': xmlText(outcome.test.name),
        '@_classname': xmlText(file.path),
        '@_time': seconds(outcome.durationMs),
      };
      if (outcome.failure) {
        const { line, column } = outcome.failure.span;
        testcase.failure = {
          '@_message': xmlText(outcome.failure.message.split('\n')[0]),
          '@_type': 'expectation',
          '#text': xmlText(`${file.path}:${line + 1}:${column + 1}\n${outcome.failure.message}`),
        };
      }
      testcase['system-out'] = xmlText(outcome.log.join('\n'));
      return testcase;
    });
    const fileFailures = file.outcomes.filter((outcome) => !outcome.passed).length;
    const fileErrors = file.diagnostics.length > 0 ? 1 : 0;
    if (fileErrors) {
      cases.push({
        '@_name': 'parse',
        '@_classname': xmlText(file.path),
        '@_time': '0.000',
        error: {
          '@_message': xmlText(`${file.diagnostics.length} syntax error(s)`),
          '@_type': 'syntax',
          '#text': xmlText(
            file.diagnostics
              .map((d) => `${file.path}:${d.span.line + 1}:${d.span.column + 1}: ${d.message}`)
              .join('\n'),
          ),
        },
      });
    }
    tests += cases.length;
    failures += fileFailures;
    errors += fileErrors;
    return {
      '@_name': xmlText(file.path),
      '@_tests': cases.length,
      '@_failures': fileFailures,
      '@_errors': fileErrors,
      '@_time': seconds(file.durationMs),
      testcase: cases,
    };
  });
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'midi-scope',
      '@_tests': tests,
      '@_failures': failures,
      '@_errors': errors,
      testsuite: suites,
    },
  });
}
