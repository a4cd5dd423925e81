// How a host authenticates invitations: not at all, by one shared secret, or by user name and
// password. The secrets come from the caller (the extension reads them from SecretStorage).
import { CAPABILITY_AUTHENTICATION, CAPABILITY_USER_AUTHENTICATION } from './protocol/commandCodes';
import { digestsEqual, sharedSecretDigest, userDigest } from './protocol/authentication';

export type HostAuthentication =
  | { readonly mode: 'none' }
  | { readonly mode: 'sharedSecret'; readonly secret: string }
  | {
      readonly mode: 'user';
      readonly users: readonly { readonly name: string; readonly password: string }[];
    };

export type AuthenticationMode = HostAuthentication['mode'];

/** The capability bit a client must declare for `mode` (0 for none). */
export function capabilityFor(mode: AuthenticationMode): number {
  if (mode === 'sharedSecret') return CAPABILITY_AUTHENTICATION;
  if (mode === 'user') return CAPABILITY_USER_AUTHENTICATION;
  return 0;
}

export type Verdict = 'accepted' | 'incorrectDigest' | 'userNotFound';

export function verifySharedSecret(
  authentication: HostAuthentication,
  nonce: Uint8Array,
  digest: Uint8Array,
): Verdict {
  if (authentication.mode !== 'sharedSecret') return 'incorrectDigest';
  return digestsEqual(sharedSecretDigest(nonce, authentication.secret), digest)
    ? 'accepted'
    : 'incorrectDigest';
}

export function verifyUser(
  authentication: HostAuthentication,
  nonce: Uint8Array,
  userName: string,
  digest: Uint8Array,
): Verdict {
  if (authentication.mode !== 'user') return 'incorrectDigest';
  const user = authentication.users.find((candidate) => candidate.name === userName);
  if (!user) return 'userNotFound';
  return digestsEqual(userDigest(nonce, user.name, user.password), digest) ? 'accepted' : 'incorrectDigest';
}
