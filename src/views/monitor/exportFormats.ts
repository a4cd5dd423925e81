// How captured messages are written out: hex text the send commands read back (one message per
// line, a comment with its sequence number, time and endpoint), JSON, and CSV. Pure functions:
// captureExport.ts feeds them and writes the file.
import { decodeUmp, formatUmpHex, formatWord } from '../../ump';
import type { EndpointLabel, ExportFormat } from './protocol';

/** One captured message, as exported. */
export interface ExportPacket {
  seq: number;
  /** MidiClock ticks. */
  timestamp: number;
  endpoint: EndpointLabel;
  /** Exactly the message's words. */
  words: Uint32Array;
}

export interface ExportFormatter {
  /** File extension without the dot, for the save dialog. */
  readonly extension: string;
  readonly filterName: string;
  header(): string;
  /** The text for one message; `first` tells whether it is the first message written. */
  message(packet: ExportPacket, first: boolean): string;
  footer(): string;
}

/** Comments and CSV cells must stay on one line whatever an endpoint is called. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

function seconds(ticks: number, ticksPerSecond: number): string {
  return (ticks / ticksPerSecond).toFixed(7);
}

function hexFormatter(ticksPerSecond: number, title: string): ExportFormatter {
  return {
    extension: 'ump',
    filterName: 'UMP hex',
    header: () => `// ${oneLine(title)}\n// one message per line: words, then seq, time (s) and endpoint\n`,
    message: (packet) =>
      `${formatUmpHex(packet.words)} // #${packet.seq} ${seconds(packet.timestamp, ticksPerSecond)} ${oneLine(packet.endpoint.name)}\n`,
    footer: () => '',
  };
}

function jsonFormatter(ticksPerSecond: number): ExportFormatter {
  return {
    extension: 'json',
    filterName: 'JSON',
    header: () => '[\n',
    message: (packet, first) => {
      const decoded = decodeUmp(packet.words, 0);
      const record = {
        seq: packet.seq,
        timestampTicks: packet.timestamp,
        timeSeconds: Number(seconds(packet.timestamp, ticksPerSecond)),
        endpointDeviceId: packet.endpoint.endpointDeviceId,
        endpointName: packet.endpoint.name,
        messageType: decoded.messageType,
        group: decoded.group ?? null,
        channel: decoded.channel ?? null,
        name: decoded.name,
        fields: decoded.fields.map((field) => ({
          name: field.name,
          value: field.value,
          display: field.display,
          ...(field.unit ? { unit: field.unit } : {}),
        })),
        words: Array.from(packet.words, formatWord),
      };
      return `${first ? '' : ',\n'}${JSON.stringify(record)}`;
    },
    footer: () => '\n]\n',
  };
}

/** RFC 4180: quote a cell that holds a comma, a quote or a line break; double its quotes. */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvColumns = [
  'seq',
  'timestamp_ticks',
  'time_s',
  'endpoint',
  'message_type',
  'group',
  'channel',
  'name',
  'fields',
  'words',
] as const;

function csvFormatter(ticksPerSecond: number): ExportFormatter {
  return {
    extension: 'csv',
    filterName: 'CSV',
    header: () => `${csvColumns.join(',')}\r\n`,
    message: (packet) => {
      const decoded = decodeUmp(packet.words, 0);
      const cells = [
        packet.seq,
        packet.timestamp,
        seconds(packet.timestamp, ticksPerSecond),
        packet.endpoint.name,
        decoded.messageType,
        decoded.group ?? '',
        decoded.channel ?? '',
        decoded.name,
        decoded.summary,
        formatUmpHex(packet.words),
      ];
      return `${cells.map(csvCell).join(',')}\r\n`;
    },
    footer: () => '',
  };
}

export function exportFormatter(
  format: ExportFormat,
  ticksPerSecond: number,
  title: string,
): ExportFormatter {
  switch (format) {
    case 'hex':
      return hexFormatter(ticksPerSecond, title);
    case 'json':
      return jsonFormatter(ticksPerSecond);
    case 'csv':
      return csvFormatter(ticksPerSecond);
  }
}
