// `midi-scope test FILES...`: parses and runs each test file, prints a line per test (and the
// messages exchanged with --verbose), a summary, and optionally a JUnit report.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseTestFile, runTestFile, type EngineModule } from '../testing';
import type { GroupChannelNumbering } from '../ump';
import { junitXml, type FileReport } from './junitReport';
import { UsageError } from './usageError';

export interface TestCommandOptions {
  junit?: string;
  verbose?: boolean;
  /** Only tests whose name contains this. */
  grep?: string;
  /** How reassembly problems number groups (default oneBased, as the extension). */
  numbering?: GroupChannelNumbering;
}

/** True when every test passed and every file parsed. */
export async function runTestFiles(
  engine: EngineModule,
  paths: readonly string[],
  options: TestCommandOptions,
  out: (text: string) => void,
): Promise<boolean> {
  const started = performance.now();
  const reports: FileReport[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
    const fileStarted = performance.now();
    const parsed = parseTestFile(text);
    out(`${path}\n`);
    for (const d of parsed.diagnostics) {
      out(
        `  ${path}:${d.span.line + 1}:${d.span.column + 1}: error: ${d.message} (expected ${d.expected})\n`,
      );
    }
    const outcomes =
      parsed.diagnostics.length > 0
        ? []
        : await runTestFile(parsed.file, {
            engine,
            directory: dirname(resolve(path)),
            numbering: options.numbering,
            include: (test) => options.grep === undefined || test.name.includes(options.grep),
            observer: {
              output: (_test, line) => {
                if (options.verbose) out(`      ${line}\n`);
              },
              testFinished: (outcome) => {
                const time = `(${outcome.durationMs.toFixed(1)} ms)`;
                out(`  ${outcome.passed ? '✓' : '✗'} ${outcome.test.name} ${time}\n`);
                if (outcome.failure) {
                  const { line, column } = outcome.failure.span;
                  const text = outcome.failure.message.replace(/\n/g, '\n      ');
                  out(`      ${path}:${line + 1}:${column + 1}: ${text}\n`);
                }
              },
            },
          });
    reports.push({
      path,
      outcomes,
      diagnostics: parsed.diagnostics,
      durationMs: performance.now() - fileStarted,
    });
  }
  const passed = reports.reduce((sum, r) => sum + r.outcomes.filter((o) => o.passed).length, 0);
  const failed = reports.reduce((sum, r) => sum + r.outcomes.filter((o) => !o.passed).length, 0);
  const unparsed = reports.filter((r) => r.diagnostics.length > 0).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const broken = unparsed > 0 ? `, ${unparsed} file(s) with syntax errors` : '';
  out(
    `\n${passed} passed, ${failed} failed${broken} (${passed + failed} tests in ${paths.length} files, ${seconds} s)\n`,
  );
  if (options.junit) {
    writeFileSync(options.junit, junitXml(reports));
    out(`JUnit report: ${options.junit}\n`);
  }
  return failed === 0 && unparsed === 0 && passed > 0;
}
