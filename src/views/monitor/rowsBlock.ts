// Binary layouts of the row and packet blocks the host posts to the webview. One ArrayBuffer
// per block: a Float64 section first (8-byte aligned), then a Uint32 section.
//
// rows:    f64 [seq, timestamp] × count, then u32 [endpointIndex, packetCount, flags, w0, w1, w2, w3] × count
// packets: f64 [seq, timestamp] × count, then u32 [w0, w1, w2, w3] × count
// (Stream problems, rare, travel beside the buffer: RowsBlock/PacketsBlock.streamProblems.)
import type { UmpProblem } from '../../ump';

const rowNumbers = 2;
const rowFields = 7;
const packetNumbers = 2;
const packetFields = 4;

/** Row flag: a multi-packet message whose end has not arrived (yet). */
export const rowFlagOpen = 1;

/** One logical row as the webview sees it. */
export interface RowRecord {
  /** Sequence number of the row's first packet. */
  seq: number;
  /** Timestamp (MidiClock ticks) of the first packet. */
  timestamp: number;
  endpointIndex: number;
  packetCount: number;
  flags: number;
  /** The first packet's four word slots (unused ones are 0). */
  words: Uint32Array;
  /** Problems the first packet has in its stream (the host's; absent: none). */
  streamProblems?: UmpProblem[];
}

export interface PacketRecord {
  seq: number;
  timestamp: number;
  words: Uint32Array;
  /** Problems the packet has in its stream (the host's; absent: none). */
  streamProblems?: UmpProblem[];
}

/** Typed views over a block being filled by the host. */
export interface BlockWriter {
  buffer: ArrayBuffer;
  numbers: Float64Array;
  fields: Uint32Array;
}

function allocate(count: number, numbersPerItem: number, fieldsPerItem: number): BlockWriter {
  const numbersBytes = count * numbersPerItem * 8;
  const buffer = new ArrayBuffer(numbersBytes + count * fieldsPerItem * 4);
  return {
    buffer,
    numbers: new Float64Array(buffer, 0, count * numbersPerItem),
    fields: new Uint32Array(buffer, numbersBytes, count * fieldsPerItem),
  };
}

function views(data: ArrayBuffer, count: number, numbersPerItem: number, fieldsPerItem: number): BlockWriter {
  const numbersBytes = count * numbersPerItem * 8;
  const expected = numbersBytes + count * fieldsPerItem * 4;
  if (data.byteLength !== expected) {
    throw new RangeError(`block of ${count} items should be ${expected} bytes, got ${data.byteLength}`);
  }
  return {
    buffer: data,
    numbers: new Float64Array(data, 0, count * numbersPerItem),
    fields: new Uint32Array(data, numbersBytes, count * fieldsPerItem),
  };
}

export function allocateRowsBlock(count: number): BlockWriter {
  return allocate(count, rowNumbers, rowFields);
}

/** Writes row `i` of a block; `words` supplies the first packet's words from `wordOffset`. */
export function writeRow(
  block: BlockWriter,
  i: number,
  row: Omit<RowRecord, 'words'>,
  words: Uint32Array,
  wordOffset: number,
): void {
  block.numbers[i * rowNumbers] = row.seq;
  block.numbers[i * rowNumbers + 1] = row.timestamp;
  const at = i * rowFields;
  block.fields[at] = row.endpointIndex;
  block.fields[at + 1] = row.packetCount;
  block.fields[at + 2] = row.flags;
  block.fields.set(words.subarray(wordOffset, wordOffset + 4), at + 3);
}

export function readRowsBlock(data: ArrayBuffer, count: number): RowRecord[] {
  const { numbers, fields } = views(data, count, rowNumbers, rowFields);
  const rows: RowRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * rowFields;
    rows.push({
      seq: numbers[i * rowNumbers],
      timestamp: numbers[i * rowNumbers + 1],
      endpointIndex: fields[at],
      packetCount: fields[at + 1],
      flags: fields[at + 2],
      words: fields.subarray(at + 3, at + 7),
    });
  }
  return rows;
}

export function allocatePacketsBlock(count: number): BlockWriter {
  return allocate(count, packetNumbers, packetFields);
}

export function writePacket(
  block: BlockWriter,
  i: number,
  seq: number,
  timestamp: number,
  words: Uint32Array,
  wordOffset: number,
): void {
  block.numbers[i * packetNumbers] = seq;
  block.numbers[i * packetNumbers + 1] = timestamp;
  block.fields.set(words.subarray(wordOffset, wordOffset + 4), i * packetFields);
}

export function readPacketsBlock(data: ArrayBuffer, count: number): PacketRecord[] {
  const { numbers, fields } = views(data, count, packetNumbers, packetFields);
  const packets: PacketRecord[] = [];
  for (let i = 0; i < count; i++) {
    packets.push({
      seq: numbers[i * packetNumbers],
      timestamp: numbers[i * packetNumbers + 1],
      words: fields.subarray(i * packetFields, i * packetFields + 4),
    });
  }
  return packets;
}
