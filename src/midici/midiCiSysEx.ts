// MIDI-CI travels as SysEx7 in UMP (message type 0x3) on one group: these turn a MIDI-CI body
// into packets and take received packets back to parsed messages.
import { SysEx7Reassembler, buildSysEx7Packets, type SysExProblem } from '../ump';
import { isMidiCi, parseMidiCi } from './parseMidiCi';
import type { ParsedMidiCi } from './midiCiTypes';

export function midiCiPackets(group: number, body: Uint8Array): Uint32Array[] {
  return buildSysEx7Packets(group, body);
}

export interface ReceivedMidiCi extends ParsedMidiCi {
  group: number;
  /** The SysEx body length (F0/F7 not counted). */
  byteCount: number;
}

/** Feeds UMPs; hands out each complete MIDI-CI message (SysEx that is not MIDI-CI is ignored). */
export class MidiCiReceiver {
  private readonly sysEx = new SysEx7Reassembler();
  readonly sysExProblems: SysExProblem[] = [];

  push(words: ArrayLike<number>, offset = 0): ReceivedMidiCi[] {
    const received: ReceivedMidiCi[] = [];
    for (const event of this.sysEx.push(words, offset)) {
      if (event.kind !== 'message') {
        this.sysExProblems.push(event);
        continue;
      }
      if (!isMidiCi(event.bytes)) continue;
      received.push({ ...parseMidiCi(event.bytes), group: event.group, byteCount: event.bytes.length });
    }
    return received;
  }
}
