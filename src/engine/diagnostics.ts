// The built-in diagnostics loopback pair, always present: out on A arrives in on B and back.
import { engineBinding } from './engineLifecycle';

function diagnosticsEndpointId(kind: 'loopbackA' | 'loopbackB'): string {
  const endpoint = engineBinding()
    .listEndpoints()
    .find((candidate) => candidate.transport === 'diagnostics' && candidate.kind === kind);
  if (endpoint === undefined) throw new Error(`The engine lists no diagnostics ${kind} endpoint`);
  return endpoint.endpointDeviceId;
}

export class MidiDiagnostics {
  private constructor() {}

  static get diagnosticsLoopbackAEndpointId(): string {
    return diagnosticsEndpointId('loopbackA');
  }

  static get diagnosticsLoopbackBEndpointId(): string {
    return diagnosticsEndpointId('loopbackB');
  }
}
