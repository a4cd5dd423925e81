// The command codec: every command MIDI Scope writes reads back as written; digests match the
// spec's definition; what other implementations send differently is read and noted; malformed
// input is refused with the right NAK reason (or dropped) and never reaches UMP delivery.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ByeReason,
  CommandCode,
  NakReason,
  dispatchDatagram,
  sharedSecretDigest,
  userDigest,
  type Command,
} from '../../../src/transports/network';
import * as writers from '../../../src/transports/network/protocol/commandWriters';
import { DatagramWriter } from '../../../src/transports/network/protocol/datagramWriter';
import { encodeIdentity } from '../../../src/transports/network/endpointIdentity';

interface Seen {
  commands: Command[];
  ump: { sequence: number; words: number[]; messages: number }[];
  refused: { kind: string; message: string; header: number | undefined; nak: number | undefined }[];
  tolerated: string[];
}

function read(bytes: Uint8Array): Seen {
  const seen: Seen = { commands: [], ump: [], refused: [], tolerated: [] };
  dispatchDatagram(bytes, {
    umpData: (sequence, view, byteOffset, wordCount, messages) => {
      const words: number[] = [];
      for (let i = 0; i < wordCount; i++) words.push(view.getUint32(byteOffset + i * 4));
      seen.ump.push({ sequence, words, messages });
    },
    command: (command) => seen.commands.push(command),
    refused: (kind, message, header, nak) => seen.refused.push({ kind, message, header, nak }),
    tolerated: (text) => seen.tolerated.push(text),
  });
  return seen;
}

function datagram(hex: string): Uint8Array {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex');
}

const nonce = Uint8Array.from({ length: 16 }, (_, i) => i);

