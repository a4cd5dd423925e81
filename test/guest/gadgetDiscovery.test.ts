// Inside the ALSA test guest only (scripts/alsa-guest/guest-node-tests.sh runs it): Discover
// Endpoint against the Linux kernel's USB MIDI 2.0 gadget (usb_f_midi2 on dummy_hcd, enumerated by
// snd-usb-audio). The device side is the kernel's own code answering from its configfs settings, an
// implementation that is not ours; the test checks that what our discovery reads back is what was
// configured there: endpoint info, device identity, names, product instance id, function blocks
// and the stream configuration, and that protocol negotiation is answered.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { discoverEndpoint, type DiscoveryResult, type ProtocolPreference } from '../../src/discovery';
import type { MidiEndpointDeviceInformation } from '../../src/engine';
import { loadEngine } from '../unit/engine/support/engine';
import { waitFor } from '../unit/engine/support/waitFor';

const GADGET = '/sys/kernel/config/usb_gadget/midiscope';
const FUNCTION = `${GADGET}/functions/midi2.discovery`;
const ENDPOINT_NAME = 'Scope Gadget EP';

/** What is written into configfs; the expectations below are derived from it. */
const configured = {
  productId: 'MS-GADGET-7',
  // The kernel packs these integers into the Device Identity Notification as they are.
  manufacturer: 0x7d0000, // a one-byte SysEx id (0x7D) in the first byte
  family: 0x0012,
  model: 0x0034,
  swRevision: 0x01020304,
  blocks: [
    { name: 'Keys', firstGroup: 0, groups: 2, direction: 3, uiHint: 3, midiCiVersion: 1, isMidi1: 0 },
    {
      name: 'Legacy DIN Out with a long name',
      firstGroup: 2,
      groups: 1,
      direction: 2,
      uiHint: 2,
      midiCiVersion: 0,
      isMidi1: 1,
    },
  ],
};

function write(path: string, value: string | number): void {
  try {
    writeFileSync(path, `${value}\n`);
  } catch (error) {
    throw new Error(`writing ${String(value)} to ${path}: ${(error as Error).message}`);
  }
}

function shell(command: string): void {
  execFileSync('sh', ['-c', command], { stdio: 'inherit' });
}

function createGadget(): void {
  shell(
    'modprobe configfs; mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config; ' +
      'modprobe dummy_hcd && modprobe libcomposite && modprobe usb_f_midi2 && ' +
      'modprobe snd-usb-audio midi2_enable=1 && modprobe snd-seq-ump-client',
  );
  mkdirSync(GADGET);
  write(`${GADGET}/idVendor`, '0x1d6b');
  write(`${GADGET}/idProduct`, '0x0104');
  mkdirSync(`${GADGET}/strings/0x409`, { recursive: true });
  write(`${GADGET}/strings/0x409/product`, 'MIDI Scope discovery gadget');
  mkdirSync(`${GADGET}/configs/c.1`, { recursive: true });
  mkdirSync(FUNCTION);
  const ep = `${FUNCTION}/ep.0`;
  write(`${ep}/ep_name`, ENDPOINT_NAME);
  write(`${ep}/product_id`, configured.productId);
  write(`${ep}/manufacturer`, `0x${configured.manufacturer.toString(16)}`);
  write(`${ep}/family`, `0x${configured.family.toString(16)}`);
  write(`${ep}/model`, `0x${configured.model.toString(16)}`);
  write(`${ep}/sw_revision`, `0x${configured.swRevision.toString(16)}`);
  write(`${ep}/protocol_caps`, 3); // MIDI 1.0 and MIDI 2.0
  write(`${ep}/protocol`, 2);
  configured.blocks.forEach((block, index) => {
    const dir = `${ep}/block.${index}`;
    if (!existsSync(dir)) mkdirSync(dir);
    write(`${dir}/name`, block.name);
    write(`${dir}/first_group`, block.firstGroup);
    write(`${dir}/num_groups`, block.groups);
    write(`${dir}/direction`, block.direction);
    write(`${dir}/ui_hint`, block.uiHint);
    write(`${dir}/midi_ci_version`, block.midiCiVersion);
    write(`${dir}/is_midi1`, block.isMidi1);
    if (block.isMidi1) {
      write(`${dir}/midi1_first_group`, block.firstGroup);
      write(`${dir}/midi1_num_groups`, block.groups);
    }
  });
  symlinkSync(FUNCTION, `${GADGET}/configs/c.1/midi2.discovery`);
  write(`${GADGET}/UDC`, readdirSync('/sys/class/udc')[0] ?? '');
}

const inGuest = process.env.MIDI_SCOPE_IN_GUEST === '1';
if (!inGuest)
  throw new Error('gadgetDiscovery.test runs only inside the ALSA guest (scripts/alsa-guest/run.sh)');

