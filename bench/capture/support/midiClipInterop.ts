// The MIDI Scope side of the interop check with ALSA's MIDI Clip File tools (alsa-utils'
// aplaymidi2 and arecordmidi2, an independent implementation of M2-116-U), run inside the ALSA
// test guest by scripts/interop/alsa-midi-clip.sh:
//   node out/bench/capture/support/midiClipInterop.js write FILE        our clip file of the reference capture
//   node out/bench/capture/support/midiClipInterop.js hex               the reference messages for aseqsend -u 2
//   node out/bench/capture/support/midiClipInterop.js check FILE timed  FILE (theirs) read as Open Capture reads it:
//       the reference messages, in order, nothing else but the file's own tempo/time signature;
//       "timed" also prints how far each gap is from the reference's (printed, never judged)
// Exits 1 with what differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { readCapture, writeCaptureBytes } from '../../../src/capture/captureFormats';
import { whereOf } from '../../../src/capture/captureTable';
import { formatUmpHex } from '../../../src/ump';

const ticksPerSecond = 10_000_000;

/** MIDI 2.0 channel voice on group 0 and a SysEx7 in two packets, with gaps from 20 to 250 ms. */
const reference: Array<{ words: number[]; ms: number }> = [
  { words: [0x40903c00, 0xc9240000], ms: 0 }, // Note On 60
  { words: [0x40b00700, 0x80000000], ms: 20 }, // Control Change 7
  { words: [0x40e00000, 0x90000000], ms: 70 }, // Pitch Bend
  { words: [0x40913e00, 0x40000000], ms: 170 }, // Note On 62, channel 2
  { words: [0x30167e7f, 0x06027d01], ms: 200 }, // SysEx7 start
  { words: [0x30350203, 0x04050000], ms: 200 }, // SysEx7 end
  { words: [0x40813e00, 0x00000000], ms: 450 }, // Note Off 62
  { words: [0x40803c00, 0x00000000], ms: 500 }, // Note Off 60
];

function fail(message: string): never {
  console.error(`[midi-clip-interop] FAIL: ${message}`);
  process.exit(1);
}

function write(file: string): void {
  const { bytes } = writeCaptureBytes(
    'clip',
    { endpoints: ['MIDI Scope interop'], ticksPerSecond },
    reference.map((message) => ({ words: message.words, ticks: (message.ms * ticksPerSecond) / 1000 })),
  );
  writeFileSync(file, bytes);
  console.log(`[midi-clip-interop] wrote ${reference.length} messages, ${bytes.length} bytes to ${file}`);
}

/** Flex Data tempo and time signature: what a recorder writes about the clip, not traffic. */
function isClipSetting(words: ArrayLike<number>): boolean {
  return words[0] >>> 28 === 0xd && ((words[0] >>> 8) & 0xff) === 0x00 && (words[0] & 0xff) <= 0x01;
}

function check(file: string, timed: boolean): void {
  const reading = readCapture(readFileSync(file), 'clip', { defaultEndpoint: 'arecordmidi2' });
  if (reading.error) fail(`${file}: ${reading.error.message} at ${whereOf(reading.error)}`);
  const table = reading.table;
  const messages: Array<{ hex: string; seconds: number }> = [];
  const settings: string[] = [];
  for (let i = 0; i < table.count; i++) {
    const words = table.words(i);
    if (isClipSetting(words)) settings.push(formatUmpHex(words));
    else messages.push({ hex: formatUmpHex(words), seconds: table.ticks(i) / reading.info.ticksPerSecond });
  }
  const expected = reference.map((message) => formatUmpHex(message.words));
  const got = messages.map((message) => message.hex);
  if (JSON.stringify(got) !== JSON.stringify(expected))
    fail(`${file}: messages differ\n  expected: ${expected.join(' / ')}\n  read:     ${got.join(' / ')}`);
  console.log(
    `[midi-clip-interop] ${file}: the ${got.length} reference messages, in order` +
      (settings.length ? `; besides them the clip's own settings: ${settings.join(' / ')}` : '') +
      (reading.notes.length ? `; reader notes: ${reading.notes.join('; ')}` : ''),
  );
  if (!timed) return;
  const errors: string[] = [];
  for (let i = 1; i < messages.length; i++) {
    const gap = (messages[i].seconds - messages[i - 1].seconds) * 1000;
    const want = reference[i].ms - reference[i - 1].ms;
    errors.push(`${(gap - want).toFixed(2)}`);
  }
  console.log(
    `[midi-clip-interop] gap error per message vs the reference, ms (printed, not judged): ${errors.join(' ')}`,
  );
}

const [command, file, mode] = process.argv.slice(2);
if (command === 'write' && file) write(file);
else if (command === 'hex')
  console.log(reference.map((message) => formatUmpHex(message.words, { prefix: false })).join(' '));
else if (command === 'check' && file) check(file, mode === 'timed');
else fail('usage: midiClipInterop.js write FILE | hex | check FILE [timed]');
