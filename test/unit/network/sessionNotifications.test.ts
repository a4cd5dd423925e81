// What a session notifies as `changed`: its state and its end, never a ping reply's RTT or its
// counters. Each notification redraws the whole Network view, and a redraw drops VS Code's map of
// rows to nodes for a moment: an inline action clicked then ran without its row (CI: End
// Network Session asked which session). RTT and counters are read when the rows are drawn.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sessionSummary } from '../../../src/extension/network/networkTreeNodes';
import { CommandCode, type Command } from '../../../src/transports/network';
import { waitFor } from '../engine/support/waitFor';
import { sessionSendingTo } from './support/networkTestKit';

const pingReplyHeader = (CommandCode.PingReply << 24) | (1 << 16);

void describe('network session notifications', () => {
  void it('does not notify a new RTT, and notifies the end', async () => {
    const pings: number[] = [];
    const session = sessionSendingTo(
      (command: Command) => {
        if (command.kind === 'ping') pings.push(command.id);
      },
      'host',
      { pingIntervalMs: 20, pingAttempts: 50 },
    );
    let changes = 0;
    session.listen({ changed: () => changes++ });
    try {
      await waitFor(() => pings.length >= 1, 'a ping sent');
      const summaryBefore = sessionSummary(session);
      session.command({ kind: 'pingReply', id: pings[0] }, pingReplyHeader);
      assert.notEqual(sessionSummary(session), summaryBefore, 'the session row shows the new RTT');
      assert.equal(changes, 0, 'a ping reply is not a change');

      session.dispose();
      assert.equal(session.state, 'closed');
      assert.ok(changes > 0, 'the end is a change');
    } finally {
      session.dispose();
    }
  });
});
