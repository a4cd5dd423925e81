import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointIdsFromArguments } from '../../../src/views/monitor/openMonitorArguments';

void describe('endpointIdsFromArguments', () => {
  void it('asks the user when given nothing', () => {
    assert.equal(endpointIdsFromArguments([]), undefined);
    assert.equal(endpointIdsFromArguments([undefined]), undefined);
  });

  void it('takes an id, a tree node, or a list of ids', () => {
    assert.deepEqual(endpointIdsFromArguments(['ep-1']), ['ep-1']);
    assert.deepEqual(endpointIdsFromArguments([{ kind: 'endpoint', endpointDeviceId: 'ep-2' }]), ['ep-2']);
    assert.deepEqual(endpointIdsFromArguments([{ endpointDeviceIds: ['a', 'b', 'a'] }]), ['a', 'b']);
  });

  void it('takes every selected node when the tree passes a multi-selection', () => {
    const a = { endpointDeviceId: 'a' };
    const b = { endpointDeviceId: 'b' };
    assert.deepEqual(endpointIdsFromArguments([a, [a, b]]), ['a', 'b']);
  });

  void it('explains what is wrong with anything else', () => {
    assert.throws(
      () => endpointIdsFromArguments([42]),
      /the argument must be an endpoint id or an object with an endpointDeviceId string, got number 42/,
    );
    assert.throws(() => endpointIdsFromArguments([{ name: 'x' }]), /got an object with keys name/);
    assert.throws(
      () => endpointIdsFromArguments([{ endpointDeviceIds: [] }]),
      /endpointDeviceIds must be a non-empty array/,
    );
    assert.throws(
      () => endpointIdsFromArguments([{ endpointDeviceIds: ['a', 3] }]),
      /endpointDeviceIds\[1\] must be an endpoint id/,
    );
    assert.throws(() => endpointIdsFromArguments(['  ']), /got string " {2}"/);
  });
});
