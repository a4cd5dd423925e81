// Message type 0x3, Data 64 (64-bit): System Exclusive with 7-bit data. Status 0–3 says whether
// the packet is a whole SysEx or its start/continue/end; bits 19–16 count the data bytes (0–6)
// that follow, two in the first word, four in the second. No F0/F7 bytes travel in a UMP.
import type { DecodedUmp } from '../decodedUmp';
import { formatBytes, hex } from '../hex';
import { packetFormNames } from '../messageType';
import { describedField, hexField, textField } from './fields';
import { decodedMessage } from './message';

export const SYSEX7_BYTES_PER_PACKET = 6;

const names = ['SysEx7 Complete', 'SysEx7 Start', 'SysEx7 Continue', 'SysEx7 End'];

/** The data bytes of a SysEx7 packet (at most 6, however many its byte count claims). */
export function sysEx7Bytes(w0: number, w1: number): number[] {
  const count = Math.min((w0 >>> 16) & 0xf, SYSEX7_BYTES_PER_PACKET);
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) bytes.push(byteAt(w0, w1, i));
  return bytes;
}

function byteAt(w0: number, w1: number, index: number): number {
  return index < 2 ? (w0 >>> (8 - index * 8)) & 0xff : (w1 >>> (24 - (index - 2) * 8)) & 0xff;
}

export function decodeData64(w0: number, w1: number): DecodedUmp {
  const status = (w0 >>> 20) & 0xf;
  if (status > 3) {
    return decodedMessage(
      w0,
      status,
      'Reserved Data 64 Status',
      [hexField('Status', status, 1)],
      hex(status, 1),
      {
        reserved: true,
      },
    );
  }
  const count = (w0 >>> 16) & 0xf;
  const data = formatBytes(sysEx7Bytes(w0, w1));
  const countDisplay = count <= SYSEX7_BYTES_PER_PACKET ? String(count) : `${count} (invalid: at most 6)`;
  return decodedMessage(
    w0,
    status,
    names[status],
    [
      textField('Form', packetFormNames[status]),
      describedField('Number of Bytes', count, countDisplay),
      textField('Data', data, data === '' ? '(none)' : data),
    ],
    data === '' ? '(no data)' : data,
  );
}
