// What ALSA could not publish of MIDI Scope's own endpoints, as the Endpoints tree and the MIDI
// Scope log show it: the row's icon, description and tooltip fields, and one log line per problem
// when it appears (a failure as a warning, a note as info), again only after it cleared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MidiEndpointDeviceInformation, MidiPublicationProblem } from '../../../src/engine/types';
import {
  PublicationProblemLog,
  publicationProblemPresentation,
} from '../../../src/views/endpoints/publicationProblems';

const notPublished: MidiPublicationProblem = {
  transport: 'alsa',
  problem: 'not published: snd_seq_open: Cannot allocate memory',
  note: false,
};
const midi1Note: MidiPublicationProblem = {
  transport: 'alsa',
  problem:
    'published as a MIDI 1.0 client (this kernel has no MIDI 2.0 / UMP sequencer): other applications see the port, not its declared UMP endpoint info and function blocks',
  note: true,
};

function side(problems?: MidiPublicationProblem[]): MidiEndpointDeviceInformation {
  return {
    endpointDeviceId: 'midiscope://loopback/synth/A',
    transport: 'loopback',
    name: 'Synth A',
    description: '',
    uniqueId: 'synth-a',
    protocol: 'midi2',
    details: [],
    functionBlocks: [],
    loopback: { side: 'A', associationId: 'synth', peerEndpointDeviceId: 'midiscope://loopback/synth/B' },
    ...(problems ? { publicationProblems: problems } : {}),
  };
}

void test('an endpoint without publication problems looks as before', () => {
  assert.equal(publicationProblemPresentation(side()), undefined);
  assert.equal(publicationProblemPresentation(side([])), undefined);
});

void test('an endpoint ALSA could not publish shows a warning, a short description and the full text', () => {
  assert.deepEqual(publicationProblemPresentation(side([notPublished])), {
    icon: 'warning',
    color: 'problemsWarningIcon.foreground',
    description: 'not published (ALSA)',
    fields: [
      ['Not shown to other applications (ALSA)', 'not published: snd_seq_open: Cannot allocate memory'],
    ],
  });
  const withoutInfo = publicationProblemPresentation(
    side([
      {
        transport: 'alsa',
        problem: 'published without its UMP endpoint info: snd_seq_set_ump_block_info: Invalid argument',
        note: false,
      },
    ]),
  );
  assert.equal(withoutInfo?.description, 'published without its UMP endpoint info (ALSA)');
});

void test('a note alone is shown as information, not as a warning; a failure beside it wins', () => {
  const note = publicationProblemPresentation(side([midi1Note]));
  assert.equal(note?.icon, 'info');
  assert.equal(note?.color, 'problemsInfoIcon.foreground');
  assert.equal(note?.description, 'note (ALSA)');
  assert.deepEqual(note?.fields, [['Note (ALSA)', midi1Note.problem]]);
  const both = publicationProblemPresentation(side([midi1Note, notPublished]));
  assert.equal(both?.icon, 'warning');
  assert.equal(both?.description, 'not published (ALSA) (+1)');
  assert.equal(both?.fields.length, 2);
});

void test('each problem is logged once when it appears, again only after it cleared', () => {
  const lines: string[] = [];
  const log = new PublicationProblemLog({
    warn: (line) => lines.push(`warn ${line}`),
    info: (line) => lines.push(`info ${line}`),
  });
  log.seen(side());
  assert.deepEqual(lines, []);
  log.seen(side([notPublished]));
  log.seen(side([notPublished])); // listed again, updated for another reason: not logged twice
  assert.deepEqual(lines, [
    'warn ALSA publishing "Synth A" (midiscope://loopback/synth/A): not published: snd_seq_open: Cannot allocate memory',
  ]);
  // Republished as a MIDI 1.0 client: the note is new, the failure cleared.
  log.seen(side([midi1Note]));
  assert.equal(lines.length, 2);
  assert.match(
    lines[1],
    /^info ALSA publishing "Synth A" \(midiscope:\/\/loopback\/synth\/A\): published as a MIDI 1\.0 client/,
  );
  // Cleared, then failing again: logged again.
  log.seen(side());
  log.seen(side([notPublished]));
  assert.equal(lines.length, 3);
  assert.match(lines[2], /^warn .*not published: snd_seq_open/);
  // Gone and back with the same problem (a pair recreated): logged again.
  log.removed('midiscope://loopback/synth/A');
  log.seen(side([notPublished]));
  assert.equal(lines.length, 4);
});
