// Endpoint discovery against a declared device in memory: complete results, what is missing by
// name at the timeout, the inconsistencies it flags, negotiation and later updates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EndpointDiscovery, chooseStreamConfiguration, discoveryResultToJson } from '../../../src/discovery';
import {
  buildEndpointInfoNotification,
  buildFunctionBlockInfoNotification,
  buildStreamConfigurationNotification,
  decodeUmp,
} from '../../../src/ump';
import { declaration, discoverInMemory } from './inMemoryDevice';

const statusOf = (words: Uint32Array) => (words[0] >>> 16) & 0x3ff;

void describe('EndpointDiscovery', () => {
  void it('sends Endpoint Discovery for everything and Function Block Discovery for all blocks', () => {
    const { sent, discovery } = discoverInMemory(declaration(), { timeoutMs: 50 });
    discovery.dispose();
    assert.deepEqual(Array.from(sent[0]), [0xf0000101, 0x1f, 0, 0]);
    assert.deepEqual(Array.from(sent[1]), [0xf010ff03, 0, 0, 0]);
    assert.equal(decodeUmp(sent[1]).name, 'Function Block Discovery');
  });

  void it('completes as soon as everything declared has arrived, long names included', async () => {
    const longName = 'A function block name long enough for several packets ✓';
    const device = declaration({
      functionBlocks: [
        {
          name: longName,
          firstGroup: 2,
          groupCount: 3,
          direction: 'output',
          midi1: 'midi1Restricted',
          uiHint: 'sender',
        },
      ],
    });
    const { discovery } = discoverInMemory(device, { timeoutMs: 10_000, negotiate: false });
    const result = await discovery.finished();
    assert.equal(result.state, 'complete');
    assert.deepEqual(result.missing, []);
    assert.deepEqual(result.problems, []);
    assert.equal(result.endpointName?.value, 'Scope Synth');
    assert.equal(result.productInstanceId?.value, 'SN-0001');
    assert.deepEqual(result.deviceIdentity?.value, {
      manufacturer: [0x7d, 0, 0],
      family: 0x0123,
      model: 0x0456,
      softwareRevision: [1, 2, 3, 4],
    });
    assert.equal(result.endpointInfo?.value.functionBlockCount, 1);
    const block = result.functionBlocks.get(0);
    assert.equal(block?.name?.value, longName);
    assert.equal(block?.name?.packets.length, 5, 'the name came in 5 packets, all kept');
    assert.deepEqual(block?.info?.value, {
      active: true,
      functionBlock: 0,
      uiHint: 2,
      midi1: 2,
      direction: 2,
      firstGroup: 2,
      groupCount: 3,
      midiCiVersion: 2,
      maxSysEx8Streams: 0,
    });
    const json = discoveryResultToJson(result);
    assert.equal(Array.isArray(json.functionBlocks), true);
    assert.doesNotThrow(() => JSON.stringify(json));
  });

  void it('names what is missing at the timeout', async () => {
    const { discovery } = discoverInMemory(
      declaration({}, 4),
      { timeoutMs: 10_000, settleMs: 5, negotiate: false },
      (reply) =>
        // Block 3 never sends its name, and nobody sends the device identity.
        (statusOf(reply) === 0x012 && ((reply[0] >>> 8) & 0x7f) === 3) || statusOf(reply) === 0x002
          ? []
          : [reply],
    );
    const result = await discovery.finished();
    assert.equal(result.state, 'complete', 'required items were there: it settled before the timeout');
    assert.deepEqual(result.missing, [
      'the endpoint sent no Device Identity',
      'function block 3 sent no name',
    ]);
  });

  void it('times out when a declared block sends no info, and says which', async () => {
    const { discovery } = discoverInMemory(
      declaration({}, 3),
      { timeoutMs: 30, negotiate: false },
      (reply) => (statusOf(reply) === 0x011 && ((reply[0] >>> 8) & 0x7f) === 1 ? [] : [reply]),
    );
    const result = await discovery.finished();
    assert.equal(result.state, 'timedOut');
    assert.deepEqual(result.missing, ['function block 1 sent no info']);
  });

  void it('negotiates the protocol the endpoint declared and shows the answer', async () => {
    const device = declaration({ protocols: { midi1: true, midi2: false }, initialProtocol: 1 });
    const { discovery, sent } = discoverInMemory(device, { timeoutMs: 10_000, negotiate: { protocol: 2 } });
    const result = await discovery.finished();
    const request = sent.find((w) => statusOf(w) === 0x005);
    assert.ok(request, 'a Stream Configuration Request went out');
    assert.equal((request[0] >>> 8) & 0xff, 1, 'MIDI 1.0: the endpoint does not declare MIDI 2.0');
    assert.equal(result.negotiation?.accepted, true);
    assert.equal(result.negotiation?.answer?.value.protocol, 1);
  });

  void it('flags an endpoint that answers the negotiation with something else', async () => {
    const { discovery } = discoverInMemory(
      declaration(),
      { timeoutMs: 10_000, negotiate: { protocol: 2 } },
      (reply) =>
        statusOf(reply) === 0x006 ? [buildStreamConfigurationNotification(1, false, false)] : [reply],
    );
    const result = await discovery.finished();
    assert.equal(result.negotiation?.accepted, false);
    assert.match(
      result.problems.map((p) => p.message).join('\n'),
      /asked for MIDI 2\.0, the endpoint answered MIDI 1\.0/,
    );
  });

  void it('chooses the configuration from what the endpoint declared', () => {
    const base = {
      umpVersionMajor: 1,
      umpVersionMinor: 1,
      staticFunctionBlocks: true,
      functionBlockCount: 0,
      supportsMidi1Protocol: true,
      supportsMidi2Protocol: true,
      receivesJrTimestamps: true,
      transmitsJrTimestamps: false,
    };
    assert.deepEqual(chooseStreamConfiguration(base), {
      protocol: 2,
      receiveJrTimestamps: false,
      transmitJrTimestamps: false,
    });
    assert.deepEqual(chooseStreamConfiguration(base, { protocol: 1, jrTimestamps: true }), {
      protocol: 1,
      receiveJrTimestamps: true,
      transmitJrTimestamps: false,
    });
    assert.equal(
      chooseStreamConfiguration({ ...base, supportsMidi1Protocol: false, supportsMidi2Protocol: false }),
      undefined,
    );
  });

  void it('flags blocks outside the groups, more blocks than declared, reserved values and versions', async () => {
    const { discovery } = discoverInMemory(
      declaration({}, 1),
      { timeoutMs: 30, negotiate: false },
      (reply) => {
        if (statusOf(reply) === 0x001) {
          const info = Uint32Array.from(reply);
          info[0] = (info[0] & 0xffff0000) | 0x0102; // UMP 1.2
          return [info];
        }
        if (statusOf(reply) !== 0x011) return [reply];
        const outside = Uint32Array.from(reply);
        outside[1] = (14 << 24) | (4 << 16); // groups 15–18
        const extra = buildFunctionBlockInfoNotification({
          active: true,
          functionBlock: 5,
          uiHint: 0,
          midi1: 0,
          direction: 1,
          firstGroup: 0,
          groupCount: 1,
          midiCiVersion: 0,
          maxSysEx8Streams: 0,
        });
        const reserved = Uint32Array.from(extra);
        reserved[0] = (reserved[0] & 0xffff80f0) | (6 << 8) | 0x0c; // block 6, MIDI 1.0 mode 3, direction 0
        return [outside, extra, reserved];
      },
    );
    const result = await discovery.finished();
    const codes = result.problems.map((p) => p.code).sort();
    assert.deepEqual(codes, [
      'blockNotDeclared',
      'blockNotDeclared',
      'blockOutsideGroups',
      'reservedDirection',
      'reservedMidi1Mode',
      'umpVersion',
    ]);
    assert.ok(
      result.problems.some(
        (p) => p.message === 'function block 0 spans groups 15–18 (1-based); an endpoint has groups 1–16',
      ),
    );
    assert.ok(
      result.problems.some(
        (p) => p.message === 'function block 5 is one more than the 1 the endpoint declared',
      ),
    );
  });

  void it('flags names that are not UTF-8 or are cut short', async () => {
    const { discovery } = discoverInMemory(
      declaration({}, 2),
      { timeoutMs: 40, negotiate: false },
      (reply) => {
        const status = statusOf(reply);
        const block = (reply[0] >>> 8) & 0x7f;
        if (status === 0x012 && block === 0) {
          const bad = Uint32Array.from(reply);
          bad[1] = 0xff41fe42; // bytes FF 'A' FE 'B': not UTF-8
          return [bad];
        }
        // Block 1's name: only its first packet (Start), never an End.
        if (status === 0x012 && block === 1)
          return [Uint32Array.from([(reply[0] & 0xf3ffffff) | 0x04000000, reply[1], reply[2], reply[3]])];
        return [reply];
      },
    );
    const result = await discovery.finished();
    assert.equal(result.state, 'timedOut');
    const messages = result.problems.map((p) => p.message);
    assert.ok(
      messages.includes('the name of function block 0 is not well-formed UTF-8'),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('the name of function block 1 is cut short')),
      messages.join('\n'),
    );
    assert.ok(result.missing.includes('function block 1 sent no name'));
  });

  void it('flags a stream configuration with a reserved protocol', async () => {
    const { discovery } = discoverInMemory(
      declaration({}, 0),
      { timeoutMs: 30, negotiate: false },
      (reply) => {
        if (statusOf(reply) !== 0x006) return [reply];
        const odd = Uint32Array.from(reply);
        odd[0] = (odd[0] & 0xffff00ff) | (0x03 << 8);
        return [odd];
      },
    );
    const result = await discovery.finished();
    assert.ok(
      result.problems.some((p) => p.code === 'streamProtocol' && p.message.includes('protocol 0x03')),
    );
  });

  void it('updates the result from later notifications and flags a static block that changed', async () => {
    const { discovery } = discoverInMemory(declaration(), { timeoutMs: 10_000, negotiate: false });
    await discovery.finished();
    const updates: boolean[] = [];
    discovery.onDidUpdate((result) => updates.push(result.functionBlocks.get(1)?.info?.value.active ?? true));
    discovery.receive(
      buildFunctionBlockInfoNotification({
        active: false,
        functionBlock: 1,
        uiHint: 3,
        midi1: 0,
        direction: 3,
        firstGroup: 1,
        groupCount: 1,
        midiCiVersion: 2,
        maxSysEx8Streams: 0,
      }),
    );
    assert.deepEqual(updates, [false]);
    assert.equal(discovery.result.functionBlocks.get(1)?.info?.value.active, false);
    assert.ok(
      discovery.result.problems.some((p) => p.code === 'staticBlocksChanged' && p.functionBlock === 1),
    );
    discovery.receive(
      buildEndpointInfoNotification({ ...discovery.result.endpointInfo!.value, functionBlockCount: 3 }),
    );
    assert.ok(discovery.result.problems.some((p) => p.message.includes('changed their count from 2 to 3')));
  });

  void it('records a discovery message it could not send', async () => {
    const discovery = new EndpointDiscovery({ send: () => false, timeoutMs: 10 });
    discovery.start();
    const result = await discovery.finished();
    assert.equal(result.state, 'timedOut');
    assert.ok(result.problems.some((p) => p.message === 'could not send Endpoint Discovery to the endpoint'));
    assert.ok(result.missing.includes('the endpoint sent no Endpoint Info'));
  });

  void it('ignores messages that are not UMP Stream and short input', () => {
    const discovery = new EndpointDiscovery({ send: () => true });
    discovery.receive([0x20903c64]);
    discovery.receive([0xf0010101]);
    assert.equal(discovery.result.streamMessageCount, 0);
    discovery.dispose();
  });
});
