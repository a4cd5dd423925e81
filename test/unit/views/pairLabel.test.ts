// A pair's row label: the shared stem when the names differ only by a short side suffix (so it
// stays whole in a narrow sidebar), else both names marked A and B.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pairLabel } from '../../../src/views/endpoints/endpointDescriptions';

void describe('pairLabel', () => {
  void it('takes the stem two names share when only the side differs', () => {
    assert.equal(pairLabel('E2E Synth A', 'E2E Synth B'), 'E2E Synth');
    assert.equal(pairLabel('Loopback 1 A', 'Loopback 1 B'), 'Loopback 1');
    assert.equal(pairLabel('Firmware In', 'Firmware Out'), 'Firmware');
    assert.equal(pairLabel('Synth-A', 'Synth-B'), 'Synth');
    assert.equal(pairLabel('Synth (A)', 'Synth (B)'), 'Synth');
  });

  void it('names both sides when the names differ by more than a side', () => {
    assert.equal(pairLabel('Firmware Out 93us', 'Host In'), 'A Firmware Out 93us ↔ B Host In');
    assert.equal(
      pairLabel('Firmware Out 93us', 'Firmware In 93us'),
      'A Firmware Out 93us ↔ B Firmware In 93us',
    );
    assert.equal(pairLabel('SynthA', 'SynthB'), 'A SynthA ↔ B SynthB');
    assert.equal(pairLabel('Synth', 'Synth B'), 'A Synth ↔ B Synth B');
    assert.equal(pairLabel('X A', 'X B'), 'A X A ↔ B X B');
  });
});
