// Mixed Data Set (message type 0x5, Data 128): data of any kind, sent in chunks of up to 65535
// bytes. A chunk is a header (status 0x8: the MDS id, the chunk's byte count, which chunk of how
// many, and manufacturer, device and sub ids saying what the data is) followed by payload packets
// (status 0x9) of 14 bytes each, the last zero-padded.
import { MIXED_DATA_SET_BYTES_PER_PAYLOAD } from '../decode/data128';
import { MessageType } from '../messageType';
import { checkBytes, checkRange } from './checkRange';
import { packetWithBytes } from './packetBytes';

/** The header's byte count is 16 bits. */
export const MAX_MIXED_DATA_SET_CHUNK_BYTES = 0xffff;

const headerStatus = 0x8;
const payloadStatus = 0x9;

/** What the header says besides the byte count: the data's owner and kind, and the chunk's place. */
export interface MixedDataSetHeader {
  /** 16 bits each. */
  manufacturerId: number;
  deviceId: number;
  subId1: number;
  subId2: number;
  /** Chunks in the whole data set, 0 when the sender does not know; 1 if omitted. */
  chunkCount?: number;
  /** 1-based, at most `chunkCount` when that is known; 1 if omitted. */
  chunkNumber?: number;
}

/**
 * One chunk: the header, then `bytes` in payload packets. `mdsId` (0–15) tells apart data sets
 * sent at once on a group. The byte count in the header counts the payload bytes only.
 */
export function buildMixedDataSetPackets(
  group: number,
  mdsId: number,
  header: MixedDataSetHeader,
  bytes: ArrayLike<number>,
): Uint32Array[] {
  checkRange('group', group, 0, 15);
  checkRange('mdsId', mdsId, 0, 15);
  const chunkCount = checkRange('chunkCount', header.chunkCount ?? 1, 0, 0xffff);
  const chunkNumber = checkRange(
    'chunkNumber',
    header.chunkNumber ?? 1,
    1,
    chunkCount === 0 ? 0xffff : chunkCount,
  );
  const ids = (['manufacturerId', 'deviceId', 'subId1', 'subId2'] as const).map((name) =>
    checkRange(name, header[name], 0, 0xffff),
  );
  if (bytes.length > MAX_MIXED_DATA_SET_CHUNK_BYTES) {
    throw new RangeError(
      `bytes must be at most ${MAX_MIXED_DATA_SET_CHUNK_BYTES} in one chunk; got ${bytes.length}`,
    );
  }
  const data = checkBytes('bytes', bytes, 0xff);
  const w0 = (MessageType.Data128 << 28) | (group << 24) | (mdsId << 16);
  const packets: Uint32Array[] = [
    Uint32Array.of(
      w0 | (headerStatus << 20) | data.length,
      ((chunkCount << 16) | chunkNumber) >>> 0,
      ((ids[0] << 16) | ids[1]) >>> 0,
      ((ids[2] << 16) | ids[3]) >>> 0,
    ),
  ];
  for (let at = 0; at < data.length; at += MIXED_DATA_SET_BYTES_PER_PAYLOAD) {
    const piece = data.slice(at, at + MIXED_DATA_SET_BYTES_PER_PAYLOAD);
    packets.push(packetWithBytes(4, w0 | (payloadStatus << 20), 2, piece));
  }
  return packets;
}
