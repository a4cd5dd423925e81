// The Network view redraws the whole tree only when what it lists changed: a redraw drops VS
// Code's map of rows to nodes for a moment, and an inline action clicked then runs without its
// row. Ping replies (RTT) and counters must therefore leave the listing as it was; a session
// that ends must change it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkListing, sessionSummary } from '../../../src/extension/network/networkTreeNodes';
import {
  CommandCode,
  type Command,
  type NetworkHost,
  type NetworkSession,
} from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { sessionSendingTo } from './support/networkTestKit';

const pingReplyHeader = (CommandCode.PingReply << 24) | (1 << 16);

void describe('the Network view’s listing', () => {
  void it('stays the same when RTT and counters move, and changes when a session ends', async () => {
    const pings: number[] = [];
    const session = sessionSendingTo(
      (command: Command) => {
        if (command.kind === 'ping') pings.push(command.id);
      },
      'host',
      { pingIntervalMs: 20, pingAttempts: 50 },
    );
    // The parts of a running host that the listing reads (a real host needs a socket).
    const host = {
      local: { address: '127.0.0.1', port: 5004 },
      settings: { endpointName: 'Host' },
      authenticationMode: 'none',
      sessions: [session],
      endedSessions: [] as NetworkSession[],
      refusals: [],
    } as unknown as NetworkHost;
    const manager = { host, hostStartProblem: undefined, clients: [] };
    try {
      await waitFor(() => pings.length >= 1, 'a ping sent');
      const before = networkListing(manager);
      const summaryBefore = sessionSummary(session);
      session.command({ kind: 'pingReply', id: pings[0] }, pingReplyHeader);
      session.counters.umpIn += 10;
      assert.notEqual(sessionSummary(session), summaryBefore, 'the session row shows the new RTT');
      assert.equal(networkListing(manager), before);

      session.dispose();
      assert.equal(session.state, 'closed');
      assert.notEqual(networkListing(manager), before);
    } finally {
      session.dispose();
    }
  });
});
