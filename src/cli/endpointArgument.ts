// Finds the endpoint a command line names: by its id, or by its name when exactly one has it.
import type { EngineModule } from '../testing';
import { UsageError } from './usageError';

export function resolveEndpoint(engine: EngineModule, given: string) {
  const all = engine.MidiEndpointDeviceInformation.findAll();
  const byId = all.find((endpoint) => endpoint.endpointDeviceId === given);
  if (byId) return byId;
  const byName = all.filter((endpoint) => endpoint.name === given);
  if (byName.length === 1) return byName[0];
  const names = all.map((endpoint) => `  ${endpoint.endpointDeviceId}  ${endpoint.name}`).join('\n');
  throw new UsageError(
    byName.length === 0
      ? `no endpoint has the id or name "${given}"; endpoints now:\n${names}`
      : `${byName.length} endpoints are named "${given}"; give its id instead:\n${names}`,
  );
}
