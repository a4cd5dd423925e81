// What the network tests share: a log that keeps lines, a receiver that keeps words, and a UDP
// relay between a client and a host that drops datagrams on purpose (seeded, so a failure can be
// replayed). Everything binds 127.0.0.1.
import dgram from 'node:dgram';
import {
  NetworkSession,
  dispatchDatagram,
  sessionOptions,
  type Command,
  type NetworkLog,
  type SessionOptions,
} from '../../../../src/transports/network';

export interface KeptLog extends NetworkLog {
  readonly lines: string[];
}

export function keptLog(): KeptLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

export interface Received {
  words: number[];
  messages: number;
  lost: { from: number; count: number; why: string }[];
}

export function receiveFrom(session: NetworkSession): Received {
  const received: Received = { words: [], messages: 0, lost: [] };
  session.listen({
    ump: (words, messages) => {
      for (const word of words) received.words.push(word);
      received.messages += messages;
    },
    lost: (from, count, why) => received.lost.push({ from, count, why }),
  });
  return received;
}

/**
 * A session with no socket: each command it sends goes to `sent`, decoded. Its peer is
 * 'Peer' at 127.0.0.1:9 (no datagram leaves the process).
 */
export function sessionSendingTo(
  sent: (command: Command) => void,
  role: 'host' | 'client',
  options: Partial<SessionOptions>,
): NetworkSession {
  return new NetworkSession(
    `test-${role}`,
    role,
    { address: '127.0.0.1', port: 9 },
    { endpointName: 'Peer', productInstanceId: 'P-1' },
    sessionOptions(options),
    (datagram) =>
      dispatchDatagram(datagram, {
        umpData: () => undefined,
        command: sent,
        refused: () => undefined,
        tolerated: () => undefined,
      }),
    keptLog(),
  );
}

/** A deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LossyRelay {
  readonly port: number;
  readonly dropped: { random: number; burst: number; forwarded: number };
  /** Stops dropping (forwards everything from now on). */
  heal(): void;
  /** Starts dropping again (a relay made with `startHealed` drops nothing until this). */
  impair(): void;
  /** Drops everything from now on, both ways: a peer gone silent. */
  silence(): void;
  close(): Promise<void>;
}

/**
 * Forwards between one client (whoever sends to `port` first) and the host at `hostPort`, dropping
 * `randomRate` of datagrams at random and, with `burstRate`, a burst of `burstLength` in a row.
 */
export async function lossyRelay(
  hostPort: number,
  options: {
    seed: number;
    randomRate: number;
    burstRate: number;
    burstLength: number;
    startHealed?: boolean;
  },
): Promise<LossyRelay> {
  const random = seededRandom(options.seed);
  const front = dgram.createSocket('udp4');
  const back = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => back.bind(0, '127.0.0.1', resolve));
  let client: { address: string; port: number } | undefined;
  let burstLeft = 0;
  let healed = options.startHealed ?? false;
  let silent = false;
  const dropped = { random: 0, burst: 0, forwarded: 0 };
  const drop = (): boolean => {
    if (silent) return true;
    if (healed) return false;
    if (burstLeft > 0) {
      burstLeft--;
      dropped.burst++;
      return true;
    }
    if (random() < options.burstRate) {
      burstLeft = options.burstLength - 1;
      dropped.burst++;
      return true;
    }
    if (random() < options.randomRate) {
      dropped.random++;
      return true;
    }
    return false;
  };
  front.on('message', (bytes, info) => {
    client = { address: info.address, port: info.port };
    if (drop()) return;
    dropped.forwarded++;
    back.send(bytes, hostPort, '127.0.0.1');
  });
  back.on('message', (bytes) => {
    if (!client || drop()) return;
    dropped.forwarded++;
    front.send(bytes, client.port, client.address);
  });
  return {
    port: front.address().port,
    dropped,
    heal: () => {
      healed = true;
    },
    impair: () => {
      healed = false;
    },
    silence: () => {
      silent = true;
    },
    close: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => back.close(() => resolve()));
    },
  };
}

/** Messages 0x20903C00 | n (MIDI 1.0 note on, one word each) and 0x4090.... pairs for variety. */
export function numberedMessages(count: number, offset = 0): Uint32Array {
  const words: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    if (n % 7 === 3) words.push((0x40903c00 | (n & 0xff)) >>> 0, n >>> 0);
    else words.push((0x20900000 | (n & 0xffff)) >>> 0);
  }
  return Uint32Array.from(words);
}
