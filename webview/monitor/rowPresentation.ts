// What a row or packet line shows: its cells (decoded with src/ump, only when drawn) and the
// sentence a screen reader reads for it.
import { decodeUmp, numberLabel, summaryUnder, type UmpProblem } from '../../src/ump';
import type { EndpointLabel, Numbering, TimeDisplay } from '../../src/views/monitor/protocol';
import type { PacketRecord, RowRecord } from '../../src/views/monitor/rowsBlock';
import { rowFlagOpen } from '../../src/views/monitor/rowsBlock';
import type { RowCells } from './columns';
import { midiCiRowName } from './midiCiRow';
import { problemBadgeText } from './problemBadge';
import { withStreamProblems } from './streamProblems';
import { formatDelta, formatTime, type TimeBase } from './timeFormat';

export interface PresentationContext extends TimeBase {
  endpoints: readonly EndpointLabel[];
  numbering: Numbering;
  time: TimeDisplay;
}

/** A message's words as grouped 8-digit hex, e.g. "40903C00 C9240000" (the column says Hex). */
export function hexWords(words: Uint32Array, wordCount: number): string {
  const parts: string[] = [];
  for (let i = 0; i < wordCount; i++)
    parts.push((words[i] >>> 0).toString(16).toUpperCase().padStart(8, '0'));
  return parts.join(' ');
}

function endpointName(context: PresentationContext, index: number): string {
  return context.endpoints[index]?.name ?? `endpoint ${index}`;
}

function packetCells(
  seq: number,
  timestamp: number,
  previousTimestamp: number | null,
  words: Uint32Array,
  endpointIndex: number,
  context: PresentationContext,
  streamProblems?: readonly UmpProblem[],
): RowCells {
  const decoded = decodeUmp(words, 0);
  return {
    seq: String(seq),
    time: formatTime(timestamp, context.time, context),
    delta:
      previousTimestamp === null ? '' : formatDelta(timestamp - previousTimestamp, context.ticksPerSecond),
    endpoint: endpointName(context, endpointIndex),
    group: numberLabel(decoded.group, context.numbering),
    channel: numberLabel(decoded.channel, context.numbering),
    type: decoded.messageType.toString(16).toUpperCase(),
    name: decoded.name,
    fields: summaryUnder(decoded, context.numbering),
    hex: hexWords(words, decoded.wordCount),
    problems: problemBadgeText(withStreamProblems(decoded.problems, streamProblems)),
  };
}

/** Cells of a logical row: its first packet, with the packet count for multi-packet messages. */
export function rowCells(
  row: RowRecord & { previousTimestamp: number | null },
  context: PresentationContext,
): RowCells {
  const cells = packetCells(
    row.seq,
    row.timestamp,
    row.previousTimestamp,
    row.words,
    row.endpointIndex,
    context,
    row.streamProblems,
  );
  cells.name = midiCiRowName(row.words) ?? cells.name;
  if (row.packetCount > 1 || (row.flags & rowFlagOpen) !== 0) {
    const incomplete = (row.flags & rowFlagOpen) !== 0 ? ', incomplete' : '';
    cells.fields = `${row.packetCount} packets${incomplete} · ${cells.fields}`;
  }
  return cells;
}

/** Cells of packet `index` of an expanded row; deltas run from packet to packet. */
export function packetLineCells(
  packets: readonly PacketRecord[],
  index: number,
  endpointIndex: number,
  context: PresentationContext,
): RowCells {
  const packet = packets[index];
  const previous = index > 0 ? packets[index - 1].timestamp : null;
  return packetCells(
    packet.seq,
    packet.timestamp,
    previous,
    packet.words,
    endpointIndex,
    context,
    packet.streamProblems,
  );
}

export function rowLabel(cells: RowCells): string {
  const where = [cells.group && `group ${cells.group}`, cells.channel && `channel ${cells.channel}`]
    .filter(Boolean)
    .join(', ');
  const problems = cells.problems ? `, ${cells.problems} conformance problem(s)` : '';
  return `${cells.seq}: ${cells.name}${where ? ` on ${where}` : ''}, ${cells.fields}, from ${cells.endpoint} at ${cells.time}${problems}`;
}
