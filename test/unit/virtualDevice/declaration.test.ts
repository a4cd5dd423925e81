// A virtual device declaration is checked field by field, with the path, what was expected and
// what was found; a JSON file that does not parse says its line and column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  declaredUmpEndpoint,
  parseVirtualDeviceDeclaration,
  parseVirtualDeviceFile,
} from '../../../src/virtualDevice';

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

  void it("becomes the engine's endpoint info and function blocks as the UMP numbers say them", () => {
    const d = parseVirtualDeviceDeclaration({
      endpointName: 'Dev',
      productInstanceId: 'P-1',
      deviceIdentity: {
        manufacturer: [0x00, 0x21, 0x09],
        family: 0x1234,
        model: 0x0567,
        softwareRevision: [1, 2, 3, 4],
      },
      umpVersion: { major: 1, minor: 2 },
      protocols: { midi1: true, midi2: false },
      jrTimestamps: { receive: true, transmit: false },
      staticFunctionBlocks: false,
      functionBlocks: [
        { name: 'In', direction: 'input', midi1: 'midi1Restricted', uiHint: 'receiver', midiCiVersion: 1 },
        {
          name: 'Out',
          firstGroup: 8,
          groupCount: 8,
          direction: 'output',
          active: false,
          uiHint: 'sender',
          maxSysEx8Streams: 4,
        },
      ],
    });
    assert.deepEqual(declaredUmpEndpoint(d), {
      umpEndpoint: {
        umpVersionMajor: 1,
        umpVersionMinor: 2,
        functionBlockCount: 2,
        staticFunctionBlocks: false,
        supportsMidi1: true,
        supportsMidi2: false,
        receivesJr: true,
        transmitsJr: false,
        productInstanceId: 'P-1',
        manufacturerId: 0x002109,
        family: 0x1234,
        model: 0x0567,
        softwareRevision: 0x01020304,
      },
      functionBlocks: [
        {
          number: 0,
          name: 'In',
          active: true,
          direction: 1,
          firstGroup: 0,
          groupCount: 1,
          uiHint: 1,
          midi1: 2,
          midiCiVersion: 1,
          maxSysEx8Streams: 0,
        },
        {
          number: 1,
          name: 'Out',
          active: false,
          direction: 2,
          firstGroup: 8,
          groupCount: 8,
          uiHint: 2,
          midi1: 0,
          midiCiVersion: 2,
          maxSysEx8Streams: 4,
        },
      ],
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