const engine = loadEngine();
const session = engine.MidiSession.create('gadget discovery');

/** The USB side: the ALSA client snd-usb-audio made for the enumerated gadget (its card has a usbid). */
function usbEndpoint(): MidiEndpointDeviceInformation | undefined {
  return engine.MidiEndpointDeviceInformation.findAll().find((e) => {
    const detail = (key: string) => e.details.find(([k]) => k === key)?.[1];
    const card = detail('card');
    return (
      e.transport === 'alsa' &&
      detail('client name') === ENDPOINT_NAME &&
      detail('port') === '0' &&
      card !== undefined &&
      existsSync(`/proc/asound/card${card}/usbid`)
    );
  });
}

let result: DiscoveryResult;
let endpoint: MidiEndpointDeviceInformation;

before(async () => {
  createGadget();
  await waitFor(() => usbEndpoint() !== undefined, 'the USB MIDI 2.0 gadget as an ALSA endpoint', 60_000);
  endpoint = usbEndpoint()!;
  result = await discover(false);
});

async function discover(negotiate: ProtocolPreference | false): Promise<DiscoveryResult> {
  const run = discoverEndpoint(session, endpoint.endpointDeviceId, {
    timeoutMs: 20_000,
    settleMs: 1_000,
    negotiate,
  });
  try {
    return await run.discovery.finished();
  } finally {
    run.dispose();
  }
}

after(() => {
  session.close();
  // Unplug, so that the UDC is free for whatever runs next in this guest.
  if (existsSync(`${GADGET}/UDC`) && readFileSync(`${GADGET}/UDC`, 'utf8').trim() !== '')
    write(`${GADGET}/UDC`, '');
});

void describe('Discover Endpoint against the kernel USB MIDI 2.0 gadget (f_midi2)', () => {
  void it('completes with everything the gadget declares and no problem', () => {
    assert.equal(result.state, 'complete', `missing: ${result.missing.join('; ')}`);
    assert.deepEqual(result.missing, []);
    assert.deepEqual(result.problems, []);
  });

  void it('reads the endpoint info as configured: UMP 1.1, both protocols, two blocks', () => {
    const info = result.endpointInfo?.value;
    assert.ok(info);
    assert.equal(info.umpVersionMajor, 1);
    assert.equal(info.umpVersionMinor, 1);
    assert.equal(info.functionBlockCount, configured.blocks.length);
    assert.equal(info.supportsMidi1Protocol, true);
    assert.equal(info.supportsMidi2Protocol, true);
  });

  void it('reads the endpoint name, product instance id and device identity', () => {
    assert.equal(result.endpointName?.value, ENDPOINT_NAME);
    assert.equal(result.productInstanceId?.value, configured.productId);
    const identity = result.deviceIdentity?.value;
    assert.ok(identity);
    assert.deepEqual([...identity.manufacturer], [0x7d, 0, 0]);
    assert.equal(identity.family, configured.family);
    assert.equal(identity.model, configured.model);
    assert.deepEqual([...identity.softwareRevision], [1, 2, 3, 4]);
  });

  void it('reads each function block: name, groups, direction, UI hint, MIDI 1.0 mode, MIDI-CI version', () => {
    assert.equal(result.functionBlocks.size, configured.blocks.length);
    configured.blocks.forEach((block, index) => {
      const found = result.functionBlocks.get(index);
      assert.equal(found?.name?.value, block.name, `block ${index} name`);
      const info = found?.info?.value;
      assert.ok(info, `block ${index} info`);
      assert.equal(info.firstGroup, block.firstGroup);
      assert.equal(info.groupCount, block.groups);
      assert.equal(info.direction, block.direction);
      assert.equal(info.uiHint, block.uiHint);
      assert.equal(info.midiCiVersion, block.midiCiVersion);
      assert.equal(info.midi1, block.isMidi1);
      assert.equal(info.active, true);
    });
  });

  void it('reads the stream configuration as configured (MIDI 2.0, no JR timestamps)', () => {
    assert.deepEqual(result.streamConfiguration?.value, {
      protocol: 2,
      receiveJrTimestamps: false,
      transmitJrTimestamps: false,
    });
  });

  void it('negotiates: the gadget switches to MIDI 1.0 and back to MIDI 2.0 when asked', async () => {
    for (const protocol of [1, 2] as const) {
      const negotiated = await discover({ protocol });
      assert.equal(negotiated.state, 'complete', `missing: ${negotiated.missing.join('; ')}`);
      assert.equal(negotiated.negotiation?.requested.protocol, protocol);
      assert.equal(negotiated.negotiation?.answer?.value.protocol, protocol);
      assert.equal(negotiated.negotiation?.accepted, true);
      assert.equal(negotiated.streamConfiguration?.value.protocol, protocol);
      assert.deepEqual(negotiated.problems, []);
    }
  });
});
