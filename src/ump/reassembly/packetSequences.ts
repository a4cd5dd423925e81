// The start/continue/end bookkeeping shared by every multi-packet message (SysEx7, SysEx8, Flex
// Data text, UMP Stream names): one open sequence per key, malformed sequences reported as
// problems with what was thrown away, never thrown.
import { PacketForm } from '../messageType';

export type SequenceProblemKind =
  /** A Continue packet with no Start before it: its bytes are dropped. */
  | 'continueWithoutStart'
  /** An End packet with no Start before it: its bytes are dropped. */
  | 'endWithoutStart'
  /** A Start while a message was open: the open message is dropped, the new one begins. */
  | 'startInsideStart'
  /** A Complete packet while a message was open: the open message is dropped. */
  | 'completeInsideStart'
  /** The message grew past the size limit: it is dropped up to its End. */
  | 'tooLong'
  /** Still open when flushed. */
  | 'unterminated';

export interface SequenceProblem {
  kind: SequenceProblemKind;
  /** Bytes thrown away because of it. */
  discardedBytes: number;
}

export interface SequenceOutcome {
  completed?: { bytes: Uint8Array; packetCount: number };
  problem?: SequenceProblem;
}

interface OpenSequence {
  bytes: number[];
  packetCount: number;
  /** Grew past the limit: swallow the rest quietly up to its End. */
  overflowed: boolean;
}

const nothing: SequenceOutcome = Object.freeze({});

export class PacketSequences<Key> {
  private readonly open = new Map<Key, OpenSequence>();

  constructor(private readonly maxBytes: number) {}

  take(key: Key, form: PacketForm, bytes: ArrayLike<number>): SequenceOutcome {
    const current = this.open.get(key);
    switch (form) {
      case PacketForm.Complete: {
        const completed = { bytes: Uint8Array.from(bytes), packetCount: 1 };
        if (current === undefined) return { completed };
        this.open.delete(key);
        return { completed, problem: { kind: 'completeInsideStart', discardedBytes: current.bytes.length } };
      }
      case PacketForm.Start: {
        this.open.set(key, { bytes: [], packetCount: 0, overflowed: false });
        const appended = this.append(key, bytes);
        if (current === undefined) return appended;
        return { problem: { kind: 'startInsideStart', discardedBytes: current.bytes.length } };
      }
      case PacketForm.Continue:
        if (current === undefined)
          return { problem: { kind: 'continueWithoutStart', discardedBytes: bytes.length } };
        return this.append(key, bytes);
      default: {
        if (current === undefined)
          return { problem: { kind: 'endWithoutStart', discardedBytes: bytes.length } };
        const appended = this.append(key, bytes);
        this.open.delete(key);
        if (current.overflowed) return appended;
        return { completed: { bytes: Uint8Array.from(current.bytes), packetCount: current.packetCount } };
      }
    }
  }

  /** Closes every open sequence, reporting each as unterminated. */
  flush(): Array<{ key: Key; problem: SequenceProblem; packetCount: number }> {
    const unterminated = [...this.open].map(([key, sequence]) => ({
      key,
      problem: { kind: 'unterminated' as const, discardedBytes: sequence.bytes.length },
      packetCount: sequence.packetCount,
    }));
    this.open.clear();
    return unterminated;
  }

  reset(): void {
    this.open.clear();
  }

  isOpen(key: Key): boolean {
    return this.open.has(key);
  }

  private append(key: Key, bytes: ArrayLike<number>): SequenceOutcome {
    const sequence = this.open.get(key) as OpenSequence;
    sequence.packetCount++;
    if (sequence.overflowed) return nothing;
    for (let i = 0; i < bytes.length; i++) sequence.bytes.push(bytes[i]);
    if (sequence.bytes.length <= this.maxBytes) return nothing;
    const discardedBytes = sequence.bytes.length;
    sequence.bytes = [];
    sequence.overflowed = true;
    return { problem: { kind: 'tooLong', discardedBytes } };
  }
}

export interface ReassemblerOptions {
  /** Longest message kept (default 1 MiB); longer ones are reported as 'tooLong' and dropped. */
  maxBytes?: number;
}

/** The limit from the options; at least 16 so that one packet always fits. */
export function checkedMaxBytes(options: ReassemblerOptions | undefined): number {
  const maxBytes = options?.maxBytes ?? 1 << 20;
  if (!Number.isInteger(maxBytes) || maxBytes < 16) {
    throw new RangeError(`maxBytes must be an integer of at least 16; got ${String(maxBytes)}`);
  }
  return maxBytes;
}
