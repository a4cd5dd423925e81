// A virtual device declaration is checked field by field, with the path, what was expected and
// what was found; a JSON file that does not parse says its line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVirtualDeviceDeclaration, parseVirtualDeviceFile } from '../../../src/virtualDevice';

void describe('virtual device declarations', () => {
  void it('fills defaults for what is not declared', () => {
    const d = parseVirtualDeviceDeclaration({ endpointName: 'Dev', functionBlocks: [{ name: 'Main' }] });
    assert.deepEqual(d.umpVersion, { major: 1, minor: 1 });
    assert.deepEqual(d.protocols, { midi1: true, midi2: true });
    assert.equal(d.initialProtocol, 2);
    assert.deepEqual(d.functionBlocks[0], {
      name: 'Main',
      active: true,
      firstGroup: 0,
      groupCount: 1,
      direction: 'bidirectional',
      midi1: 'none',
      uiHint: 'both',
      midiCiVersion: 2,
      maxSysEx8Streams: 0,
    });
  });

  void it('names the field, what it expected and what it found', () => {
    assert.throws(
      () =>
        parseVirtualDeviceDeclaration(
          {
            endpointName: 'Dev',
            functionBlocks: [{ name: 'a' }, { name: 'b', firstGroup: 14, groupCount: 3 }],
          },
          'settings',
        ),
      { message: 'settings: functionBlocks[1].groupCount: expected an integer from 1 to 2, found 3' },
    );
    assert.throws(
      () =>
        parseVirtualDeviceDeclaration({
          endpointName: 'Dev',
          functionBlocks: [{ name: 'a', direction: 'sideways' }],
        }),
      {
        message:
          'functionBlocks[0].direction: expected one of "input", "output", "bidirectional", found "sideways"',
      },
    );
    assert.throws(
      () => parseVirtualDeviceDeclaration({ endpointName: 'Dev', productInstanceId: 'é' }),
      /productInstanceId: expected at most 42 printable ASCII/,
    );
    assert.throws(
      () => parseVirtualDeviceDeclaration({ endpointName: 'Dev', protocols: { midi1: false, midi2: false } }),
      /protocols: expected at least one/,
    );
    assert.throws(
      () => parseVirtualDeviceDeclaration({ endpointName: '' }),
      /endpointName: expected a name of 1 to 98 bytes/,
    );
  });

  void it('a JSON file that does not parse says where', () => {
    assert.throws(
      () => parseVirtualDeviceFile('{\n  "endpointName": "Dev",\n  oops\n}', 'dev.json'),
      /^Error: dev\.json:3:3: not valid JSON/,
    );
  });
});
