#!/usr/bin/env node
// The `midi-scope` command line: the same engine as the extension, without VS Code, for CI.
// Exit codes: 0 success, 1 a test failed (or a file did not parse, or a send was refused),
// 2 wrong usage. Arguments are parsed by commander.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { EngineModule } from '../testing';
import type { GroupChannelNumbering } from '../ump';
import { listEndpoints } from './listCommand';
import { monitor } from './monitorCommand';
import { sendWords } from './sendCommand';
import { runTestFiles } from './testCommand';
import { exitCodes, UsageError } from './usageError';

declare const MIDI_SCOPE_VERSION: string;

// dist/engine.js itself, beside this bundle: the same engine the extension and scripts load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require('./engine.js') as EngineModule;

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new InvalidArgumentError('a whole number above 0 is expected.');
  return value;
}

/** --numbering, as the extension's midiScope.display.numbering (1-16 unless told otherwise). */
function numberingOption(): Option {
  return new Option(
    '--numbering <numbering>',
    'group and channel numbers: oneBased (1-16, as the extension shows them) or zeroBased (0-15, the values in the message)',
  )
    .choices(['oneBased', 'zeroBased'])
    .default('oneBased');
}

function program(): Command {
  const cli = new Command('midi-scope')
    .description(
      'MIDI 2.0 endpoints from the command line: list, monitor, send, and run send/expect tests (*.umptest).',
    )
    .version(typeof MIDI_SCOPE_VERSION === 'string' ? MIDI_SCOPE_VERSION : 'dev')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  cli
    .command('list')
    .description('list the endpoints the engine has')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => listEndpoints(engine, options.json === true, out));

  cli
    .command('monitor')
    .description('print a decoded row for each message an endpoint receives, until Ctrl+C')
    .argument('<endpoint>', 'endpoint id or name (see list)')
    .option('-c, --capture <file>', 'also write the messages to a file')
    .addOption(
      new Option('-f, --format <format>', 'capture file format')
        .choices(['hex', 'json', 'csv'])
        .default('hex'),
    )
    .option('-d, --duration <ms>', 'stop after this many milliseconds', positiveInteger)
    .option('-n, --count <messages>', 'stop after this many messages', positiveInteger)
    .addOption(numberingOption())
    .action(
      async (
        endpoint: string,
        options: {
          capture?: string;
          format: 'hex' | 'json' | 'csv';
          duration?: number;
          count?: number;
          numbering: GroupChannelNumbering;
        },
      ) => {
        await monitor(
          engine,
          endpoint,
          {
            capture: options.capture,
            format: options.format,
            durationMs: options.duration,
            count: options.count,
            numbering: options.numbering,
          },
          out,
        );
      },
    );

  cli
    .command('send')
    .description('send UMP hex (words, byte groups, array literals) or a file (.ump text, else binary words)')
    .argument('<endpoint>', 'endpoint id or name (see list)')
    .argument('<hex-or-file...>', 'hex words such as 0x20903C64, or one file')
    .action((endpoint: string, data: string[]) => {
      if (!sendWords(engine, endpoint, data, out, err)) process.exitCode = exitCodes.failed;
    });

  cli
    .command('test')
    .description('run send/expect test files; exits 1 when a test fails')
    .argument('<files...>', '*.umptest files')
    .option('--junit <file>', 'write a JUnit XML report')
    .option('-v, --verbose', 'print the messages each test exchanged')
    .option('-g, --grep <text>', 'run only tests whose name contains the text')
    .addOption(numberingOption())
    .action(
      async (
        files: string[],
        options: { junit?: string; verbose?: boolean; grep?: string; numbering: GroupChannelNumbering },
      ) => {
        if (!(await runTestFiles(engine, files, options, out))) process.exitCode = exitCodes.failed;
      },
    );
  return cli;
}

async function main(): Promise<void> {
  try {
    await program().parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    } else if (error instanceof UsageError) {
      err(`midi-scope: ${error.message}\n`);
      process.exitCode = exitCodes.usage;
    } else {
      err(`midi-scope: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = exitCodes.failed;
    }
  } finally {
    // Joins the engine's native threads so the process can exit.
    engine.shutdownEngine();
  }
}

void main();
