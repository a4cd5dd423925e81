// Captures for the format tests: a mix of every message size, SysEx7 spread over packets, two
// endpoints and timestamps with sub-microsecond ticks.
import { CaptureTable } from '../../../src/capture/captureTable';
import { buildSysEx7Packets } from '../../../src/ump';

export function sampleCapture(): CaptureTable {
  const table = new CaptureTable(4);
  let ticks = 123_456_789;
  const step = (delta: number): number => (ticks += delta);
  table.addMessage([0x20903c64], step(0), 0);
  table.addMessage([0x40903c00, 0xc0000000], step(12_345), 1);
  table.addMessage([0x00000000], step(7), 0);
  for (const packet of buildSysEx7Packets(2, [0x7e, 0x7f, 0x06, 0x01, 0x10, 0x20, 0x30, 0x40, 0x50]))
    table.addMessage(packet, step(3), 0);
  table.addMessage([0xd0100000, 50_000_000, 0, 0], step(0), 0);
  table.addMessage([0xf0030000, 0x41424344, 0x45464748, 0x494a4b4c], step(2_500_000), 1);
  table.addMessage([0x10f80000], step(1_048_576 * 3 + 17), 0);
  table.addMessage([0x50000201, 0x02000000, 0, 0], step(1), 0);
  table.addMessage([0x20803c00], step(10), 1);
  return table;
}

export interface PlainMessage {
  words: number[];
  ticks: number;
  endpointIndex: number;
}

export function messagesOf(table: CaptureTable): PlainMessage[] {
  return Array.from({ length: table.count }, (_, index) => ({
    words: Array.from(table.words(index)),
    ticks: table.ticks(index),
    endpointIndex: table.endpointIndex(index),
  }));
}
