// `midi-scope list`: every endpoint the engine has, one a line, or JSON.
import type { EngineModule } from '../testing';

export function listEndpoints(engine: EngineModule, json: boolean, out: (text: string) => void): void {
  const endpoints = engine.MidiEndpointDeviceInformation.findAll();
  if (json) {
    out(`${JSON.stringify(endpoints, null, 2)}\n`);
    return;
  }
  const width = Math.max(...endpoints.map((endpoint) => endpoint.endpointDeviceId.length), 2);
  out(`${'ID'.padEnd(width)}  TRANSPORT    NAME\n`);
  for (const endpoint of endpoints) {
    out(`${endpoint.endpointDeviceId.padEnd(width)}  ${endpoint.transport.padEnd(11)}  ${endpoint.name}\n`);
  }
}
