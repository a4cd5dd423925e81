// Which stream configuration to ask an endpoint for, from what it declared in Endpoint Info and
// what the host prefers. Never asks for something the endpoint did not declare.
import type { EndpointInfo, StreamConfiguration } from '../ump';

export interface ProtocolPreference {
  /** 2 (default) or 1; used when the endpoint declares it, the other protocol otherwise. */
  protocol?: 1 | 2;
  /** Ask for JR timestamps each way the endpoint declares them (default false: most hosts do not use them). */
  jrTimestamps?: boolean;
}

/** undefined when the endpoint declares no protocol at all: there is nothing to ask for. */
export function chooseStreamConfiguration(
  endpoint: EndpointInfo,
  preference: ProtocolPreference = {},
): StreamConfiguration | undefined {
  const wanted = preference.protocol ?? 2;
  const supports = (protocol: number) =>
    protocol === 2 ? endpoint.supportsMidi2Protocol : endpoint.supportsMidi1Protocol;
  const protocol = supports(wanted) ? wanted : supports(3 - wanted) ? 3 - wanted : undefined;
  if (protocol === undefined) return undefined;
  const jr = preference.jrTimestamps === true;
  return {
    protocol,
    receiveJrTimestamps: jr && endpoint.receivesJrTimestamps,
    transmitJrTimestamps: jr && endpoint.transmitsJrTimestamps,
  };
}
