// The `midiScope.network.*` settings. Secrets are never here: they live in SecretStorage.
import * as vscode from 'vscode';
import type { AuthenticationMode, SessionOptions } from '../../transports/network';

export interface NetworkHostSettings {
  readonly address: string;
  readonly port: number;
  readonly endpointName: string;
  readonly productInstanceId: string;
  readonly authentication: AuthenticationMode;
  readonly userName: string;
  /** Advertise the host over mDNS (`_midi2._udp`); off by default, as the host binds 127.0.0.1. */
  readonly advertise: boolean;
}

export function readHostSettings(): NetworkHostSettings {
  const config = vscode.workspace.getConfiguration('midiScope.network.host');
  const mode = config.get<string>('authentication', 'none');
  return {
    address: config.get<string>('address', '127.0.0.1') || '127.0.0.1',
    port: config.get<number>('port', 5673),
    endpointName: config.get<string>('endpointName', 'MIDI Scope') || 'MIDI Scope',
    productInstanceId: config.get<string>('productInstanceId', '') || `MIDISCOPE-${process.pid}`,
    authentication: mode === 'sharedSecret' || mode === 'user' ? mode : 'none',
    userName: config.get<string>('userName', ''),
    advertise: config.get<boolean>('advertise', false),
  };
}

export interface NetworkClientSettings {
  /** The name a client announces; the host's name when not set. */
  readonly endpointName: string;
  /** Browse mDNS while the connect quick pick is open. */
  readonly discoverHosts: boolean;
}

export function readClientSettings(): NetworkClientSettings {
  const config = vscode.workspace.getConfiguration('midiScope.network.client');
  return {
    endpointName: config.get<string>('endpointName', '') || readHostSettings().endpointName,
    discoverHosts: config.get<boolean>('discoverHosts', true),
  };
}

export function readSessionSettings(): Partial<SessionOptions> {
  const config = vscode.workspace.getConfiguration('midiScope.network');
  return {
    fecCount: config.get<number>('fecCount', 3),
    retransmitDepth: config.get<number>('retransmitBufferDepth', 256),
    pingIntervalMs: config.get<number>('pingIntervalMs', 1000),
    pingAttempts: config.get<number>('pingAttempts', 3),
  };
}
