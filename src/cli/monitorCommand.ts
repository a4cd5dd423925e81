// `midi-scope monitor ENDPOINT`: prints a decoded row per received message until interrupted
// (or for --duration / --count); --capture writes them in a monitor export format as well.
import { createWriteStream, type WriteStream } from 'node:fs';
import {
  decodeUmp,
  formatUmpHex,
  numberLabel,
  summaryUnder,
  wordCountOf,
  type GroupChannelNumbering,
} from '../ump';
import type { EngineModule } from '../testing';
import { exportFormatter } from '../views/monitor/exportFormats';
import type { ExportFormat } from '../views/monitor/protocol';
import { resolveEndpoint } from './endpointArgument';

export interface MonitorOptions {
  capture?: string;
  format: ExportFormat;
  durationMs?: number;
  count?: number;
  /** How the rows number groups and channels (the extension's default: oneBased). */
  numbering: GroupChannelNumbering;
}

/**
 * A message's line: time since the start (10 MHz ticks), hex, name, group and channel as
 * "g1 ch10" under `numbering`, and the decoded summary.
 */
export function monitorLine(message: Uint32Array, ticks: number, numbering: GroupChannelNumbering): string {
  const decoded = decodeUmp(message);
  const time = (ticks / 10_000).toFixed(3).padStart(10);
  const where =
    decoded.group === undefined
      ? ''
      : ` g${numberLabel(decoded.group, numbering)}${decoded.channel === undefined ? '' : ` ch${numberLabel(decoded.channel, numbering)}`}`;
  return `${time} ms  ${formatUmpHex(message).padEnd(36)} ${decoded.name}${where}  ${summaryUnder(decoded, numbering)}\n`;
}

/** Resolves with the number of messages seen once the monitor stops. */
export function monitor(
  engine: EngineModule,
  endpointArgument: string,
  options: MonitorOptions,
  out: (text: string) => void,
): Promise<number> {
  const endpoint = resolveEndpoint(engine, endpointArgument);
  const session = engine.MidiSession.create('midi-scope monitor');
  const connection = session.createEndpointConnection(endpoint.endpointDeviceId);
  const label = { index: 0, endpointDeviceId: endpoint.endpointDeviceId, name: endpoint.name };
  const formatter = exportFormatter(
    options.format,
    engine.MidiClock.timestampFrequency,
    `MIDI Scope capture of ${endpoint.name}`,
  );
  let file: WriteStream | undefined;
  if (options.capture) {
    file = createWriteStream(options.capture);
    file.write(formatter.header());
  }
  const started = engine.MidiClock.now();
  let seen = 0;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      const dropped = connection.statistics.dropped;
      session.close();
      out(`${seen} messages${dropped > 0 ? `, ${dropped} dropped (receive ring full)` : ''}\n`);
      if (file) {
        file.end(formatter.footer(), () => resolve(seen));
      } else resolve(seen);
    };
    connection.onMessagesReceived(({ words, timestamps, messageCount }) => {
      let at = 0;
      for (
        let index = 0;
        index < messageCount && (options.count === undefined || seen < options.count);
        index++
      ) {
        const message = words.slice(at, at + wordCountOf(words[at]));
        at += message.length;
        out(monitorLine(message, timestamps[index] - started, options.numbering));
        file?.write(
          formatter.message(
            { seq: seen, timestamp: timestamps[index], endpoint: label, words: message },
            seen === 0,
          ),
        );
        seen++;
      }
      if (options.count !== undefined && seen >= options.count) stop();
    });
    if (!connection.open()) throw new Error(`could not open ${endpoint.name}`);
    out(`monitoring ${endpoint.name} (${endpoint.endpointDeviceId}); Ctrl+C stops\n`);
    process.on('SIGINT', stop);
    if (options.durationMs !== undefined) timer = setTimeout(stop, options.durationMs);
  });
}
