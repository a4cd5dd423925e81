// #17: a function block's groups in the Endpoints tree follow midiScope.display.numbering, as the
// monitor's rows do: the row's summary and its tooltip's Groups field.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { MidiFunctionBlockDetails } from '../../../src/engine/types';
import {
  functionBlockFields,
  functionBlockSummary,
  groupRange,
} from '../../../src/views/endpoints/endpointDescriptions';

const block: MidiFunctionBlockDetails = {
  number: 1,
  name: 'Synth',
  active: true,
  direction: 1,
  firstGroup: 2,
  groupCount: 2,
  uiHint: 1,
  midi1: 0,
  midiCiVersion: 0,
  maxSysEx8Streams: 0,
};

void it("numbers a function block's groups under the numbering, in the summary and the fields", () => {
  for (const [numbering, range] of [
    ['oneBased', 'Groups 3–4'],
    ['zeroBased', 'Groups 2–3'],
  ] as const) {
    assert.equal(groupRange(block, numbering), range);
    assert.equal(functionBlockSummary(block, numbering), `${range} · input`);
    assert.equal(
      new Map(functionBlockFields(block, numbering)).get('Groups'),
      `${range} (first group 2, 2 groups, 0-based)`,
    );
  }
  assert.equal(groupRange({ ...block, groupCount: 1 }, 'oneBased'), 'Group 3');
  assert.equal(groupRange({ ...block, groupCount: 1 }, 'zeroBased'), 'Group 2');
});
