// The conformance checker's costs: per message on the monitor's visible-row path, "problems only"
// over a 1,000,000-message capture, and the `.ump` editor's hover and diagnostics on a
// 10,000-line file. Each against a peer of ours measured in the same run (the work the checker
// rides on), and the decode-and-name step against jzz (outside: a published MIDI 2.0 library
// whose JZZ.MIDI2 reads a UMP and names it, with no conformance checks). Medians of 5
// repetitions; printed, never asserted.
import jzz from 'jzz';
import { problemTextRange } from '../../src/extension/language/problemRanges';
import { buildUmpDocumentModel, messageAt } from '../../src/extension/language/umpDocumentModel';
import { umpHoverMarkdown } from '../../src/extension/language/umpHoverText';
import { UmpStreamChecker, checkUmp, decodeUmp, formatWord, parseUmpHex } from '../../src/ump';
import { Capture } from '../../src/views/monitor/capture';
import { emptyFilter } from '../../src/views/monitor/protocol';
import { rowSearchText } from '../../src/views/monitor/rowSearchText';
import { progress, publish, row } from '../engine/support/benchReport';
import { median } from '../engine/support/statistics';

const repetitions = 5;

/** A mix of traffic: MIDI 1.0 and 2.0 notes and controllers, SysEx7, clock; 4 in 500 malformed. */
function trafficMessages(count: number): Uint32Array {
  const words: number[] = [];
  for (let i = 0; i < count; i++) {
    const note = i % 128;
    // Every type in turn gets its malformed variant: five messages in a row, once per 500.
    const bad = Math.floor(i / 5) % 100 === 99;
    switch (i % 5) {
      case 0:
        words.push((0x20903c00 | (note << 8) | (bad ? 0xff : 0x64)) >>> 0);
        break;
      case 1:
        words.push((0x40903c00 | (note << 8)) >>> 0, 0xffff0000);
        break;
      case 2:
        words.push((0x40b00700 | (bad ? 1 : 0)) >>> 0, 0x80000000);
        break;
      case 3:
        words.push((0x30027e00 | (bad ? 0x80 : 0x7f)) >>> 0, 0);
        break;
      default:
        words.push(0x10f80000);
    }
  }
  return Uint32Array.from(words);
}

function messageOffsets(words: Uint32Array): number[] {
  const offsets: number[] = [];
  for (
    let at = 0;
    at < words.length;
    at += [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4][words[at] >>> 28]
  )
    offsets.push(at);
  return offsets;
}

function timeMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function medianOf(work: () => void): number {
  work();
  return median(Array.from({ length: repetitions }, () => timeMs(work)));
}

// 1. Per message, as the visible rows are drawn: the check alone against the decode it rides on.
const sample = trafficMessages(100_000);
const offsets = messageOffsets(sample);
let sink = 0;
progress('checkUmp and decodeUmp per message');
const checkNs =
  (medianOf(() => {
    for (const offset of offsets) sink += checkUmp(sample, offset).length;
  }) *
    1e6) /
  offsets.length;
const decodeNs =
  (medianOf(() => {
    for (const offset of offsets) sink += decodeUmp(sample, offset).fields.length;
  }) *
    1e6) /
  offsets.length;

// 1a. The stream checker, which the capture runs on every received message (in arrival order),
// against checkUmp, which it runs too.
progress('stream checker per message');
const streamNs =
  (medianOf(() => {
    const checker = new UmpStreamChecker();
    for (const offset of offsets) sink += checker.checkInStream(sample, offset, offset).length;
  }) *
    1e6) /
  offsets.length;

// 1b. Reading a message and naming it, as a monitor row does: ours (decode + check + summary)
// against jzz's JZZ.MIDI2(bytes).toString() over the same messages, bytes prepared beforehand.
const jzzMidi2 = (jzz as unknown as { MIDI2: (bytes: number[]) => { toString(): string } }).MIDI2;
const sampleBytes = offsets.map((offset) => {
  const count = [1, 1, 1, 2, 2, 4, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4][sample[offset] >>> 28];
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) {
    const word = sample[offset + i];
    bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
  }
  return bytes;
});
progress('decode and name per message: ours and jzz');
const nameNs =
  (medianOf(() => {
    for (const offset of offsets) {
      const decoded = decodeUmp(sample, offset);
      sink += decoded.name.length + decoded.summary.length + (decoded.problems?.length ?? 0);
    }
  }) *
    1e6) /
  offsets.length;
const jzzNameNs =
  (medianOf(() => {
    for (const bytes of sampleBytes) sink += jzzMidi2(bytes).toString().length;
  }) *
    1e6) /
  offsets.length;

// 2. "Problems only" over a full capture, against the text search over the same capture.
progress('filling a 1,000,000-message capture');
const million = 1_000_000;
const capture = new Capture(million, (r) => rowSearchText(r, ['Bench B']));
const traffic = trafficMessages(million);
capture.append(
  traffic,
  new Float64Array(million).map((_, i) => i),
  million,
  0,
);
const filterMs = (spec: typeof emptyFilter): number =>
  medianOf(() => {
    capture.setFilter(spec);
    while (!capture.scanFilter(1000));
  });
progress('problems only over the capture');
const problemsOnlyMs = filterMs({ ...emptyFilter, problemsOnly: true });
const problemRows = capture.viewRange().end - capture.viewRange().start;
progress('text search over the capture');
const searchMs = filterMs({ ...emptyFilter, text: 'pressure' });

