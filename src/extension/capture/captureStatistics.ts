// midiScope.captureStatistics: the active monitor's timing and loss, over its view (filter to
// one stream first to measure it alone): inter-arrival jitter statistics, as `midi endpoint
// monitor -j` prints them, and the incrementing-counter check for skipped and reordered messages.
import * as vscode from 'vscode';
import {
  checkCounters,
  deltaStatistics,
  type CounterReport,
  type DeltaStatistics,
} from '../../capture/captureMeasurements';
import type { MonitorHandle } from '../../views/monitor';
import { UserFacingError } from '../commands/commandServices';
import { activeMonitor, tableFromMonitor } from './captureFileIo';

export interface CaptureStatisticsResult {
  ok: true;
  messages: number;
  deltas: DeltaStatistics;
  counters: CounterReport;
  text: string;
}

export function statisticsText(
  name: string,
  messages: number,
  deltas: DeltaStatistics,
  counters: CounterReport,
): string {
  const us = (value: number): string => `${value.toFixed(1)} µs`;
  const lines = [
    `Capture statistics: ${name}`,
    `messages: ${messages}`,
    `inter-arrival delta (${deltas.count}): min ${us(deltas.minUs)}, max ${us(deltas.maxUs)}, mean ${us(deltas.meanUs)}, std dev ${us(deltas.stdDevUs)}`,
    `counter in the last word (${counters.counted} messages of 2+ words): ${counters.skips} skip(s), ${counters.lost} lost, ${counters.reordered} out of order, ${counters.duplicates} duplicate(s)`,
  ];
  for (const event of counters.events.slice(0, 100)) {
    lines.push(`  message #${event.index + 1}: ${event.kind}, expected ${event.expected}, got ${event.got}`);
  }
  if (counters.events.length > 100) lines.push(`  … ${counters.events.length - 100} more`);
  return lines.join('\n') + '\n';
}

export async function captureStatistics(
  monitors: readonly MonitorHandle[],
): Promise<CaptureStatisticsResult> {
  const monitor = activeMonitor(monitors);
  if (!monitor)
    throw new UserFacingError('Capture Statistics: open a MIDI monitor first (or bring one to the front).');
  const { table } = tableFromMonitor(monitor, 'view');
  const times = new Float64Array(table.count);
  for (let i = 0; i < table.count; i++) times[i] = table.ticks(i);
  const deltas = deltaStatistics(times, table.count, monitor.captured.ticksPerSecond);
  const counters = checkCounters((i) => {
    const size = table.wordCount(i);
    return size >= 2 ? table.word(i, size - 1) : undefined;
  }, table.count);
  const text = statisticsText(monitor.panel.title, table.count, deltas, counters);
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return { ok: true, messages: table.count, deltas, counters, text };
}
