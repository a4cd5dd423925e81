// What the network tree shows, as plain data: the host with its sessions (open and recently
// ended) and refusals, and each client with its session. Counters become child rows.
import {
  describeByeReason,
  type NetworkClient,
  type NetworkHost,
  type NetworkSession,
  type SessionCounters,
} from '../../transports/network';

export type NetworkTreeNode =
  | { kind: 'host'; host: NetworkHost | undefined; problem: string | undefined }
  | { kind: 'session'; session: NetworkSession; parent: 'host' | NetworkClient }
  | { kind: 'client'; client: NetworkClient }
  | { kind: 'detail'; label: string; description: string; tooltip?: string };

export function formatRtt(session: NetworkSession): string {
  const rtt = session.smoothedRtt;
  if (rtt === undefined) return 'RTT …';
  return rtt < 1 ? `RTT ${(rtt * 1000).toFixed(0)} µs` : `RTT ${rtt.toFixed(1)} ms`;
}

export function sessionSummary(session: NetworkSession): string {
  const remote = `${session.remote.address}:${session.remote.port}`;
  if (session.state === 'closed') {
    const end = session.end;
    return `${remote} · ended: ${end ? `${end.byPeer ? 'Bye from the peer, ' : ''}${describeByeReason(end.reason)}` : 'closed'}`;
  }
  return `${remote} · ${session.state} · ${formatRtt(session)}`;
}

export function counterRows(counters: SessionCounters): NetworkTreeNode[] {
  return [
    { kind: 'detail', label: 'UMP', description: `in ${counters.umpIn} · out ${counters.umpOut}` },
    {
      kind: 'detail',
      label: 'Recovery',
      description: `FEC ${counters.fecRecovered} · retransmitted ${counters.retransmitRecovered} · lost ${counters.lost}`,
      tooltip: `FEC recoveries: ${counters.fecRecovered}\nrecovered by retransmission: ${counters.retransmitRecovered}\nlost: ${counters.lost}\nretransmit requests sent / received: ${counters.retransmitRequestsSent} / ${counters.retransmitRequestsReceived}\nsent again for the peer: ${counters.retransmittedOut}\nduplicates dropped: ${counters.duplicates}`,
    },
    {
      kind: 'detail',
      label: 'Dropped',
      description: `malformed ${counters.malformed} · unknown ${counters.unknownCommands} · stale ${counters.staleSequence} · NAK in ${counters.naksReceived} out ${counters.naksSent}`,
    },
    {
      kind: 'detail',
      label: 'Pings',
      description: `sent ${counters.pingsSent} · replies ${counters.pingRepliesReceived} · missed ${counters.pingsMissed}`,
    },
  ];
}

export function hostChildren(host: NetworkHost): NetworkTreeNode[] {
  const nodes: NetworkTreeNode[] = host.sessions.map((session) => ({
    kind: 'session',
    session,
    parent: 'host',
  }));
  for (const session of host.endedSessions.slice(0, 5))
    nodes.push({ kind: 'session', session, parent: 'host' });
  const refusal = host.refusals[0];
  if (refusal) {
    nodes.push({
      kind: 'detail',
      label: `Refused: ${host.refusals.length}`,
      description: `last: ${refusal.from.address}:${refusal.from.port} ${refusal.what}`,
      tooltip: host.refusals
        .map(
          (entry) =>
            `${entry.at.toISOString()} ${entry.from.address}:${entry.from.port} '${entry.peer ?? ''}': ${entry.what}`,
        )
        .join('\n'),
    });
  }
  return nodes;
}

/** The client's row: its host's address and state. Its RTT is on the session row under it. */
export function clientDescription(client: NetworkClient): string {
  const remote = `${client.remote.address}:${client.remote.port}`;
  if (client.state === 'ended') return `${remote} · ${client.lastProblem ?? 'ended'}`;
  return `${remote} · ${client.state}`;
}
