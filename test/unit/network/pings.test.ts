// Ping replies: a reply that comes after the next ping went out (a slow peer: amidi2net under
// emulation answered so) still measures a round trip and is not refused; a reply to a ping that
// was never sent gets NAK "Bad Ping Reply".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommandCode, NakReason, type Command, type NetworkSession } from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { sessionSendingTo } from './support/networkTestKit';

interface Sent {
  pings: number[];
  naks: { reason: number; code: number }[];
}

function session(sent: Sent): NetworkSession {
  return sessionSendingTo(
    (command: Command) => {
      if (command.kind === 'ping') sent.pings.push(command.id);
      if (command.kind === 'nak')
        sent.naks.push({ reason: command.reason, code: command.originalHeader >>> 24 });
    },
    'client',
    { pingIntervalMs: 30, pingAttempts: 50 },
  );
}

const pingReplyHeader = (CommandCode.PingReply << 24) | (1 << 16);

void describe('network session pings', () => {
  void it('takes a reply to an earlier ping after the next one went out, without a NAK', async () => {
    const sent: Sent = { pings: [], naks: [] };
    const peer = session(sent);
    try {
      await waitFor(() => sent.pings.length >= 3, 'three pings sent');
      peer.command({ kind: 'pingReply', id: sent.pings[0] }, pingReplyHeader);
      assert.equal(peer.counters.pingRepliesReceived, 1);
      assert.ok(peer.smoothedRtt !== undefined && peer.smoothedRtt > 0);
      assert.deepEqual(sent.naks, []);
      // The same reply again is no longer expected.
      peer.command({ kind: 'pingReply', id: sent.pings[0] }, pingReplyHeader);
      assert.deepEqual(sent.naks, [{ reason: NakReason.BadPingReply, code: CommandCode.PingReply }]);
    } finally {
      peer.dispose();
    }
  });

  void it('refuses a reply to a ping it never sent with NAK Bad Ping Reply', async () => {
    const sent: Sent = { pings: [], naks: [] };
    const peer = session(sent);
    try {
      await waitFor(() => sent.pings.length >= 1, 'a ping sent');
      const never = (sent.pings[0] ^ 0x5a5a5a5a) >>> 0;
      peer.command({ kind: 'pingReply', id: never }, pingReplyHeader);
      assert.equal(peer.counters.pingRepliesReceived, 0);
      assert.equal(peer.counters.naksSent, 1);
      assert.deepEqual(sent.naks, [{ reason: NakReason.BadPingReply, code: CommandCode.PingReply }]);
    } finally {
      peer.dispose();
    }
  });
});
