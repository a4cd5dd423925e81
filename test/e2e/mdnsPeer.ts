// A Network MIDI 2.0 host that another process runs and Avahi advertises, for the mDNS spec: MIDI
// Scope's host (test/e2e/mdnsPeerHost.ts, which echoes every UMP back to its session) in a Node
// process of its own, and Debian's avahi-daemon publishing it as `_midi2._udp` with
// UMPEndpointName and ProductInstanceId in TXT (avahi-publish-service) — an mDNS implementation
// independent of the bonjour-service the client under test browses with. Either on the spec's lo,
// or in a namespace of its own behind a veth pair, so the client reaches it at another address.
// Only inside the network namespace run-e2e.mjs makes for *.netns.e2e specs: start() refuses to
// run anywhere else. avahi-daemon and its system bus get tmpfs mounts of their own on /run/dbus
// and /run/avahi-daemon, in a private mount table, so the machine's are untouched.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../scripts/harness/waitFor.mjs';
import { projectRoot } from './workbenchWorkspace';

const startTimeoutMs = 20_000;

export interface MdnsPeer {
  /** The address the host listens on: 127.0.0.1, or 10.77.0.2 behind the veth. */
  readonly address: string;
  readonly port: number;
  readonly endpointName: string;
  readonly productInstanceId: string;
  /** The host's JSON event lines so far (session, ump, end, log). */
  events(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * Throws unless this process is in a network and a mount namespace other than those of the
 * run-e2e.mjs that made them (it passes its own in MIDI_SCOPE_E2E_OUTER_NAMESPACES), with only lo.
 */
export function assertOwnNetworkNamespace(): void {
  const interfaces = Object.keys(networkInterfaces());
  const outer = (process.env.MIDI_SCOPE_E2E_OUTER_NAMESPACES ?? '').split(' ');
  const inner = ['net', 'mnt'].map((kind) => readlinkSync(`/proc/self/ns/${kind}`));
  if (
    outer.length !== 2 ||
    inner.some((id) => outer.includes(id)) ||
    interfaces.some((name) => name !== 'lo')
  ) {
    throw new Error(
      `this spec sends multicast (mDNS) and runs only in the network namespace that ` +
        `scripts/harness/run-e2e.mjs makes for *.netns.e2e specs (namespaces here: ${inner.join(' ')}, ` +
        `outside: ${outer.join(' ') || 'unknown'}; interfaces: ${interfaces.join(', ')})`,
    );
  }
}

/** Output of a child, line by line, kept; a child that cannot start (not installed) says so. */
function follow(child: ChildProcess): string[] {
  const lines: string[] = [];
  child.on('error', (error) => lines.push(`cannot run ${child.spawnfile}: ${error.message}`));
  let partial = '';
  const take = (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return lines;
}

function notStarted(child: ChildProcess): string {
  return `${child.spawnfile} did not start: is it installed? (scripts/setup-vscode.sh installs it)`;
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitForLine(
  what: string,
  child: ChildProcess,
  lines: string[],
  pattern: RegExp,
): Promise<string> {
  return waitFor(
    what,
    () => {
      if (child.pid === undefined) throw new Error(`${what}: ${notStarted(child)}`);
      if (child.exitCode !== null)
        throw new Error(`${what}: ${child.spawnfile} exited (${child.exitCode}): ${lines.join('\n')}`);
      return lines.find((line) => pattern.test(line));
    },
    { timeoutMs: startTimeoutMs, detail: () => lines.join('\n') },
  );
}

/** Where the peer runs. */
export type PeerPlace =
  /** In the spec's namespace, on lo, at 127.0.0.1. */
  | 'lo'
  /**
   * In a network and mount namespace of its own inside the spec's, joined to it by a veth pair:
   * the peer is 10.77.0.2, the spec's side 10.77.0.1, and the multicast route of the spec's
   * namespace goes over the veth while it lasts, so the browse and Avahi meet only on that link.
   */
  | 'veth';

const vethOurs = 'msc0';
const vethPeer = 'msp0';
export const vethPeerAddress = '10.77.0.2';

export async function startMdnsPeer(instanceName: string, place: PeerPlace = 'lo'): Promise<MdnsPeer> {
  assertOwnNetworkNamespace();
  const children: ChildProcess[] = [];
  let undoLink: (() => void) | undefined;
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    undoLink?.();
  };
  try {
    // The command prefix that runs a program where the peer lives, and that place's root as seen
    // from here (for the bus socket).
    let inPeer: string[] = [];
    let peerRoot = '';
    if (place === 'veth') {
      const sleeper = spawn(
        'unshare',
        ['--net', '--mount', '--propagation', 'private', 'sleep', 'infinity'],
        {
          stdio: 'ignore',
        },
      );
      children.push(sleeper);
      const pid = sleeper.pid;
      if (pid === undefined) throw new Error(notStarted(sleeper));
      const ownNet = readlinkSync('/proc/self/ns/net');
      await waitFor(
        "the peer's network namespace",
        () => {
          if (sleeper.exitCode !== null) throw new Error(`unshare exited (${sleeper.exitCode})`);
          try {
            return readlinkSync(`/proc/${pid}/ns/net`) !== ownNet;
          } catch {
            return false;
          }
        },
        { timeoutMs: startTimeoutMs },
      );
      inPeer = ['nsenter', '-t', String(pid), '--net', '--mount', '--'];
      peerRoot = `/proc/${pid}/root`;
      execFileSync('ip', [
        'link',
        'add',
        vethOurs,
        'type',
        'veth',
        'peer',
        'name',
        vethPeer,
        'netns',
        String(pid),
      ]);
      undoLink = () => {
        execFileSync('ip', ['route', 'replace', '224.0.0.0/4', 'dev', 'lo']);
        try {
          execFileSync('ip', ['link', 'del', vethOurs], { stdio: 'ignore' });
        } catch {
          // Gone with the peer's namespace already.
        }
      };
      execFileSync('ip', ['addr', 'add', '10.77.0.1/24', 'dev', vethOurs]);
      execFileSync('ip', ['link', 'set', vethOurs, 'up']);
      execFileSync('ip', ['route', 'replace', '224.0.0.0/4', 'dev', vethOurs]);
      for (const command of [
        ['ip', 'link', 'set', 'lo', 'up'],
        ['ip', 'addr', 'add', `${vethPeerAddress}/24`, 'dev', vethPeer],
        ['ip', 'link', 'set', vethPeer, 'up'],
      ])
        execFileSync(inPeer[0], [...inPeer.slice(1), ...command]);
    }
    const run = (program: string, args: string[], options: { stdin?: boolean } = {}) =>
      spawn(inPeer[0] ?? program, [...inPeer.slice(1), ...(inPeer.length > 0 ? [program] : []), ...args], {
        stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });

    for (const dir of ['/run/dbus', '/run/avahi-daemon']) {
      mkdirSync(dir, { recursive: true });
      const mount = ['mount', '-t', 'tmpfs', 'midi-scope-e2e', dir];
      execFileSync(inPeer[0] ?? mount[0], [
        ...inPeer.slice(1),
        ...(inPeer.length > 0 ? mount : mount.slice(1)),
      ]);
    }
    const bus = run('dbus-daemon', ['--system', '--nofork', '--nopidfile']);
    children.push(bus);
    const busLines = follow(bus);
    await waitFor(
      'the system bus of the peer',
      () => {
        if (bus.pid === undefined) throw new Error(notStarted(bus));
        if (bus.exitCode !== null)
          throw new Error(`dbus-daemon exited (${bus.exitCode}): ${busLines.join('\n')}`);
        return existsSync(`${peerRoot}/run/dbus/system_bus_socket`);
      },
      { timeoutMs: startTimeoutMs },
    );

    const avahi = run('avahi-daemon', ['--no-drop-root', '--no-chroot', '--no-rlimits', '--no-proc-title']);
    children.push(avahi);
    await waitForLine('avahi-daemon to start', avahi, follow(avahi), /Server startup complete/);

    const address = place === 'veth' ? vethPeerAddress : '127.0.0.1';
    const host = run(process.execPath, [join(projectRoot, 'out/test/e2e/mdnsPeerHost.js'), address]);
    children.push(host);
    const hostLines = follow(host);
    const listening = JSON.parse(
      await waitForLine('the peer host to listen', host, hostLines, /"event":"listening"/),
    ) as { port: number };
    const endpointName = 'MIDI Scope interop host';
    const productInstanceId = 'SCOPE-INTEROP';

    const publish = run('avahi-publish-service', [
      instanceName,
      '_midi2._udp',
      String(listening.port),
      `UMPEndpointName=${endpointName}`,
      `ProductInstanceId=${productInstanceId}`,
    ]);
    children.push(publish);
    await waitForLine('Avahi to publish the host', publish, follow(publish), /Established under name/);

    return {
      address,
      port: listening.port,
      endpointName,
      productInstanceId,
      events: () =>
        hostLines
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
