// What a session counts, shown in the tree and returned by the API. Every drop has a counter.

export interface SessionCounters {
  /** UMP messages handed to the endpoint's connections (each exactly once, in order). */
  umpIn: number;
  /** UMP messages sent (first transmissions; FEC copies and retransmissions are counted apart). */
  umpOut: number;
  datagramsIn: number;
  datagramsOut: number;
  /** UMP Data commands that arrived first as a forward error correction copy (their datagram was lost). */
  fecRecovered: number;
  /** Copies of UMP Data already delivered (FEC repeats, late retransmissions): dropped. */
  duplicates: number;
  /** UMP Data far in the past (beyond 1024 sequence numbers back): dropped. */
  staleSequence: number;
  retransmitRequestsSent: number;
  /** UMP Data commands recovered by a retransmission we asked for. */
  retransmitRecovered: number;
  retransmitRequestsReceived: number;
  /** UMP Data commands sent again because the peer asked. */
  retransmittedOut: number;
  retransmitErrorsReceived: number;
  retransmitErrorsSent: number;
  /** UMP Data commands that never arrived, neither by FEC nor by retransmission. */
  lost: number;
  /** Datagrams or commands that were malformed (bad signature, truncated, bad length, bad UMP). */
  malformed: number;
  unknownCommands: number;
  naksSent: number;
  naksReceived: number;
  pingsSent: number;
  pingRepliesReceived: number;
  /** Ping intervals that ended without a reply. */
  pingsMissed: number;
  keepAlivesSent: number;
  keepAlivesReceived: number;
}

export function newSessionCounters(): SessionCounters {
  return {
    umpIn: 0,
    umpOut: 0,
    datagramsIn: 0,
    datagramsOut: 0,
    fecRecovered: 0,
    duplicates: 0,
    staleSequence: 0,
    retransmitRequestsSent: 0,
    retransmitRecovered: 0,
    retransmitRequestsReceived: 0,
    retransmittedOut: 0,
    retransmitErrorsReceived: 0,
    retransmitErrorsSent: 0,
    lost: 0,
    malformed: 0,
    unknownCommands: 0,
    naksSent: 0,
    naksReceived: 0,
    pingsSent: 0,
    pingRepliesReceived: 0,
    pingsMissed: 0,
    keepAlivesSent: 0,
    keepAlivesReceived: 0,
  };
}
