// Secrets of the network transport in VS Code's SecretStorage: the host's shared secret or user
// password, and the secrets a client was asked to remember, one per host address.
import type * as vscode from 'vscode';
import type { Credentials } from '../../transports/network';

const hostSecretKey = 'midiScope.network.host.secret';
const clientKey = (hostKey: string): string => `midiScope.network.client.${hostKey}`;

export class NetworkSecrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  hostSecret(): Thenable<string | undefined> {
    return this.storage.get(hostSecretKey);
  }

  setHostSecret(secret: string): Thenable<void> {
    return this.storage.store(hostSecretKey, secret);
  }

  async rememberedFor(hostKey: string): Promise<Credentials | undefined> {
    const stored = await this.storage.get(clientKey(hostKey));
    if (!stored) return undefined;
    try {
      const parsed = JSON.parse(stored) as Partial<{ secret: string; userName: string; password: string }>;
      if (typeof parsed.secret === 'string') return { secret: parsed.secret };
      if (typeof parsed.userName === 'string' && typeof parsed.password === 'string') {
        return { userName: parsed.userName, password: parsed.password };
      }
    } catch {
      // Not ours or damaged: treated as nothing remembered.
    }
    return undefined;
  }

  remember(hostKey: string, credentials: Credentials): Thenable<void> {
    return this.storage.store(clientKey(hostKey), JSON.stringify(credentials));
  }

  forget(hostKey: string): Thenable<void> {
    return this.storage.delete(clientKey(hostKey));
  }
}
