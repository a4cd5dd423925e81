// The UMP codec: message types and sizes, the decoder (fields and friendly names), builders,
// reassembly of multi-packet messages, and the hex parser and formatter. Pure TypeScript with no
// Node, VS Code or DOM imports: the extension host, dist/engine.js and the webview all use it.
export * from './messageType';
export { formatWord, formatUmpHex, formatBytes, type FormatUmpHexOptions } from './hex';
export * from './parseUmpHex';
