// The UMP Stream readers against words written out by hand from the field layouts of M2-104-UM
// v1.1 (the same words the decoder's golden vectors use), and back through the builders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildDeviceIdentityNotification,
  buildEndpointInfoNotification,
  buildFunctionBlockInfoNotification,
  buildStreamConfigurationRequest,
  readDeviceIdentity,
  readEndpointDiscovery,
  readEndpointInfo,
  readFunctionBlockDiscovery,
  readFunctionBlockInfo,
  readStreamConfiguration,
} from '../../../src/ump';

void describe('UMP Stream readers', () => {
  void it('Endpoint Info: static, 3 blocks, both protocols, JR both ways, no reserved bits', () => {
    const info = readEndpointInfo(0xf0010101, 0x83000303);
    assert.deepEqual(info, {
      umpVersionMajor: 1,
      umpVersionMinor: 1,
      staticFunctionBlocks: true,
      functionBlockCount: 3,
      supportsMidi2Protocol: true,
      supportsMidi1Protocol: true,
      receivesJrTimestamps: true,
      transmitsJrTimestamps: true,
      reservedBits: 0,
    });
    const { reservedBits: _r, ...value } = info;
    assert.deepEqual(Array.from(buildEndpointInfoNotification(value)), [0xf0010101, 0x83000303, 0, 0]);
    assert.equal(readEndpointInfo(0xf0010101, 0x83000403).reservedBits, 0x400);
  });

  void it('Device Identity: family and model LSB first', () => {
    const identity = readDeviceIdentity(0x00410000, 0x23025608, 0x01020304);
    assert.deepEqual(identity, {
      manufacturer: [0x41, 0, 0],
      family: 0x0123,
      model: 0x0456,
      softwareRevision: [1, 2, 3, 4],
    });
    assert.deepEqual(
      Array.from(buildDeviceIdentityNotification(identity)),
      [0xf0020000, 0x00410000, 0x23025608, 0x01020304],
    );
  });

  void it('Function Block Info: active block 2, sender, MIDI 1.0 restricted, output, groups 4–7', () => {
    const w0 = 0xf0110000 | 0x8000 | (2 << 8) | (2 << 4) | (2 << 2) | 2;
    const w1 = (4 << 24) | (4 << 16) | (0x02 << 8) | 1;
    const info = readFunctionBlockInfo(w0, w1);
    assert.deepEqual(info, {
      active: true,
      functionBlock: 2,
      uiHint: 2,
      midi1: 2,
      direction: 2,
      firstGroup: 4,
      groupCount: 4,
      midiCiVersion: 2,
      maxSysEx8Streams: 1,
    });
    assert.deepEqual(Array.from(buildFunctionBlockInfoNotification(info)), [w0 >>> 0, w1, 0, 0]);
  });

  void it('Stream Configuration, Endpoint Discovery and Function Block Discovery', () => {
    assert.deepEqual(readStreamConfiguration(0xf0050203), {
      protocol: 2,
      receiveJrTimestamps: true,
      transmitJrTimestamps: true,
    });
    assert.deepEqual(Array.from(buildStreamConfigurationRequest(2, true, true)), [0xf0050203, 0, 0, 0]);
    assert.deepEqual(readEndpointDiscovery(0xf0000101, 0x1f), {
      umpVersionMajor: 1,
      umpVersionMinor: 1,
      filter: 0x1f,
    });
    assert.deepEqual(readFunctionBlockDiscovery(0xf010ff03), { functionBlock: 0xff, filter: 3 });
  });
});
