// Virtual devices: a declaration, the responder that answers as declared, and the loopback-pair
// binding that puts it on an endpoint.
export * from './virtualDeviceDeclaration';
export * from './virtualDeviceResponder';
export * from './virtualDevice';
export * from './virtualDeviceEndpointInfo';
export * from './exampleDevices';
