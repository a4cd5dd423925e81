// What an endpoint connection received during a test, as the matcher sees it: every packet with
// the engine's timestamp, and the SysEx, SysEx8 and Mixed Data Set messages reassembled from them
// (stamped with their last packet's time).

export interface ReceivedPacket {
  kind: 'packet';
  words: Uint32Array;
  /** MidiClock ticks the engine stamped when the message entered the receive ring. */
  timestamp: number;
}

export interface ReceivedSysEx {
  kind: 'sysex7' | 'sysex8';
  group: number;
  stream: number;
  bytes: Uint8Array;
  timestamp: number;
  packetCount: number;
}

export interface ReceivedMixedDataSet {
  kind: 'mds';
  group: number;
  id: number;
  manufacturer: number;
  device: number;
  sub1: number;
  sub2: number;
  bytes: Uint8Array;
  timestamp: number;
  packetCount: number;
}

export type ReceivedItem = ReceivedPacket | ReceivedSysEx | ReceivedMixedDataSet;