// 3. A 10,000-line .ump file: a hover right after an edit (one digit typed in the middle of the
// file: the model is updated from the last version's, as the editor's cache does), against the
// same hover with the model built from nothing (every block parsed again); then its diagnostics.
const lines: string[] = [];
for (let i = 0; i < 10_000; i++) {
  const offset = i % 10 === 0 ? '+1ms ' : '';
  const word = i % 50 === 49 ? 0x20903cff : (0x20903c00 | (i % 128)) >>> 0;
  lines.push(i % 25 === 0 ? '' : `${offset}${formatWord(word)} // line ${i}`);
}
const text = lines.join('\n');
const hoverOffset = text.indexOf('0x20903CFF', Math.floor(text.length / 2));
// The edit: the velocity digit of the hovered word, 0x20903CFF and 0x20903CFE in turn.
const editAt = hoverOffset + 9;
const versions = [text, `${text.slice(0, editAt)}E${text.slice(editAt + 1)}`];
progress('hover and diagnostics on a 10,000-line .ump');
let built = { text, model: buildUmpDocumentModel(text) };
let version = 0;
const hoverMs = medianOf(() => {
  version = 1 - version;
  const edited = versions[version];
  built = { text: edited, model: buildUmpDocumentModel(edited, built) };
  const message = messageAt(built.model, hoverOffset);
  if (message) sink += umpHoverMarkdown(message.words, message.problems).length;
});
const rebuiltHoverMs = medianOf(() => {
  const model = buildUmpDocumentModel(text);
  const message = messageAt(model, hoverOffset);
  if (message) sink += umpHoverMarkdown(message.words, message.problems).length;
});
const cachedModel = buildUmpDocumentModel(text);
const cachedHoverMs =
  medianOf(() => {
    for (let i = 0; i < 100; i++) {
      const message = messageAt(cachedModel, hoverOffset + i);
      if (message) sink += umpHoverMarkdown(message.words, message.problems).length;
    }
  }) / 100;
let diagnosticCount = 0;
const diagnosticsMs = medianOf(() => {
  const model = buildUmpDocumentModel(text);
  diagnosticCount = 0;
  for (const block of model.blocks)
    for (const message of block.messages)
      for (const problem of message.problems) {
        sink += problemTextRange(message, problem, text).length;
        diagnosticCount++;
      }
});
const parseMs = medianOf(() => {
  const parsed = parseUmpHex(text, { allowTimeOffsets: true });
  sink += parsed.ok ? parsed.messages.length : 0;
});

publish({
  benchmark: 'conformance/checker',
  description: `The conformance checker (src/ump/check): per message over a 100,000-message mix (MIDI 1.0/2.0 notes and controllers, SysEx7, clock; 4 in 500 malformed, every type but clock in turn); "problems only" over a 1,000,000-message capture; hover and diagnostics on a 10,000-line .ump. Median of ${repetitions} repetitions. (checksum ${sink % 997})`,
  rows: [
    row({
      work: "checkUmp per message, the monitor's visible-row path",
      unit: 'ns',
      figure: checkNs,
      peer: 'decodeUmp per message, which now includes the check (ours)',
      peerFigure: decodeNs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
    }),
    row({
      work: 'UmpStreamChecker.checkInStream per message, on the capture append path (every received message)',
      unit: 'ns',
      figure: streamNs,
      peer: 'checkUmp per message, also on that path (ours)',
      peerFigure: checkNs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
    }),
    row({
      work: 'decode a message, name it and check it (decodeUmp: name, summary, problems)',
      unit: 'ns',
      figure: nameNs,
      peer: 'jzz 1.9 JZZ.MIDI2(bytes).toString(): reads and names a UMP, no conformance checks (outside)',
      peerFigure: jzzNameNs,
      peerOrigin: 'outside',
      higherIsBetter: false,
      repetitions,
    }),
    row({
      work: `"problems only" over a 1,000,000-message capture (${problemRows.toLocaleString('en-US')} rows kept)`,
      unit: 'ms',
      figure: problemsOnlyMs,
      peer: 'text search "pressure" over the same capture (ours)',
      peerFigure: searchMs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
      target: { value: 1000, text: '<= 1,000' },
    }),
    row({
      work: 'hover on a 10,000-line .ump right after an edit (one digit typed: the model updated from the last version, message found, Markdown)',
      unit: 'ms',
      figure: hoverMs,
      peer: 'the same hover with the model built from nothing: every block parsed and checked again (ours; how it was until session 5)',
      peerFigure: rebuiltHoverMs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
      target: { value: 50, text: '<= 50' },
    }),
    row({
      work: 'hover on a 10,000-line .ump with no edit since the last build (the model cached per document version)',
      unit: 'ms',
      figure: cachedHoverMs,
      peer: 'parseUmpHex of the whole file, as a send does (ours)',
      peerFigure: parseMs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
      target: { value: 50, text: '<= 50' },
    }),
    row({
      work: `diagnostics for a 10,000-line .ump (${diagnosticCount} problems placed on their digits)`,
      unit: 'ms',
      figure: diagnosticsMs,
      peer: 'parseUmpHex of the whole file, as a send does (ours)',
      peerFigure: parseMs,
      peerOrigin: 'ours',
      higherIsBetter: false,
      repetitions,
      target: { value: 200, text: '<= 200' },
    }),
  ],
  notes: [
    'The hover and diagnostics figures are the pure parts the providers call (src/extension/language); turning diagnostics into vscode.Diagnostic objects and painting them are not included.',
    'The capture counts problems as it receives: checkUmp and the stream checker per message on append (the first and second rows).',
    "After an edit the hover waits for the document model, which diagnostics also use 150 ms after the edit: it is built from the last version's (blocks the edit did not touch are moved, not parsed again; the stream check runs over the whole file) and cached per document version. The diagnostics row builds it from nothing, as when a file is opened.",
    '"problems only" reads a flag per capture slot that the capture set on append (own or stream problems); it does not check the messages again.',
  ],
});
