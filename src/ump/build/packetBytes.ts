// Laying a message's bytes into packets, shared by the builders of every multi-packet message
// (SysEx7, SysEx8, Mixed Data Set, UMP Stream names, Flex Data text).
import { PacketForm } from '../messageType';

export interface PacketPiece {
  form: PacketForm;
  bytes: number[];
}

/**
 * `bytes` cut into pieces of at most `perPacket`, each with the form it travels in: a short (or
 * empty) message is one Complete packet, a longer one Start, Continue…, End.
 */
export function piecesWithForms(bytes: readonly number[], perPacket: number): PacketPiece[] {
  if (bytes.length <= perPacket) return [{ form: PacketForm.Complete, bytes: bytes.slice() }];
  const pieces: PacketPiece[] = [];
  for (let at = 0; at < bytes.length; at += perPacket) {
    const last = at + perPacket >= bytes.length;
    const form = at === 0 ? PacketForm.Start : last ? PacketForm.End : PacketForm.Continue;
    pieces.push({ form, bytes: bytes.slice(at, at + perPacket) });
  }
  return pieces;
}

/**
 * A packet of `wordCount` words: `w0`, then `bytes` written from byte `start` on (bytes counted
 * from the top of the first word), the rest zero.
 */
export function packetWithBytes(
  wordCount: number,
  w0: number,
  start: number,
  bytes: readonly number[],
): Uint32Array {
  const words = new Uint32Array(wordCount);
  words[0] = w0;
  bytes.forEach((byte, i) => {
    const at = start + i;
    words[at >> 2] |= byte << (24 - (at & 3) * 8);
  });
  return words;
}
