// The MIDI Scope engine: a typed facade over the native addon whose API follows Windows MIDI
// Services in camelCase. Built to dist/engine.js (CommonJS) and usable from plain Node; the addon
// loads on first use, not at import.
export { MidiClock } from './clock';
export { MidiScheduler, midiSchedulerPrecisions, type MidiSchedulerPrecision } from './schedulerPrecision';
export { MidiSession } from './session';
export { MidiEndpointConnection } from './connection';
export { MidiLoopbackEndpointManager } from './loopbackEndpointManager';
export { MidiDiagnostics } from './diagnostics';
export { MidiEndpointDeviceInformation } from './endpointDeviceInformation';
export { MidiEndpointDeviceWatcher } from './endpointDeviceWatcher';
export {
  MidiTransports,
  MidiJsTransport,
  type MidiJsDeliveryResult,
  type MidiJsTransportEndpointDefinition,
  type MidiJsTransportHandlers,
  type MidiTransportSummary,
} from './transports';
export {
  MidiSendMessageResults,
  describeSendResult,
  sendMessageFailed,
  sendMessageSucceeded,
  sendResultFlags,
  type MidiAnySendResult,
  type MidiSendMessageResult,
} from './sendResults';
export {
  MidiFilteringEndpointListener,
  type MidiFilteringEndpointListenerOptions,
} from './plugins/filteringEndpointListener';
export {
  MidiGroupEndpointListener,
  type MidiGroupEndpointListenerOptions,
} from './plugins/groupEndpointListener';
export {
  MidiChannelEndpointListener,
  type MidiChannelEndpointListenerOptions,
} from './plugins/channelEndpointListener';
export {
  MidiMessageTypeEndpointListener,
  type MidiMessageTypeEndpointListenerOptions,
} from './plugins/messageTypeEndpointListener';
export type { MidiByteInput, MidiWordInput } from './wordInputs';
export { shutdownEngine } from './engineLifecycle';
export { endpointReceiverStatistics, type MidiEndpointReceiverStatistics } from './endpointReceivers';
export * from './types';
/** The UMP codec (message types and sizes, decoder, builders, hex), as src/ump exports it. */
export * as ump from '../ump';
