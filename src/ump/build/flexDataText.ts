// Flex Data text (message type 0xD, status banks 1 metadata text and 2 performance text): UTF-8
// over as many packets as it needs, 12 bytes in words 1–3 of each, zero-padded, so the text
// cannot hold NUL. The spec sets no length limit.
import { FLEX_TEXT_BYTES_PER_PACKET } from '../decode/flexData';
import { FlexDataStatusBank as Bank } from '../names/flexData';
import { encodeUtf8 } from '../utf8';
import { checkRange } from './checkRange';
import { flexDataWord0 } from './flexDataFields';
import { packetWithBytes, piecesWithForms } from './packetBytes';

/** `status` names the kind of text (e.g. bank 1 status 1 project name, bank 2 status 1 lyrics). */
export function buildFlexTextPackets(
  group: number,
  statusBank: number,
  status: number,
  text: string,
  channel?: number,
): Uint32Array[] {
  checkRange('statusBank', statusBank, Bank.MetadataText, Bank.PerformanceText);
  checkRange('status', status, 0, 0xff);
  if (text.includes('\0')) {
    throw new RangeError(`text must not contain NUL, which pads the packets; got ${JSON.stringify(text)}`);
  }
  const bytes = Array.from(encodeUtf8(text));
  return piecesWithForms(bytes, FLEX_TEXT_BYTES_PER_PACKET).map((piece) =>
    packetWithBytes(4, flexDataWord0(group, channel, statusBank, status, piece.form), 4, piece.bytes),
  );
}
