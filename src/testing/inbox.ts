// Everything one connection receives during a run, kept for the matcher with the engine's
// timestamps: packets as they come, plus SysEx7, SysEx8 and Mixed Data Set messages reassembled
// from them. Reassembly problems are counted and described, never dropped silently.
import type { MidiEndpointConnection } from '../engine';
import {
  MixedDataSetReassembler,
  SysEx7Reassembler,
  SysEx8Reassembler,
  numbered,
  wordCountOf,
  type NumberedText,
  type MixedDataSetEvent,
  type SysExEvent,
} from '../ump';
import type { ReceivedItem } from './received';

export class Inbox {
  readonly items: ReceivedItem[] = [];
  private readonly consumed: boolean[] = [];
  /** Index of the first item not consumed: scans start here. */
  private firstOpen = 0;
  /** Reassembly problems, their group numbers left to the runner's numbering. */
  readonly problems: NumberedText[] = [];
  private readonly sysEx7 = new SysEx7Reassembler();
  private readonly sysEx8 = new SysEx8Reassembler();
  private readonly mixedDataSets = new MixedDataSetReassembler();
  private waiters: (() => void)[] = [];

  constructor(connection: MidiEndpointConnection) {
    connection.onMessagesReceived(({ words, timestamps, messageCount }) => {
      let at = 0;
      for (let index = 0; index < messageCount; index++) {
        const count = wordCountOf(words[at]);
        this.take(words.slice(at, at + count), timestamps[index]);
        at += count;
      }
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    });
  }

  /** Resolves when anything new arrives. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Forgets everything (between tests). */
  clear(): void {
    this.items.length = 0;
    this.consumed.length = 0;
    this.firstOpen = 0;
    this.problems.length = 0;
    this.sysEx7.reset();
    this.sysEx8.reset();
    this.mixedDataSets.reset();
  }

  /** Indexes of items not yet consumed, oldest first. */
  *open(): Generator<number> {
    for (let index = this.firstOpen; index < this.items.length; index++)
      if (!this.consumed[index]) yield index;
  }

  consume(index: number): void {
    this.consumed[index] = true;
    while (this.firstOpen < this.items.length && this.consumed[this.firstOpen]) this.firstOpen++;
  }

  isConsumed(index: number): boolean {
    return this.consumed[index] === true;
  }

  private push(item: ReceivedItem): void {
    this.items.push(item);
    this.consumed.push(false);
  }

  private take(words: Uint32Array, timestamp: number): void {
    this.push({ kind: 'packet', words, timestamp });
    const type = words[0] >>> 28;
    if (type === 0x3) for (const event of this.sysEx7.push(words)) this.takeSysEx('sysex7', event, timestamp);
    if (type === 0x5) {
      for (const event of this.sysEx8.push(words)) this.takeSysEx('sysex8', event, timestamp);
      for (const event of this.mixedDataSets.push(words)) this.takeChunk(event, timestamp);
    }
  }

  private takeSysEx(kind: 'sysex7' | 'sysex8', event: SysExEvent, timestamp: number): void {
    if (event.kind !== 'message') {
      this.problems.push(numbered`${kind === 'sysex7' ? 'SysEx7' : 'SysEx8'}: ${event.description}`);
      return;
    }
    this.push({
      kind,
      group: event.group,
      stream: event.streamId ?? 0,
      bytes: event.bytes,
      timestamp,
      packetCount: event.packetCount,
    });
  }

  private takeChunk(event: MixedDataSetEvent, timestamp: number): void {
    if (event.kind !== 'chunk') {
      this.problems.push(numbered`Mixed Data Set: ${event.description}`);
      return;
    }
    this.push({
      kind: 'mds',
      group: event.group,
      id: event.mdsId,
      manufacturer: event.manufacturerId,
      device: event.deviceId,
      sub1: event.subId1,
      sub2: event.subId2,
      bytes: event.bytes,
      timestamp,
      packetCount: event.packetCount,
    });
  }
}
