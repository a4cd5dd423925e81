// What discovery asked for and has not received, each as the sentence a person reads.
import { MAX_FUNCTION_BLOCKS } from './discoveryChecks';
import type { DiscoveryResult } from './discoveryResult';

export function missingItems(result: DiscoveryResult, negotiating: boolean): string[] {
  const missing: string[] = [];
  if (result.endpointInfo === undefined) missing.push('the endpoint sent no Endpoint Info');
  if (result.deviceIdentity === undefined) missing.push('the endpoint sent no Device Identity');
  if (result.endpointName === undefined) missing.push('the endpoint sent no name');
  if (result.productInstanceId === undefined) missing.push('the endpoint sent no product instance id');
  if (result.streamConfiguration === undefined) missing.push('the endpoint sent no Stream Configuration');
  const endpoint = result.endpointInfo?.value;
  if (endpoint !== undefined) {
    const count = Math.min(endpoint.functionBlockCount, MAX_FUNCTION_BLOCKS);
    for (let i = 0; i < count; i++) {
      const block = result.functionBlocks.get(i);
      if (block?.info === undefined) missing.push(`function block ${i} sent no info`);
      if (block?.name === undefined) missing.push(`function block ${i} sent no name`);
    }
  }
  if (negotiating && result.negotiation !== undefined && result.negotiation.answer === undefined) {
    missing.push('the endpoint did not answer the Stream Configuration Request');
  }
  return missing;
}
