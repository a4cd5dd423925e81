// What a row or packet line shows: its cells (decoded with src/ump, only when drawn) and the
// sentence a screen reader reads for it.
import { decodeUmp, formatWord, type UmpProblem } from '../../src/ump';
import type { EndpointLabel } from '../../src/views/monitor/protocol';
import type { PacketRecord, RowRecord } from '../../src/views/monitor/rowsBlock';
import { rowFlagOpen } from '../../src/views/monitor/rowsBlock';
import type { RowCells } from './columns';
import { midiCiRowName } from './midiCiRow';
import { problemBadgeText } from './problemView';
import { withStreamProblems } from './streamProblems';
import { formatAbsolute, formatDelta } from './timeFormat';

export interface PresentationContext {
  endpoints: readonly EndpointLabel[];
  ticksPerSecond: number;
}

/** Groups and channels are numbered 1-16 on screen, as MIDI users count them. */
export function oneBased(value: number | undefined): string {
  return value === undefined ? '' : String(value + 1);
}

export function hexWords(words: Uint32Array, wordCount: number): string {
  const parts: string[] = [];
  for (let i = 0; i < wordCount; i++) parts.push(formatWord(words[i]));
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
    time: formatAbsolute(timestamp, context.ticksPerSecond),
    delta:
      previousTimestamp === null ? '' : formatDelta(timestamp - previousTimestamp, context.ticksPerSecond),
    endpoint: endpointName(context, endpointIndex),
    group: oneBased(decoded.group),
    channel: oneBased(decoded.channel),
    type: decoded.messageType.toString(16).toUpperCase(),
    name: decoded.name,
    fields: decoded.summary,
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
  return `${cells.seq}: ${cells.name}${where ? ` on ${where}` : ''}, ${cells.fields}, from ${cells.endpoint} at ${cells.time} seconds${problems}`;
}
