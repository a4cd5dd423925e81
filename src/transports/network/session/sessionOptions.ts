// Everything a session can be tuned by, with the defaults the extension's settings start from.
import { DEFAULT_MAX_DATAGRAM_BYTES } from '../protocol/datagramWriter';
import type { UmpReceiverOptions } from './umpReceiver';
import type { UmpSenderOptions } from './umpSender';

export interface SessionOptions extends UmpSenderOptions, UmpReceiverOptions {
  /** A ping goes out this often; RTT comes from its reply. */
  readonly pingIntervalMs: number;
  /** Ping intervals in a row without a reply or any datagram before the session ends (Bye 0x04). */
  readonly pingAttempts: number;
  /** How long ending waits for the peer's Bye Reply. */
  readonly byeTimeoutMs: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  fecCount: 3,
  retransmitDepth: 256,
  maxDatagramBytes: DEFAULT_MAX_DATAGRAM_BYTES,
  trailingKeepAlives: 4,
  keepAliveIdleMs: 20,
  missingTimeoutMs: 20,
  retransmitTimeoutMs: 60,
  retransmitAttempts: 4,
  retransmit: true,
  maxPending: 8192,
  pingIntervalMs: 1000,
  pingAttempts: 3,
  byeTimeoutMs: 500,
};

export function sessionOptions(overrides: Partial<SessionOptions> = {}): SessionOptions {
  const options = { ...DEFAULT_SESSION_OPTIONS, ...overrides };
  if (!Number.isInteger(options.fecCount) || options.fecCount < 0 || options.fecCount > 32) {
    throw new RangeError(`fecCount must be an integer from 0 to 32; got ${options.fecCount}`);
  }
  if (
    !Number.isInteger(options.retransmitDepth) ||
    options.retransmitDepth < 0 ||
    options.retransmitDepth > 16384
  ) {
    throw new RangeError(
      `retransmitDepth must be an integer from 0 to 16384; got ${options.retransmitDepth}`,
    );
  }
  if (options.maxDatagramBytes < 64 || options.maxDatagramBytes > 65507) {
    throw new RangeError(`maxDatagramBytes must be from 64 to 65507; got ${options.maxDatagramBytes}`);
  }
  return options;
}
