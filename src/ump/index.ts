// The UMP codec: message types and sizes, the decoder (fields and friendly names), builders,
// reassembly of multi-packet messages, and the hex parser and formatter. Pure TypeScript with no
// Node, VS Code or DOM imports: the extension host, dist/engine.js and the webview all use it.
export * from './messageType';
export * from './messageAddress';
export type { DecodedUmp, UmpField } from './decodedUmp';
export { decodeUmp } from './decode/decodeUmp';
export {
  numberLabel,
  fieldsWithNumbering,
  groupOrChannel,
  numbered,
  showNumbered,
  summaryUnder,
  type GroupChannelNumbering,
  type NumberMark,
  type NumberedText,
} from './numbering';
export * from './check';
export { Midi1ChannelVoiceMessageStatus } from './decode/midi1ChannelVoice';
export { Midi2ChannelVoiceMessageStatus } from './decode/midi2ChannelVoice';
export { MICROSECONDS_PER_JR_TICK } from './decode/utility';
export { FlexDataStatusBank, FlexDataSetupStatus } from './names/flexData';
export { UmpStreamStatus } from './names/umpStream';
export { controllerName } from './names/controllers';
export { noteName } from './names/notes';
export { registeredControllerName, registeredPerNoteControllerName } from './names/registeredControllers';
export { formatWord, formatUmpHex, formatBytes, type FormatUmpHexOptions } from './hex';
export * from './parseUmpHex';
export { readHexToken, type HexTokenValue } from './hexToken';
export { looksLikeTimeOffset } from './timeOffset';
export { decodeUtf8, encodeUtf8 } from './utf8';
export * from './build/midi1ChannelVoice';
export * from './build/midi2ChannelVoice';
export * from './build/midi2Controllers';
export * from './build/systemMessages';
export * from './build/utility';
export * from './build/sysEx';
export * from './build/umpStream';
export * from './build/umpStreamNotifications';
export * from './build/umpStreamNames';
export * from './decode/umpStreamValues';
export * from './build/flexData';
export * from './build/flexDataChord';
export * from './build/flexDataText';
export * from './build/mixedDataSet';
export type { SequenceProblemKind, ReassemblerOptions } from './reassembly/packetSequences';
export * from './reassembly/sysExReassemblers';
export * from './reassembly/textReassembler';
export * from './reassembly/mixedDataSetReassembler';
