// The ALSA transport from plain Node, on the built library (dist/engine.js) as a user of it would
// load it, inside the ALSA test guest against the real kernel (scripts/alsa-guest/guest-tests.sh
// runs this file; it cannot run on a machine without the guest's devices). Devices: a MIDI 1.0
// port (snd-virmidi, checked through its rawmidi device file), Midi Through as a kernel UMP client
// (snd-seq-dummy ump=2) and a USB MIDI 2.0 device simulated by the kernel (the configfs gadget on
// dummy_hcd). MIDI Scope's own loopbacks published as sequencer ports are checked with alsa-utils
// (aconnect, aseqdump, aseqsend, aplaymidi) as independent peers.
//
// MIDI_SCOPE_ALSA_MODE says which guest this is: `new` (alsa-lib 1.2.14, kernel with UMP), `noump`
// (alsa-lib 1.2.14, the kernel's own modules without UMP), `old` (alsa-lib 1.2.8, no alsa-utils), `none` (no alsa-lib).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { MidiEndpointDeviceInformation, MidiEndpointDeviceWatcherEvent } from '../../src/engine';
import { engineModulePath, loadEngine } from '../unit/engine/support/engine';
import { waitFor as waitForWithin } from '../unit/engine/support/waitFor';
import { VirtualDevice, parseVirtualDeviceDeclaration } from '../../src/virtualDevice';

type Mode = 'new' | 'noump' | 'old' | 'none';
const mode = (process.env.MIDI_SCOPE_ALSA_MODE ?? 'new') as Mode;
const engine = loadEngine();
const {
  MidiClock,
  MidiEndpointDeviceInformation: Endpoints,
  MidiLoopbackEndpointManager,
  MidiSendMessageResults: R,
  MidiSession,
  MidiTransports,
  describeSendResult,
} = engine;

// What ALSA says of a virtual device's side published as a MIDI 1.0 client (alsa_published_ports.cc).
const MIDI1_CLIENT_NOTE =
  'published as a MIDI 1.0 client (this kernel has no MIDI 2.0 / UMP sequencer): other applications see the port, not its declared UMP endpoint info and function blocks';

// The guest is an emulated CPU (TCG) on a shared machine: conditions get generous deadlines.
const waitFor = (condition: () => boolean, what: string) => waitForWithin(condition, what, 60_000);

function detail(info: MidiEndpointDeviceInformation, key: string): string | undefined {
  return info.details.find(([name]) => name === key)?.[1];
}

function alsaEndpoint(predicate: (info: MidiEndpointDeviceInformation) => boolean) {
  return Endpoints.findAll().find((info) => info.transport === 'alsa' && predicate(info));
}

async function waitForEndpoint(what: string, predicate: (info: MidiEndpointDeviceInformation) => boolean) {
  let found: MidiEndpointDeviceInformation | undefined;
  await waitFor(() => (found = alsaEndpoint(predicate)) !== undefined, what);
  return found!;
}

