// Wrong JS types are programming errors: a TypeError that names the function and argument.
// Impossible sizes are RangeErrors; a missing endpoint is an Error naming the id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAddon } from './support.mjs';

const addon = loadAddon();
const words = new Uint32Array([0x20000000]);

test('wrong argument types throw TypeErrors that say where', () => {
  const cases = [
    [
      () => addon.sendMessage('1', 0, words, 0, 1),
      /sendMessage: argument 1 \(handle\) must be a number, not a string/,
    ],
    [
      () => addon.sendMessage(1, 0, [0x20000000], 0, 1),
      /sendMessage: argument 3 \(words\) must be a Uint32Array, not an object/,
    ],
    [
      () => addon.sendMessage(1, 0, new Int32Array(1), 0, 1),
      /must be a Uint32Array, not a different typed array/,
    ],
    [
      () => addon.sendMessages(1, 0, words, 0),
      /sendMessages: argument 5 \(count\) must be a number, not undefined/,
    ],
    [
      () => addon.sendTimestampedMessages(1, [0], words, 0, 1),
      /argument 2 \(timestamps\) must be a Float64Array/,
    ],
    [
      () => addon.drain(1, words, new Float32Array(4)),
      /drain: argument 3 \(timestamps\) must be a Float64Array/,
    ],
    [
      () => addon.openConnection('midiscope://diagnostics/loopback-a', 64),
      /argument 3 \(onWake\) must be a function/,
    ],
    [
      () => addon.createLoopbackPair('x', { name: 'A' }, { name: 'B', uniqueId: 'b' }),
      /createLoopbackPair: endpointA.uniqueId must be a string, not undefined/,
    ],
    [
      () => addon.createLoopbackPair('x', { name: 'A', uniqueId: 'a', description: 3 }, {}),
      /endpointA.description must be a string, not a number/,
    ],
    [() => addon.setEndpointWatcher(42), /setEndpointWatcher: argument 1 \(callback\) must be a function/],
    [() => addon.removeLoopbackPair(), /removeLoopbackPair: argument 1 \(associationId\) must be a string/],
  ];
  for (const [call, message] of cases)
    assert.throws(call, (error) => error instanceof TypeError && message.test(error.message));
});

test('impossible sizes are RangeErrors, unknown endpoints Errors naming the id', () => {
  assert.throws(() => addon.openConnection('midiscope://diagnostics/loopback-a', 2, () => {}), RangeError);
  assert.throws(
    () => addon.openConnection('midiscope://diagnostics/loopback-a', 2 ** 40, () => {}),
    RangeError,
  );
  assert.throws(
    () => addon.openConnection('midiscope://loopback/none', 64, () => {}),
    /openConnection: no MIDI endpoint has the id "midiscope:\/\/loopback\/none"/,
  );
  const handle = addon.openConnection('midiscope://diagnostics/loopback-b', 64, () => {});
  assert.throws(() => addon.drain(handle, new Uint32Array(3), new Float64Array(4)), RangeError);
  assert.throws(() => addon.drain(handle, new Uint32Array(4), new Float64Array(0)), RangeError);
  addon.closeConnection(handle);
});

test('bad data is a result, never an exception', () => {
  const handle = addon.openConnection('midiscope://diagnostics/loopback-a', 64, () => {});
  assert.doesNotThrow(() => addon.sendMessage(handle, Number.NaN, words, Number.NaN, -3));
  assert.equal(
    addon.createLoopbackPair('', { name: '', uniqueId: '' }, { name: '', uniqueId: '' }).success,
    false,
  );
  assert.equal(addon.removeLoopbackPair('nothing'), false);
  addon.closeConnection(handle);
  addon.closeConnection(handle);
  addon.closeConnection(-7);
  assert.equal(addon.isConnectionOpen(handle), false);
  assert.deepEqual(addon.drain(handle, new Uint32Array(4), new Float64Array(1)), {
    wordCount: 0,
    messageCount: 0,
    more: false,
  });
});

// A virtual device's declaration (declareLoopbackEndpoint, or a side of createLoopbackPair): the
// shared umpEndpoint / functionBlocks reader, then the engine's checks, both TypeErrors naming
// the field; an endpoint that cannot take one is a result.
test('a declaration the engine cannot use is a TypeError naming the field', () => {
  const endpoint = { supportsMidi2: true, functionBlockCount: 1 };
  const block = { number: 0, name: 'Keys', direction: 3, firstGroup: 0, groupCount: 2 };
  const declare = (declaration) => () => addon.declareLoopbackEndpoint('midiscope://loopback/x', declaration);
  const cases = [
    [declare({ functionBlocks: [] }), /declareLoopbackEndpoint: declaration.umpEndpoint must be an object/],
    [
      declare({ umpEndpoint: endpoint }),
      /declareLoopbackEndpoint: declaration.functionBlocks must be an array/,
    ],
    [
      declare({ umpEndpoint: { ...endpoint, supportsMidi2: 'yes' }, functionBlocks: [block] }),
      /declaration.umpEndpoint.supportsMidi2 must be a boolean/,
    ],
    [
      declare({ umpEndpoint: endpoint, functionBlocks: [{ ...block, firstGroup: 1.5 }] }),
      /declaration.functionBlocks\[0\].firstGroup must be a whole number from 0 to 15/,
    ],
    [
      declare({ umpEndpoint: endpoint, functionBlocks: [{ ...block, firstGroup: 12, groupCount: 8 }] }),
      /declaration.functionBlocks\[0\].groupCount is 8 from firstGroup 12/,
    ],
    [
      declare({ umpEndpoint: endpoint, functionBlocks: [block, { ...block, number: 1 }] }),
      /declaration.umpEndpoint.functionBlockCount is 1 but functionBlocks has 2 blocks/,
    ],
    [
      declare({ umpEndpoint: { ...endpoint, supportsMidi2: false }, functionBlocks: [block] }),
      /declaration.umpEndpoint supports neither MIDI 1.0 nor MIDI 2.0/,
    ],
    [
      () =>
        addon.createLoopbackPair(
          'declared',
          { name: 'A', uniqueId: 'declared-a' },
          { name: 'B', uniqueId: 'declared-b', umpEndpoint: endpoint, functionBlocks: [{ ...block, number: 3 }] },
        ),
      /createLoopbackPair: endpointB.functionBlocks\[0\].number is 3/,
    ],
  ];
  for (const [call, message] of cases)
    assert.throws(call, (error) => error instanceof TypeError && message.test(error.message), String(message));
  // Nothing was created by the refused pair.
  assert.equal(
    addon.listEndpoints().some((e) => e.uniqueId === 'declared-a'),
    false,
  );
  // A well-formed declaration for an endpoint that cannot take one is a result saying why.
  const valid = { umpEndpoint: endpoint, functionBlocks: [block] };
  const diagnostics = addon.declareLoopbackEndpoint('midiscope://diagnostics/loopback-a', valid);
  assert.equal(diagnostics.success, false);
  assert.match(diagnostics.errorInformation, /on the diagnostics transport: only a loopback pair's side/);
  assert.match(
    addon.declareLoopbackEndpoint('midiscope://loopback/none', valid).errorInformation,
    /no MIDI endpoint has the id "midiscope:\/\/loopback\/none"/,
  );
});
