// The detail view's text: every value decoded and every packet raw with its fields.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { discoveryReportText, discoveryResultToJson } from '../../../src/discovery';
import { declaration, discoverInMemory } from './inMemoryDevice';

void it('the report shows values, raw packets with their fields, missing items and problems', async () => {
  const { discovery } = discoverInMemory(declaration({}, 2), {
    timeoutMs: 10_000,
    negotiate: { protocol: 2 },
  });
  const result = await discovery.finished();
  const text = discoveryReportText('Scope Synth', result, 'oneBased');
  assert.match(text, /^Endpoint discovery: Scope Synth\nstate: complete/);
  assert.match(text, /name: "Scope Synth"/);
  assert.match(text, /raw 0xF0010101 0x82000300 0x00000000 0x00000000 {2}\(Endpoint Info Notification\)/);
  assert.match(text, /Number of Function Blocks: 2/);
  assert.match(text, /Function block 1: "Block 1"\n {2}active, bidirectional, group 2/);
  // #17: the groups follow the numbering; group 1 in the message is "group 1" under zeroBased.
  assert.match(
    discoveryReportText('Scope Synth', result, 'zeroBased'),
    /Function block 1: "Block 1"\n {2}active, bidirectional, group 1\n/,
  );
  assert.match(
    text,
    /negotiation: asked for MIDI 2\.0 \(rx JR false, tx JR false\), answered MIDI 2\.0: accepted/,
  );
  assert.match(text, /Missing \(0\)\n\nProblems \(0\)\n$/);
  const json = JSON.parse(JSON.stringify(discoveryResultToJson(result))) as {
    functionBlocks: { functionBlock: number }[];
  };
  assert.deepEqual(
    json.functionBlocks.map((b) => b.functionBlock),
    [0, 1],
  );
});