function shell(command: string): string {
  const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** A child process whose output is collected line-buffered (alsa-utils block-buffer into pipes). */
function collect(t: TestContext, command: string) {
  const child = spawn('sh', ['-c', `exec stdbuf -oL ${command}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  t.after(() => child.kill('SIGKILL'));
  return { text: () => text };
}

function messages(t: TestContext, endpointDeviceId: string) {
  const session = MidiSession.create(`alsa guest test ${endpointDeviceId}`);
  t.after(() => session.close());
  const connection = session.createEndpointConnection(endpointDeviceId);
  const words: number[] = [];
  const timestamps: number[] = [];
  connection.onMessagesReceived((batch) => {
    words.push(...batch.words);
    timestamps.push(...batch.timestamps);
  });
  assert.equal(connection.open(), true, `opening ${endpointDeviceId}`);
  return { connection, words, timestamps };
}

/** The rawmidi device behind a virmidi client ("Virtual Raw MIDI 1-0" is /dev/snd/midiC1D0). */
function rawmidi(t: TestContext, info: MidiEndpointDeviceInformation) {
  const [card, device] = (detail(info, 'client name') ?? '').split(' ').at(-1)!.split('-');
  const fd = openSync(`/dev/snd/midiC${card}D${device}`, constants.O_RDWR | constants.O_NONBLOCK);
  t.after(() => closeSync(fd));
  const bytes: number[] = [];
  const poll = () => {
    const buffer = Buffer.alloc(4096);
    try {
      const n = readSync(fd, buffer);
      bytes.push(...buffer.subarray(0, n));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    return bytes;
  };
  poll(); // the kernel starts the input stream on the first read
  return { write: (data: number[]) => writeSync(fd, Buffer.from(data)), poll };
}

/**
 * MIDI Scope's published endpoints as `aconnect -l` lists them: each is a client named after the
 * endpoint, with one port of the same name. Endpoint name -> "client:port".
 */
function publishedPorts(): Map<string, string> {
  const ports = new Map<string, string>();
  let client: { number: string; name: string } | undefined;
  for (const line of shell('aconnect -l').split('\n')) {
    const clientLine = /^client (\d+): '([^']*)'/.exec(line);
    if (clientLine) {
      client = { number: clientLine[1], name: clientLine[2] };
      continue;
    }
    const portLine = /^\s+(\d+) '([^']*)'/.exec(line);
    if (client !== undefined && portLine && portLine[2].trim() === client.name) {
      ports.set(client.name, `${client.number}:${portLine[1]}`);
    }
  }
  return ports;
}

/** The kernel's lines for the client called `name` in /proc/asound/seq/clients ('' if none). */
function procClient(name: string): string {
  const all = shell('cat /proc/asound/seq/clients');
  const at = all.indexOf(` : "${name}" [`);
  if (at < 0) return '';
  const end = all.indexOf('\nClient ', at);
  return all.slice(at, end < 0 ? undefined : end);
}

/**
 * The ALSA endpoint of the client called `clientName` as another process's engine lists it (its
 * own ALSA transport: a separate sequencer client reading the UMP endpoint and block info).
 */
function otherProcessSees(clientName: string): MidiEndpointDeviceInformation {
  const script = `
    const e = require(${JSON.stringify(engineModulePath())});
    const name = ${JSON.stringify(clientName)};
    const deadline = Date.now() + 60000;
    const look = () => {
      const found = e.MidiEndpointDeviceInformation.findAll().find((info) =>
        info.transport === 'alsa' && info.details.some(([k, v]) => k === 'client name' && v === name));
      if (found) { console.log(JSON.stringify(found)); process.exit(0); }
      if (Date.now() > deadline) { console.error('not listed: ' + name); process.exit(1); }
      setTimeout(look, 50);
    };
    look();`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, `the other process: ${result.stderr}`);
  return JSON.parse(result.stdout) as MidiEndpointDeviceInformation;
}

function createPair(t: TestContext, tag: string) {
  const created = MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({
    associationId: `alsa-${tag}`,
    endpointA: { name: `Scope ${tag} A`, uniqueId: `alsa-${tag}-a` },
    endpointB: { name: `Scope ${tag} B`, uniqueId: `alsa-${tag}-b` },
  });
  assert.equal(created.success, true, created.errorInformation);
  t.after(() => MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints(`alsa-${tag}`));
  return created;
}

/** A format 0 Standard MIDI File: note on 60 velocity 100, note off 10 ticks later. */
function noteFile(): string {
  const track = [0x00, 0x90, 0x3c, 0x64, 0x0a, 0x80, 0x3c, 0x00, 0x00, 0xff, 0x2f, 0x00];
  const file = Buffer.from([
    ...Buffer.from('MThd'),
    0,
    0,
    0,
    6,
    0,
    0,
    0,
    1,
    0,
    96,
    ...Buffer.from('MTrk'),
    0,
    0,
    0,
    track.length,
    ...track,
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'alsa-guest-')), 'note.mid');
  writeFileSync(path, file);
  return path;
}

// --- what the transport says about this system

if (mode === 'new') {
  void test('the ALSA transport is available with MIDI 1.0 and UMP', () => {
    const alsa = MidiTransports.list().find((summary) => summary.id === 'alsa');
    assert.equal(alsa?.available, true);
    assert.match(alsa.message, /^alsa-lib 1\.2\.14, kernel 6\.12\.\S+: MIDI 1\.0 and UMP$/);
  });
}

if (mode === 'noump') {
  void test('alsa-lib >= 1.2.10 on a kernel without UMP: MIDI 1.0, and the tree says the kernel lacks UMP', async () => {
    const alsa = MidiTransports.list().find((summary) => summary.id === 'alsa');
    assert.equal(alsa?.available, true);
    assert.match(
      alsa.message,
      /^alsa-lib 1\.2\.14, kernel 6\.12\.\S+: MIDI 1\.0 only \(this kernel was built without CONFIG_SND_SEQ_UMP\)$/,
    );
    // Midi Through (snd-seq-dummy, no ump= on this kernel) is a MIDI 1.0 port here.
    const through = await waitForEndpoint('Midi Through', (info) => detail(info, 'client') === '14');
    assert.equal(through.protocol, 'midi1');
    assert.equal(detail(through, 'MIDI'), 'MIDI 1.0');
  });
}

if (mode === 'old') {
  void test('alsa-lib 1.2.8: MIDI 1.0 only, with the version found', () => {
    const alsa = MidiTransports.list().find((summary) => summary.id === 'alsa');
    assert.equal(alsa?.available, true);
    assert.equal(alsa.message, 'alsa-lib 1.2.8: MIDI 1.0 only (UMP needs alsa-lib >= 1.2.10)');
  });
}

if (mode === 'none') {
  void test('without alsa-lib the ALSA transport says so, lists nothing, and loopbacks still work', async (t) => {
    const alsa = MidiTransports.list().find((summary) => summary.id === 'alsa');
    assert.equal(alsa?.available, false);
    assert.match(alsa.message, /^alsa-lib \(libasound\.so\.2\) is not installed/);
    assert.equal(
      alsaEndpoint(() => true),
      undefined,
    );
    const pair = createPair(t, 'nolib');
    const b = messages(t, pair.endpointDeviceIdB);
    const a = messages(t, pair.endpointDeviceIdA);
    assert.equal(a.connection.sendSingleMessageWords(0, 0x2090_3c64), R.succeeded);
    await waitFor(() => b.words.length === 1, 'the note on at B');
  });
}

// --- a MIDI 1.0 device: every alsa-lib

if (mode !== 'none')
  void test('a MIDI 1.0 port (virmidi) is listed, opened, sent and scheduled to, and received from', async (t) => {
    const virmidi = await waitForEndpoint(
      'Virtual Raw MIDI 0-0',
      (info) => detail(info, 'client name') === 'Virtual Raw MIDI 0-0',
    );
    assert.equal(virmidi.protocol, 'midi1');
    assert.equal(detail(virmidi, 'MIDI'), 'MIDI 1.0');
    const device = rawmidi(t, virmidi);
    const { connection, words, timestamps } = messages(t, virmidi.endpointDeviceId);

    // Sent now: a MIDI 1.0 note on, and a MIDI 2.0 note on scaled down to MIDI 1.0 (velocity 0x8000 -> 64).
    assert.equal(connection.sendSingleMessageWords(0, 0x2091_3c64), R.succeeded);
    assert.equal(connection.sendSingleMessageWords(0, 0x4092_3e00, 0x8000_0000), R.succeeded);
    await waitFor(() => device.poll().length >= 6, 'six bytes at the device');
    assert.deepEqual(device.poll().splice(0), [0x91, 0x3c, 0x64, 0x92, 0x3e, 0x40]);

    // Scheduled: it reaches the device no earlier than its timestamp.
    const due = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 300);
    assert.equal(connection.sendSingleMessageWords(due, 0x2081_3c00), R.succeeded);
    await waitFor(() => device.poll().length >= 3, 'the scheduled note off at the device');
    assert.ok(MidiClock.now() >= due, 'not before its time');
    assert.deepEqual(device.poll().splice(0), [0x81, 0x3c, 0x00]);

    // Received: bytes the device sends arrive as UMP type 2 and 1, stamped by the engine's clock.
    const before = MidiClock.now();
    device.write([0x93, 0x3c, 0x64, 0xf8]);
    await waitFor(() => words.length >= 2, 'two messages from the device');
    assert.deepEqual(words, [0x2093_3c64, 0x10f8_0000]);
    assert.ok(timestamps[0] >= before && timestamps[0] <= MidiClock.now());
  });

// --- UMP devices: kernel UMP only

if (mode === 'new') {
  void test('a USB MIDI 2.0 device is listed with its function blocks; UMP goes both ways, sent and scheduled', async (t) => {
    shell('sh scripts/alsa-guest/gadget.sh create && sh scripts/alsa-guest/gadget.sh plug');
    t.after(() => spawnSync('sh', ['scripts/alsa-guest/gadget.sh', 'unplug']));
    // Two clients carry the endpoint's name: the USB device snd-usb-audio enumerated (card with a
    // usbid) and the gadget's own client playing the device's firmware.
    const isUsb = (info: MidiEndpointDeviceInformation) =>
      spawnSync('test', ['-e', `/proc/asound/card${detail(info, 'card')}/usbid`]).status === 0;
    const withBlocks = (usb: boolean) => (info: MidiEndpointDeviceInformation) =>
      detail(info, 'client name') === 'Test MIDI2 EP' &&
      detail(info, 'port') === '0' &&
      info.functionBlocks.length > 0 &&
      isUsb(info) === usb;
    const usb = await waitForEndpoint('the USB MIDI 2.0 device', withBlocks(true));
    const firmware = await waitForEndpoint("the gadget's own side", withBlocks(false));
    assert.equal(usb.protocol, 'midi2');
    assert.equal(usb.umpEndpoint?.functionBlockCount, 1);
    assert.deepEqual(
      usb.functionBlocks.map(({ name, active, firstGroup, groupCount }) => ({
        name,
        active,
        firstGroup,
        groupCount,
      })),
      [{ name: 'Main FB', active: true, firstGroup: 0, groupCount: 2 }],
    );

    const host = messages(t, usb.endpointDeviceId);
    const device = messages(t, firmware.endpointDeviceId);
    assert.equal(host.connection.sendSingleMessageWords(0, 0x4090_3c00, 0xc000_0000), R.succeeded);
    await waitFor(() => device.words.length >= 2, 'the note on at the device');
    assert.deepEqual(device.words.splice(0), [0x4090_3c00, 0xc000_0000]);

    const due = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 300);
    assert.equal(host.connection.sendSingleMessageWords(due, 0x4080_3c00, 0x0000_0000), R.succeeded);
    await waitFor(() => device.words.length >= 2, 'the scheduled note off at the device');
    assert.ok(device.timestamps.at(-1)! >= due, 'not before its time');
    assert.deepEqual(device.words.splice(0), [0x4080_3c00, 0x0000_0000]);

    assert.equal(device.connection.sendSingleMessageWords(0, 0x41b1_0700, 0x1234_5678), R.succeeded);
    await waitFor(() => host.words.length >= 2, 'the control change at the host');
    assert.deepEqual(host.words, [0x41b1_0700, 0x1234_5678]);
  });

  void test('Midi Through as a kernel UMP client: UMP from aseqsend arrives unchanged', async (t) => {
    const through = await waitForEndpoint(
      'Midi Through',
      (info) => detail(info, 'client') === '14' && detail(info, 'port') === '0',
    );
    assert.equal(through.protocol, 'midi2');
    const { words } = messages(t, through.endpointDeviceId);
    shell("aseqsend -u 2 -p 14:0 '40913C00 C0000000'");
    await waitFor(() => words.length >= 2, 'the note on');
    assert.deepEqual(words, [0x4091_3c00, 0xc000_0000]);
  });
}

// --- MIDI Scope's loopbacks as sequencer ports (needs alsa-utils: not in the old guest)

if (mode === 'new' || mode === 'noump') {
  void test('loopbacks and the diagnostics pair are clients of their own that aconnect lists, and go with their pair', (t) => {
    assert.ok(publishedPorts().has('Diagnostics Loopback A'), shell('aconnect -l'));
    assert.ok(publishedPorts().has('Diagnostics Loopback B'));
    createPair(t, 'listed');
    assert.ok(publishedPorts().has('Scope listed A'), shell('aconnect -l'));
    assert.ok(publishedPorts().has('Scope listed B'));
    // The kernel's view: a UMP MIDI 2.0 client with its endpoint info and one block over all
    // groups where the kernel has UMP; a MIDI 1.0 ("Legacy") client where it has not.
    const proc = procClient('Scope listed A');
    if (mode === 'new') {
      assert.match(proc, /\[User UMP MIDI2\]/);
      assert.match(proc, /UMP Endpoint: "Scope listed A"/);
      assert.match(proc, /UMP Block 0: "Scope listed A" \[Active\]\n\s+Groups: 1-16/);
    } else {
      assert.match(proc, /\[User Legacy\]/);
      assert.doesNotMatch(proc, /UMP Endpoint/);
    }
    // Our own clients are not listed back to us as ALSA endpoints.
    for (const name of ['Scope listed A', 'Diagnostics Loopback A']) {
      assert.equal(
        alsaEndpoint((info) => detail(info, 'client name') === name),
        undefined,
      );
    }
    assert.equal(MidiLoopbackEndpointManager.removeTransientLoopbackEndpoints('alsa-listed'), true);
    assert.equal(publishedPorts().has('Scope listed A'), false, shell('aconnect -l'));
  });

  if (mode === 'new') {
    void test("a virtual device's side shows its declared endpoint info and blocks to other ALSA clients, not the default block", (t) => {
      const declaration = parseVirtualDeviceDeclaration({
        endpointName: 'ALSA Virtual Synth',
        productInstanceId: 'AVS-0001',
        protocols: { midi1: false, midi2: true },
        staticFunctionBlocks: false,
        functionBlocks: [
          { name: 'Keys', firstGroup: 0, groupCount: 2, direction: 'bidirectional' },
          { name: 'Pads', firstGroup: 4, groupCount: 1, direction: 'output', active: false },
        ],
      });
      const device = VirtualDevice.create(engine, declaration);
      t.after(() => device.close());
      // The kernel's view of the client named after the device: the declared blocks only.
      const proc = procClient('ALSA Virtual Synth');
      assert.match(proc, /\[User UMP MIDI2\]/);
      assert.match(proc, /UMP Endpoint: "ALSA Virtual Synth"/);
      assert.match(proc, /UMP Block 0: "Keys" \[Active\]\n\s+Groups: 1-2\n/);
      assert.match(proc, /UMP Block 1: "Pads" \[Inactive\]\n\s+Groups: 5-5\n/);
      assert.doesNotMatch(proc, /UMP Block 2|Groups: 1-16/);
      // Another ALSA client's view: another process's engine lists the client as an ALSA
      // endpoint, reading snd_seq_get_ump_endpoint_info / snd_seq_get_ump_block_info.
      const seen = otherProcessSees('ALSA Virtual Synth');
      assert.equal(seen.umpEndpoint?.productInstanceId, 'AVS-0001');
      assert.equal(seen.umpEndpoint?.functionBlockCount, 2);
      assert.equal(seen.umpEndpoint?.supportsMidi1, false);
      assert.equal(seen.umpEndpoint?.staticFunctionBlocks, false);
      assert.deepEqual(
        seen.functionBlocks.map((b) => [b.name, b.active, b.firstGroup, b.groupCount, b.direction]),
        [
          ['Keys', true, 0, 2, 3],
          ['Pads', false, 4, 1, 2],
        ],
      );
      // The engine's own list says the same of the side.
      const listed = Endpoints.findAll().find((info) => info.endpointDeviceId === device.endpointDeviceId);
      assert.deepEqual(
        listed?.functionBlocks.map((b) => b.name),
        ['Keys', 'Pads'],
      );
      // The declaration changes (same name): the same client shows the new blocks.
      device.redeclare(
        parseVirtualDeviceDeclaration({
          ...declaration,
          functionBlocks: [{ name: 'Strings', firstGroup: 2, groupCount: 2, direction: 'input' }],
        }),
      );
      const after = procClient('ALSA Virtual Synth');
      assert.match(after, /UMP Block 0: "Strings" \[Active\]\n\s+Groups: 3-4\n/);
      assert.doesNotMatch(after, /UMP Block 1/);
      assert.deepEqual(
        otherProcessSees('ALSA Virtual Synth').functionBlocks.map((b) => [b.name, b.direction]),
        [['Strings', 1]],
      );
    });
  }

  void test('publishing off (midiScope.alsa.publishLoopbacks) removes our ports; on brings them back', (t) => {
    createPair(t, 'hidden');
    assert.ok(publishedPorts().has('Scope hidden A'), shell('aconnect -l'));
    t.after(() => MidiTransports.setPublishing(true));
    MidiTransports.setPublishing(false);
    assert.equal(MidiTransports.isPublishing(), false);
    const off = publishedPorts();
    assert.equal(off.has('Scope hidden A'), false, shell('aconnect -l'));
    assert.equal(off.has('Diagnostics Loopback A'), false, shell('aconnect -l'));
    MidiTransports.setPublishing(true);
    const on = publishedPorts();
    assert.ok(on.has('Scope hidden A') && on.has('Scope hidden B'), shell('aconnect -l'));
    assert.ok(on.has('Diagnostics Loopback A'), shell('aconnect -l'));
  });

  void test('aseqdump subscribed to side A receives what is sent out on side B', async (t) => {
    const pair = createPair(t, 'dump');
    const portA = publishedPorts().get('Scope dump A')!;
    const dump = collect(t, `aseqdump -p ${portA}`);
    await waitFor(() => dump.text().includes('Waiting for data'), 'aseqdump to start');
    const b = messages(t, pair.endpointDeviceIdB);
    assert.equal(b.connection.sendSingleMessageWords(0, 0x2090_3c64), R.succeeded);
    // Scheduled as well: it reaches the other application at its time.
    const due = MidiClock.offsetTimestampByMilliseconds(MidiClock.now(), 200);
    assert.equal(b.connection.sendSingleMessageWords(due, 0x2080_3c00), R.succeeded);
    await waitFor(
      () => /Note off\s+0, note 60/.test(dump.text()),
      `the note off in aseqdump:\n${dump.text()}`,
    );
    assert.match(dump.text(), /Note on\s+0, note 60, velocity 100/);
  });

  void test('what aseqsend and aplaymidi send to side A arrives in on side B', async (t) => {
    const pair = createPair(t, 'send');
    const portA = publishedPorts().get('Scope send A')!;
    const b = messages(t, pair.endpointDeviceIdB);
    // MIDI 1.0 bytes from a MIDI 1.0 application. On the UMP client the kernel hands them over as
    // MIDI 2.0 channel voice (our client speaks MIDI 2.0); on the MIDI 1.0 client as type 2.
    shell(`aseqsend -p ${portA} 90 3C 64`);
    await waitFor(() => b.words.length >= (mode === 'new' ? 2 : 1), 'the note on at B');
    if (mode === 'new') {
      assert.equal((b.words[0] & 0xffffff00) >>> 0, 0x4090_3c00);
      assert.ok(b.words[1] >>> 16 > 0, 'a velocity');
    } else {
      assert.deepEqual(b.words, [0x2090_3c64]);
    }
    b.words.splice(0);
    shell(`aplaymidi -p ${portA} ${noteFile()}`);
    await waitFor(() => b.words.length >= (mode === 'new' ? 4 : 2), 'the file played to B');
    // Note on, then note off: the status nibble of each message's first word.
    const firsts = mode === 'new' ? [b.words[0], b.words[2]] : b.words;
    assert.deepEqual(
      firsts.map((word) => (word >>> 20) & 0xf),
      [0x9, 0x8],
    );
    if (mode === 'new') {
      // UMP from a UMP application arrives unchanged.
      b.words.splice(0);
      shell(`aseqsend -u 2 -p ${portA} '40953C00 12340000'`);
      await waitFor(() => b.words.length >= 2, 'the UMP note on at B');
      assert.deepEqual(b.words, [0x4095_3c00, 0x1234_0000]);
    }
  });
}

// --- a destination that never reads (needs alsa-utils)

if (mode === 'new' || mode === 'noump') {
  void test('a send to an application that never reads fails as destinationFull, with the counts of what went', async (t) => {
    const child = spawn('sh', ['-c', 'exec stdbuf -oL aseqdump'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    t.after(() => child.kill('SIGKILL'));
    await waitFor(() => text.includes('Waiting for data'), 'aseqdump to start');
    const peer = await waitForEndpoint('aseqdump', (info) => detail(info, 'client name') === 'aseqdump');
    const { connection } = messages(t, peer.endpointDeviceId);
    child.kill('SIGSTOP');
    const notes = new Array<number>(20_000).fill(0x2090_3c40);
    const sent = connection.sendMultipleMessagesWordList(0, notes);
    assert.deepEqual(describeSendResult(sent), [
      'failed',
      'destinationFull',
      'messageListPartiallyProcessed',
    ]);
    assert.ok(sent.messagesSent > 0 && sent.messagesSent < notes.length, `messagesSent ${sent.messagesSent}`);
    assert.equal(sent.wordsSent, sent.messagesSent);
    // It reads again: its read says the input overflowed and the kernel discards what was
    // queued for it; once that happened a send goes through, and only that one arrives.
    child.kill('SIGCONT');
    let again = connection.sendSingleMessageWords(0, 0x2090_3c40);
    await waitFor(() => {
      assert.ok(
        again === R.succeeded || again === (R.failed | R.destinationFull) >>> 0,
        describeSendResult(again).join(', '),
      );
      if (again === R.succeeded) return true;
      again = connection.sendSingleMessageWords(0, 0x2090_3c40);
      return false;
    }, 'a send that goes through once aseqdump reads again');
    const printed = () => text.split('Note on').length - 1;
    await waitFor(() => printed() === 1, `one note on in aseqdump:\n${text}`);
  });
}

// --- the old alsa-lib has no alsa-utils: another MIDI Scope process is the other application

if (mode === 'old') {
  void test("a loopback published on alsa-lib 1.2.8 (MIDI 1.0 client) is used by another process's ALSA endpoint", async (t) => {
    // The other process publishes a pair and prints what arrives at its side B.
    const script = `
      const e = require(${JSON.stringify(engineModulePath())});
      const pair = e.MidiLoopbackEndpointManager.createTransientLoopbackEndpoints({ associationId: 'other',
        endpointA: { name: 'Other A', uniqueId: 'other-a' }, endpointB: { name: 'Other B', uniqueId: 'other-b' } });
      const b = e.MidiSession.create('other').createEndpointConnection(pair.endpointDeviceIdB);
      b.onMessagesReceived((batch) => console.log('B got ' + [...batch.words].map((w) => w.toString(16)).join(' ')));
      b.open();
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => child.kill('SIGKILL'));
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await waitFor(() => text.includes('ready'), 'the other process');
    const otherA = await waitForEndpoint(
      "the other process's side A",
      (info) => detail(info, 'port name') === 'Other A',
    );
    assert.equal(otherA.protocol, 'midi1');
    assert.equal(detail(otherA, 'client name'), 'Other A');
    const { connection } = messages(t, otherA.endpointDeviceId);
    assert.equal(connection.sendSingleMessageWords(0, 0x2090_3c64), R.succeeded);
    await waitFor(() => text.includes('B got 20903c64'), `the note on at the other process's B:\n${text}`);
  });
}

// --- what cannot be published is reported (issue #11): every alsa-lib

if (mode !== 'none') {
  void test('an endpoint the kernel has no sequencer client left for is reported as not published, until a republish shows it', async (t) => {
    const events: MidiEndpointDeviceWatcherEvent[] = [];
    const watcher = Endpoints.createWatcher();
    t.after(() => watcher.dispose());
    watcher.onChanged((batch) => events.push(...batch));
    // Every sequencer client slot taken: each open of /dev/snd/seq is a client, and the kernel
    // has 64 for applications (seq_clientmgr.c), so snd_seq_open then fails with ENOMEM.
    const held: number[] = [];
    const release = () => {
      while (held.length > 0) closeSync(held.pop()!);
    };
    t.after(release);
    let refusal: NodeJS.ErrnoException | undefined;
    while (refusal === undefined && held.length < 256) {
      try {
        held.push(openSync('/dev/snd/seq', constants.O_RDWR));
      } catch (error) {
        refusal = error as NodeJS.ErrnoException;
      }
    }
    assert.equal(refusal?.code, 'ENOMEM', `after ${held.length} more clients: ${String(refusal)}`);

    const declaration = parseVirtualDeviceDeclaration({
      endpointName: 'Crowded Synth',
      productInstanceId: 'CROWD-0001',
      functionBlocks: [{ name: 'Keys', firstGroup: 0, groupCount: 1, direction: 'bidirectional' }],
    });
    const device = VirtualDevice.create(engine, declaration);
    t.after(() => device.close());
    const refused = {
      transport: 'alsa',
      problem: 'not published: snd_seq_open: Cannot allocate memory',
      note: false,
    };
    const problemsOf = (id: string) => Endpoints.find(id)?.publicationProblems;
    // Both sides: listed with the problem, announced with it, and not there for other applications.
    assert.deepEqual(problemsOf(device.endpointDeviceId), [refused]);
    assert.deepEqual(problemsOf(device.deviceSideEndpointDeviceId), [refused]);
    // Waits for an event of the device's own side whose first problem is, or is not, the refusal.
    const eventOfDevice = (change: string, refusedProblem: boolean, what: string) =>
      waitFor(
        () =>
          events.some(
            (e) =>
              e.change === change &&
              e.endpoint.endpointDeviceId === device.endpointDeviceId &&
              (e.endpoint.publicationProblems?.[0]?.problem === refused.problem) === refusedProblem,
          ),
        what,
      );
    await eventOfDevice('added', true, 'the added event carrying the problem');
    assert.equal(procClient('Crowded Synth'), '');
    // Counted where the transport is shown.
    assert.match(
      MidiTransports.list().find((summary) => summary.id === 'alsa')?.message ?? '',
      /; 2 own endpoints not fully published \(\d+ failed publications since start\)$/,
    );
    // Endpoints that were published before are unaffected.
    const diagnosticsA = Endpoints.find('midiscope://diagnostics/loopback-a');
    assert.ok(diagnosticsA, 'the diagnostics pair is listed');
    assert.equal(diagnosticsA.publicationProblems, undefined);

    // Clients free again; the device's declaration is edited (a republish): its side is published
    // now and the problem goes, in an updated event. Where the client is a MIDI 1.0 client
    // (no kernel UMP, or alsa-lib 1.2.8) a note says the declared endpoint info is not shown.
    release();
    events.length = 0;
    device.redeclare(parseVirtualDeviceDeclaration({ ...declaration, productInstanceId: 'CROWD-0002' }));
    const expected =
      mode === 'new' ? undefined : [{ transport: 'alsa', problem: MIDI1_CLIENT_NOTE, note: true }];
    assert.deepEqual(problemsOf(device.endpointDeviceId), expected);
    assert.notEqual(procClient('Crowded Synth'), '', shell('cat /proc/asound/seq/clients'));
    await eventOfDevice('updated', false, 'the updated event without the problem');
    // The device side was not republished: still reported, and counted.
    assert.deepEqual(problemsOf(device.deviceSideEndpointDeviceId), [refused]);
    assert.match(
      MidiTransports.list().find((summary) => summary.id === 'alsa')?.message ?? '',
      /; 1 own endpoint not fully published/,
    );
  });
}

if (mode === 'noump' || mode === 'old') {
  void test("a virtual device's side published as a MIDI 1.0 client carries a note that its declared endpoint info is not shown", (t) => {
    const device = VirtualDevice.create(
      engine,
      parseVirtualDeviceDeclaration({ endpointName: 'Legacy Synth', productInstanceId: 'LEGACY-0001' }),
    );
    t.after(() => device.close());
    assert.match(procClient('Legacy Synth'), /\[User Legacy\]/);
    assert.deepEqual(Endpoints.find(device.endpointDeviceId)?.publicationProblems, [
      { transport: 'alsa', problem: MIDI1_CLIENT_NOTE, note: true },
    ]);
    // Its device side declares nothing: nothing to say.
    assert.equal(Endpoints.find(device.deviceSideEndpointDeviceId)?.publicationProblems, undefined);
    // A note is not a failure: the transport counts none.
    assert.doesNotMatch(
      MidiTransports.list().find((s) => s.id === 'alsa')?.message ?? '',
      /not fully published/,
    );
  });
}
