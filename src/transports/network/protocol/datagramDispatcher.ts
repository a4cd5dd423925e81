// Reads one datagram and hands each command to its target: UMP Data by a fast path (no object per
// command), the rest decoded. Whatever is wrong is reported with the NAK reason it deserves, or
// none when the datagram is to be dropped silently on the wire (but still counted and logged).
import { CommandCode, NakReason } from './commandCodes';
import { decodeCommand, type Command } from './commands';
import { splitDatagram, type DatagramProblemKind } from './datagramReader';
import { countWholeMessages } from './umpWords';

export interface DispatchTarget {
  umpData(
    sequence: number,
    view: DataView,
    byteOffset: number,
    wordCount: number,
    messageCount: number,
  ): void;
  command(command: Command, header: number): void;
  /** A datagram (no header) or a command that is refused; `nak` says which NAK to answer with. */
  refused(
    kind: DatagramProblemKind | 'malformed' | 'unknown',
    message: string,
    header: number | undefined,
    nak: NakReason | undefined,
  ): void;
  tolerated(text: string): void;
}

export function dispatchDatagram(bytes: Uint8Array, target: DispatchTarget): void {
  const split = splitDatagram(bytes);
  const { view } = split;
  for (const raw of split.commands) {
    if (raw.code === CommandCode.UmpData) {
      const messageCount = countWholeMessages(view, raw.payloadOffset, raw.length);
      if (messageCount < 0) {
        target.refused(
          'malformed',
          `UMP Data (sequence ${(raw.data1 << 8) | raw.data2}) of ${raw.length} words does not end on a whole UMP message`,
          raw.header,
          NakReason.CommandMalformed,
        );
        continue;
      }
      target.umpData((raw.data1 << 8) | raw.data2, view, raw.payloadOffset, raw.length, messageCount);
      continue;
    }
    const decoded = decodeCommand(view, split.bytes, raw);
    if (!decoded.ok) {
      target.refused(
        decoded.unknown ? 'unknown' : 'malformed',
        decoded.reason,
        raw.header,
        decoded.unknown ? NakReason.CommandNotSupported : NakReason.CommandMalformed,
      );
      continue;
    }
    for (const text of decoded.tolerated) target.tolerated(text);
    target.command(decoded.command, raw.header);
  }
  const problem = split.problem;
  if (problem) {
    // A bad signature may be anything (a port scan, another protocol): dropped without an answer.
    const nak = problem.header !== undefined ? NakReason.CommandMalformed : undefined;
    target.refused(problem.kind, problem.message, problem.header, nak);
  }
}
