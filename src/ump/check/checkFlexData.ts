// Flex Data (type 0xD): address, status bank and status, the form of single-packet messages and
// the reserved words of the setup messages (M2-104-UM v1.1, section 7.5).
import { reservedBits } from './fieldChecks';
import { fieldHex, pushProblem, type UmpProblem } from './problem';

/** Setup and performance statuses (bank 0) and how many text kinds banks 1 and 2 name. */
const setupStatuses = new Set([0x00, 0x01, 0x02, 0x05, 0x06]);
const textStatusCount = [0, 13, 5];

export function checkFlexData(into: UmpProblem[], w0: number, w1: number, w2: number, w3: number): void {
  const form = (w0 >>> 22) & 0x3;
  const address = (w0 >>> 20) & 0x3;
  const bank = (w0 >>> 8) & 0xff;
  const status = w0 & 0xff;
  if (address > 1) {
    pushProblem(
      into,
      'reservedBitsSet',
      0,
      21,
      20,
      `Flex Data address ${address} is reserved (0 channel, 1 group)`,
    );
  } else if (address === 1) {
    reservedBits(into, w0, 0, 19, 16, 'a group-addressed Flex Data message has no channel');
  }
  const known = bank === 0 ? setupStatuses.has(status) : bank <= 2 && status < textStatusCount[bank];
  if (!known) {
    pushProblem(
      into,
      'reservedStatus',
      0,
      15,
      0,
      `Flex Data bank ${fieldHex(bank, 8)} status ${fieldHex(status, 8)} is reserved`,
    );
    return;
  }
  if (bank !== 0) return;
  if (form !== 0) {
    pushProblem(
      into,
      'formNotComplete',
      0,
      23,
      22,
      `Flex Data setup messages are one packet: form must be 0 (Complete), read ${form}`,
    );
  }
  switch (status) {
    case 0x00:
      reservedBits(into, w2, 2, 31, 0, 'Set Tempo');
      reservedBits(into, w3, 3, 31, 0, 'Set Tempo');
      return;
    case 0x01:
      reservedBits(into, w1, 1, 7, 0, 'Set Time Signature');
      reservedBits(into, w2, 2, 31, 0, 'Set Time Signature');
      reservedBits(into, w3, 3, 31, 0, 'Set Time Signature');
      return;
    case 0x02:
      reservedBits(into, w2, 2, 15, 0, 'Set Metronome');
      reservedBits(into, w3, 3, 31, 0, 'Set Metronome');
      return;
    case 0x05:
      reservedBits(into, w1, 1, 23, 0, 'Set Key Signature');
      reservedBits(into, w2, 2, 31, 0, 'Set Key Signature');
      reservedBits(into, w3, 3, 31, 0, 'Set Key Signature');
      return;
    default:
      return;
  }
}
