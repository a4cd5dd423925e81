// 1,000 send/expect steps over a loopback pair through the `midi-scope test` command line, from
// starting the process to its exit. Peer: a plain Node script on the same engine (dist/engine.js)
// doing the same 1,000 sends and waiting for each message to come back, with no test file, parser
// or matcher. Both are whole processes, so both include Node's start and the addon's load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, publish, row } from '../engine/support/benchReport';
import { median } from '../engine/support/statistics';

const steps = 1_000;
const repetitions = 5;
const root = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'midi-scope-bench-cli-'));

const testFile = join(scratch, 'steps.umptest');
writeFileSync(
  testFile,
  `loopback out <-> in\ntest "${steps} steps"\n  repeat ${steps} as i\n` +
    `    send out note-on channel 3 note 60 velocity 100\n` +
    `    expect in note-on channel 0-3 note 60 velocity any within 5ms\n  end\nend\n`,
);

const peerScript = join(scratch, 'peer.js');
writeFileSync(
  peerScript,
  `const engine = require(${JSON.stringify(join(root, 'dist', 'engine.js'))});
const pair = engine.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
  associationId: 'peer', endpointA: { name: 'peer A', uniqueId: 'peer-A' }, endpointB: { name: 'peer B', uniqueId: 'peer-B' } });
const session = engine.MidiSession.create('peer');
const a = session.createEndpointConnection(pair.endpointDeviceIdA);
const b = session.createEndpointConnection(pair.endpointDeviceIdB);
let wake;
b.onMessagesReceived(() => wake && wake());
a.open(); b.open();
(async () => {
  for (let i = 0; i < ${steps}; i++) {
    const arrived = new Promise((resolve) => (wake = resolve));
    a.sendSingleMessageWords(0, 0x20933c64);
    await arrived;
  }
  session.close();
  engine.shutdownEngine();
})();
`,
);

function timed(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stdout}${result.stderr}`);
  return elapsed;
}

function main(): void {
  const cli = join(root, 'dist', 'cli.js');
  timed([cli, 'test', testFile]);
  const ours: number[] = [];
  const peer: number[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    progress(`repetition ${repetition} of ${repetitions}`);
    ours.push(timed([cli, 'test', testFile]));
    peer.push(timed([peerScript]));
  }
  publish({
    benchmark: 'testing/cli-steps',
    description: `\`midi-scope test\` on a file of ${steps} send/expect steps over a loopback pair, process start to exit; median of ${repetitions}.`,
    rows: [
      row({
        work: `${steps} send/expect steps through the CLI, whole process`,
        unit: 'ms',
        figure: median(ours),
        peer: 'plain Node script on dist/engine.js: the same sends, awaiting each arrival',
        peerOrigin: 'ours',
        peerFigure: median(peer),
        higherIsBetter: false,
        repetitions,
        target: { value: 1000, text: '<= 1000' },
      }),
    ],
    notes: ['The difference is the test runner: parsing, matching, per-step logs and the report.'],
  });
}

main();
