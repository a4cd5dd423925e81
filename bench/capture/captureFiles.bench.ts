// Save and open of a 1,000,000-message capture in each format, streamed through the writers into
// chunks as a save does, then read back whole as Open Capture does. Peers in the same run: for
// .ump, the monitor's older hex export (ours, no timing) and the general hex parser (ours); for
// every format, Node's own JSON.stringify/JSON.parse of the same messages (outside).
import { captureFormats, createCaptureWriter, readCapture } from '../../src/capture/captureFormats';
import { CaptureTable } from '../../src/capture/captureTable';
import { exportFormatter } from '../../src/views/monitor/exportFormats';
import { parseUmpHex } from '../../src/ump';
import { progress, publish, row, type BenchRow } from '../engine/support/benchReport';
import { median } from '../engine/support/statistics';

const messageCount = Number(process.env.CAPTURE_BENCH_MESSAGES ?? 1_000_000);
const repetitions = 3;
const info = { endpoints: ['Loopback A'], ticksPerSecond: 10_000_000, title: 'bench' };

function makeCapture(): CaptureTable {
  const table = new CaptureTable(messageCount);
  let ticks = 1_000_000;
  for (let i = 0; i < messageCount; i++) {
    ticks += 1 + (i % 97) * 13;
    const kind = i % 4;
    if (kind === 0) table.addMessage([0x20903c00 | (i & 0x7f)], ticks);
    else if (kind === 1) table.addMessage([0x40903c00, (i * 2654435761) >>> 0], ticks);
    else if (kind === 2) table.addMessage([0x30160102, 0x03040506], ticks);
    else table.addMessage([0xd0100000, 50_000_000, 0, 0], ticks);
  }
  return table;
}

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function save(table: CaptureTable, format: (typeof captureFormats)[number]): Uint8Array[] {
  const writer = createCaptureWriter(format, info);
  const chunks: Uint8Array[] = [];
  const slots = table.slots;
  for (let i = 0; i < table.count; i++) {
    writer.add(slots, i * 4, table.wordCount(i), table.ticks(i), 0);
    if (writer.pendingSize >= 1 << 20) chunks.push(writer.take());
  }
  chunks.push(writer.finish());
  return chunks;
}

function joined(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function main(): void {
  progress(`making a capture of ${messageCount} messages`);
  const table = makeCapture();
  const plain = Array.from({ length: table.count }, (_, i) => ({
    w: Array.from(table.words(i)),
    t: table.ticks(i),
  }));
  const jsonSave: number[] = [];
  const jsonOpen: number[] = [];
  let json = '';
  for (let r = 0; r < repetitions; r++) {
    jsonSave.push(timeMs(() => (json = JSON.stringify(plain))));
    jsonOpen.push(timeMs(() => void JSON.parse(json)));
  }
  const rows: BenchRow[] = [];
  for (const format of captureFormats) {
    const saves: number[] = [];
    const opens: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    for (let r = 0; r < repetitions; r++) {
      let chunks: Uint8Array[] = [];
      saves.push(timeMs(() => (chunks = save(table, format))));
      bytes = joined(chunks);
      opens.push(timeMs(() => readCapture(bytes, format, { defaultEndpoint: 'bench' })));
    }
    progress(
      `${format}: ${(bytes.length / 1e6).toFixed(1)} MB, save ${median(saves).toFixed(0)} ms, open ${median(opens).toFixed(0)} ms`,
    );
    const note = format === 'syx' ? 'only the SysEx7 quarter of the messages goes into a .syx' : undefined;
    rows.push(
      row({
        work: `save ${messageCount} messages as .${format} (streamed chunks)`,
        unit: 'ms',
        figure: median(saves),
        peer: 'JSON.stringify of the same messages (Node, outside)',
        peerOrigin: 'outside',
        peerFigure: median(jsonSave),
        higherIsBetter: false,
        repetitions,
        target: { value: 2000, text: '<= 2000' },
        note,
      }),
      row({
        work: `open ${messageCount} messages from .${format}`,
        unit: 'ms',
        figure: median(opens),
        peer: 'JSON.parse of the same messages (Node, outside)',
        peerOrigin: 'outside',
        peerFigure: median(jsonOpen),
        higherIsBetter: false,
        repetitions,
        target: { value: 2000, text: '<= 2000' },
        note,
      }),
    );
  }
  // The monitor's older hex export and the general parser on the same messages (ours).
  const formatter = exportFormatter('hex', 10_000_000, 'bench');
  const endpoint = { index: 0, endpointDeviceId: 'a', name: 'A' };
  const exportTimes: number[] = [];
  const parseTimes: number[] = [];
  const ours: number[] = [];
  let text = '';
  for (let r = 0; r < repetitions; r++) {
    exportTimes.push(
      timeMs(() => {
        const parts: string[] = [];
        for (let i = 0; i < table.count; i++)
          parts.push(
            formatter.message(
              { seq: i, timestamp: table.ticks(i), endpoint, words: table.words(i) },
              i === 0,
            ),
          );
        text = parts.join('');
      }),
    );
    parseTimes.push(timeMs(() => parseUmpHex(text)));
    const bytes = joined(save(table, 'ump'));
    ours.push(timeMs(() => readCapture(bytes, 'ump', { defaultEndpoint: 'bench' })));
  }
  rows.push(
    row({
      work: `open ${messageCount} messages of .ump text`,
      unit: 'ms',
      figure: median(ours),
      peer: 'parseUmpHex on the monitor hex export (ours, no timing)',
      peerOrigin: 'ours',
      peerFigure: median(parseTimes),
      higherIsBetter: false,
      repetitions,
    }),
  );
  publish({
    benchmark: 'capture/files',
    description: `Save (streamed writer) and open (whole-file reader) of ${messageCount} messages in each capture format`,
    rows,
    notes: [
      'arecordmidi2 (alsa-utils 1.2.14) needs an ALSA sequencer (/dev/snd/seq), which these machines lack: no clip-file writer peer ran here; see docs/notes.',
      `monitor hex export of the same messages (ours, older, no timing): ${median(exportTimes).toFixed(0)} ms`,
    ],
  });
}

main();
