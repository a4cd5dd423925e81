// The built-in diagnostics loopback pair, always present: out on A arrives in on B and back.
import { engineBinding } from './engineLifecycle';

function diagnosticsEndpointId(side: 'A' | 'B'): string {
  const endpoint = engineBinding()
    .listEndpoints()
    .find((candidate) => candidate.transport === 'diagnostics' && candidate.loopback?.side === side);
  if (endpoint === undefined) throw new Error(`The engine lists no diagnostics loopback ${side} endpoint`);
  return endpoint.endpointDeviceId;
}

export class MidiDiagnostics {
  private constructor() {}

  static get diagnosticsLoopbackAEndpointId(): string {
    return diagnosticsEndpointId('A');
  }

  static get diagnosticsLoopbackBEndpointId(): string {
    return diagnosticsEndpointId('B');
  }
}
