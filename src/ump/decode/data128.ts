// Message type 0x5, Data 128 (128-bit): System Exclusive 8 (status 0–3, 8-bit data after a stream
// id; the byte count in bits 19–16 includes the stream id, so 1–14) and Mixed Data Set header
// (status 8) and payload (status 9) chunks.
import type { DecodedUmp } from '../decodedUmp';
import { formatBytes, hex } from '../hex';
import { packetFormNames } from '../messageType';
import { describedField, hexField, numberField, textField } from './fields';
import { decodedMessage } from './message';

export const SYSEX8_BYTES_PER_PACKET = 13;

const sysEx8Names = ['SysEx8 Complete', 'SysEx8 Start', 'SysEx8 Continue', 'SysEx8 End'];

/** Byte `index` (0–15) of a 128-bit message, counting from the top of the first word. */
export function byteOf128(w0: number, w1: number, w2: number, w3: number, index: number): number {
  const word = index < 4 ? w0 : index < 8 ? w1 : index < 12 ? w2 : w3;
  return (word >>> (24 - (index & 3) * 8)) & 0xff;
}

/** The data bytes of a SysEx8 packet (after the stream id, at most 13). */
export function sysEx8Bytes(w0: number, w1: number, w2: number, w3: number): number[] {
  const count = Math.min(Math.max(((w0 >>> 16) & 0xf) - 1, 0), SYSEX8_BYTES_PER_PACKET);
  const bytes: number[] = [];
  for (let i = 0; i < count; i++) bytes.push(byteOf128(w0, w1, w2, w3, 3 + i));
  return bytes;
}

export const MIXED_DATA_SET_BYTES_PER_PAYLOAD = 14;

/** The 14 payload bytes of a Mixed Data Set payload chunk. */
export function mixedDataSetPayload(w0: number, w1: number, w2: number, w3: number): number[] {
  const bytes: number[] = [];
  for (let i = 2; i < 16; i++) bytes.push(byteOf128(w0, w1, w2, w3, i));
  return bytes;
}

export function decodeData128(w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  const status = (w0 >>> 20) & 0xf;
  if (status <= 3) return decodeSysEx8(status, w0, w1, w2, w3);
  if (status === 0x8) {
    const mdsId = (w0 >>> 16) & 0xf;
    const validBytes = w0 & 0xffff;
    const chunks = w1 >>> 16;
    const chunk = w1 & 0xffff;
    return decodedMessage(
      w0,
      status,
      'Mixed Data Set Header',
      [
        numberField('MDS ID', mdsId),
        numberField('Number of Valid Bytes in This Chunk', validBytes, 'bytes'),
        describedField(
          'Number of Chunks in Mixed Data Set',
          chunks,
          chunks === 0 ? '0 (unknown)' : String(chunks),
        ),
        numberField('Number of This Chunk', chunk),
        hexField('Manufacturer ID', w2 >>> 16, 4),
        hexField('Device ID', w2 & 0xffff, 4),
        hexField('Sub ID #1', w3 >>> 16, 4),
        hexField('Sub ID #2', w3 & 0xffff, 4),
      ],
      `mds ${mdsId} chunk ${chunk}/${chunks} ${validBytes} bytes`,
    );
  }
  if (status === 0x9) {
    const mdsId = (w0 >>> 16) & 0xf;
    const data = formatBytes(mixedDataSetPayload(w0, w1, w2, w3));
    return decodedMessage(
      w0,
      status,
      'Mixed Data Set Payload',
      [numberField('MDS ID', mdsId), textField('Data', data)],
      `mds ${mdsId} ${data}`,
    );
  }
  return decodedMessage(
    w0,
    status,
    'Reserved Data 128 Status',
    [hexField('Status', status, 1)],
    hex(status, 1),
    {
      reserved: true,
    },
  );
}

function decodeSysEx8(status: number, w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  const count = (w0 >>> 16) & 0xf;
  const streamId = (w0 >>> 8) & 0xff;
  const data = formatBytes(sysEx8Bytes(w0, w1, w2, w3));
  const countDisplay =
    count >= 1 && count <= 14 ? String(count) : `${count} (invalid: 1–14, stream id included)`;
  return decodedMessage(
    w0,
    status,
    sysEx8Names[status],
    [
      textField('Form', packetFormNames[status]),
      describedField('Number of Bytes', count, countDisplay),
      numberField('Stream ID', streamId),
      textField('Data', data, data === '' ? '(none)' : data),
    ],
    `stream ${streamId} ${data === '' ? '(no data)' : data}`,
  );
}
