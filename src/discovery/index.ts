// UMP endpoint discovery (UMP 1.1 stream messages): the transport-free state machine, its checks,
// protocol choice, and a helper that runs it over an engine connection.
export * from './discoveryResult';
export * from './discoveryChecks';
export * from './protocolChoice';
export * from './missingItems';
export * from './endpointDiscovery';
export * from './connectionDiscovery';
export * from './umpMessages';
export * from './discoveryReport';