void describe('network codec', () => {
  void it('writes and reads back every command, several in one datagram', () => {
    const identity = encodeIdentity('Scope ✓ Host', 'PIID-0042');
    const w = new DatagramWriter();
    writers.writeInvitation(w, 0x03, identity);
    writers.writeInvitationReply(w, CommandCode.InvitationReplyAccepted, identity);
    writers.writeInvitationReply(w, CommandCode.InvitationReplyPending, identity);
    writers.writeAuthenticationRequired(w, true, 1, nonce, identity);
    writers.writeInvitationWithAuthentication(w, new Uint8Array(32).fill(7));
    writers.writeInvitationWithUserAuthentication(
      w,
      new Uint8Array(32).fill(9),
      new TextEncoder().encode('ada'),
    );
    writers.writePing(w, false, 0xdeadbeef);
    writers.writePing(w, true, 0x01020304);
    writers.writeRetransmitRequest(w, 0xfffe, 5);
    writers.writeRetransmitError(w, 1, 0x1234);
    writers.writeSessionReset(w, false);
    writers.writeSessionReset(w, true);
    writers.writeNak(w, NakReason.CommandMalformed, 0xff010000, new TextEncoder().encode('bad'));
    writers.writeBye(w, ByeReason.Timeout, new TextEncoder().encode('gone'));
    writers.writeByeReply(w);
    writers.writeUmpData(w, 0xffff, Uint32Array.of(0x40903c00, 0xffff0000), 0, 2);
    writers.writeUmpData(w, 0, new Uint32Array(0), 0, 0);
    const seen = read(w.take()!);
    assert.deepEqual(seen.refused, []);
    assert.deepEqual(seen.tolerated, []);
    const identityFields = { endpointName: 'Scope ✓ Host', productInstanceId: 'PIID-0042' };
    assert.deepEqual(seen.commands, [
      { kind: 'invitation', capabilities: 3, ...identityFields },
      { kind: 'accepted', ...identityFields },
      { kind: 'pending', ...identityFields },
      { kind: 'authenticationRequired', user: true, state: 1, nonce, ...identityFields },
      { kind: 'invitationWithAuthentication', digest: new Uint8Array(32).fill(7) },
      { kind: 'invitationWithUserAuthentication', digest: new Uint8Array(32).fill(9), userName: 'ada' },
      { kind: 'ping', id: 0xdeadbeef },
      { kind: 'pingReply', id: 0x01020304 },
      { kind: 'retransmitRequest', sequence: 0xfffe, count: 5 },
      { kind: 'retransmitError', reason: 1, sequence: 0x1234 },
      { kind: 'sessionReset' },
      { kind: 'sessionResetReply' },
      { kind: 'nak', reason: 3, originalHeader: 0xff010000, text: 'bad' },
      { kind: 'bye', reason: 4, text: 'gone' },
      { kind: 'byeReply' },
    ]);
    assert.deepEqual(seen.ump, [
      { sequence: 0xffff, words: [0x40903c00, 0xffff0000], messages: 1 },
      { sequence: 0, words: [], messages: 0 },
    ]);
  });

  void it('lays out an invitation as the spec does: name length in words, capabilities, NUL padding', () => {
    const w = new DatagramWriter();
    writers.writeInvitation(w, 0x01, encodeIdentity('Hello', 'AB'));
    assert.equal(
      Buffer.from(w.take()!).toString('hex'),
      '4d494449' + '01030201' + '48656c6c' + '6f000000' + '41420000',
    );
  });

  void it('digests: SHA-256 over nonce + secret, and over nonce + user name + password (UTF-8)', () => {
    assert.equal(
      Buffer.from(sharedSecretDigest(nonce, 's3cret')).toString('hex'),
      'bb913cc836b213896ba4e54fc1d1c54bc72242421085f10ac4944db11bd9f191',
    );
    assert.equal(
      Buffer.from(userDigest(nonce, 'alice', 'pässword')).toString('hex'),
      '9bb23b46bf82d09558c144b057b1ffcc0cf36368843f0becf34e2f73f60b39b5',
    );
  });

  void it('tolerates and notes what implementations differ on: NAK 0x7F, an extra NUL word, a short retransmit request', () => {
    const seen = read(
      datagram(`4d494449
        7f010100 ff000000
        10030200 41424344 00000000 58590000
        80000005`),
    );
    assert.deepEqual(seen.commands, [
      { kind: 'nak', reason: 1, originalHeader: 0xff000000, text: '' },
      { kind: 'accepted', endpointName: 'ABCD', productInstanceId: 'XY' },
      { kind: 'retransmitRequest', sequence: 5, count: 0 },
    ]);
    assert.deepEqual(seen.tolerated, [
      'NAK sent with code 0x7F instead of 0x8F',
      'endpoint name: padded with an extra NUL word',
      'retransmit request without its count word: taken as count 0 (all from the sequence on)',
    ]);
  });

  void it('refuses malformed input with the NAK it deserves and delivers no UMP from it', () => {
    const cases: [string, string, number | undefined][] = [
      ['4d494448 ff010000 20903c64', 'badSignature', undefined],
      ['4d49', 'tooShort', undefined],
      ['4d494449 ff010000 20903c64 ff01', 'truncatedCommand', undefined],
      ['4d494449 ff030000 20903c64', 'lengthBeyondDatagram', NakReason.CommandMalformed],
      ['4d494449 42000000', 'unknown', NakReason.CommandNotSupported],
      ['4d494449 ff010007 40903c64', 'malformed', NakReason.CommandMalformed],
      ['4d494449 ff020007 20903c64 40903c64', 'malformed', NakReason.CommandMalformed],
      ['4d494449 02020000 00000000 00000000', 'malformed', NakReason.CommandMalformed],
      ['4d494449 20000000', 'malformed', NakReason.CommandMalformed],
      ['4d494449 10030500 41424344 00000000 00000000', 'malformed', NakReason.CommandMalformed],
    ];
    for (const [hex, kind, nak] of cases) {
      const seen = read(datagram(hex));
      assert.equal(seen.refused.length, 1, hex);
      assert.equal(seen.refused[0].kind, kind, hex);
      assert.equal(seen.refused[0].nak, nak, hex);
      if (kind !== 'truncatedCommand') assert.deepEqual(seen.ump, [], hex);
    }
    // Commands before a truncated one still count (a UMP Data that is whole), the rest is dropped.
    assert.deepEqual(read(datagram('4d494449 ff010000 20903c64 ff01')).ump, [
      { sequence: 0, words: [0x20903c64], messages: 1 },
    ]);
    assert.match(
      read(datagram('4d494449 ff030000 20903c64')).refused[0].message,
      /at offset 4 says 3 payload words, the datagram has 1/,
    );
  });

  void it('refuses names beyond the spec limits when configured', () => {
    assert.throws(() => encodeIdentity('x'.repeat(99), 'a'), /at most 98 bytes/);
    assert.throws(() => encodeIdentity('x', 'é'), /printable ASCII/);
  });
});
