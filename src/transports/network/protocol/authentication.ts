// Authentication digests (M2-124-UM: SHA-256 over the host's 16-byte nonce followed by the shared
// secret, or by the user name and then the password, all as UTF-8) and nonces, with node:crypto.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NONCE_BYTES } from './commands';

export function newNonce(): Uint8Array {
  return randomBytes(NONCE_BYTES);
}

export function sharedSecretDigest(nonce: Uint8Array, secret: string): Uint8Array {
  return createHash('sha256').update(nonce).update(secret, 'utf8').digest();
}

export function userDigest(nonce: Uint8Array, userName: string, password: string): Uint8Array {
  return createHash('sha256').update(nonce).update(userName, 'utf8').update(password, 'utf8').digest();
}

/** Constant-time comparison, so a wrong digest does not tell how much of it was right. */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
