// The UMP Stream messages that carry text over up to several packets, the form bits saying which
// part each is: endpoint name and product instance id (14 bytes a packet) and function block name
// (13, after the block number). Text is zero-padded, so it cannot hold NUL.
import { FUNCTION_BLOCK_NAME_BYTES_PER_PACKET, STREAM_NAME_BYTES_PER_PACKET } from '../decode/umpStream';
import { UmpStreamStatus as Status } from '../names/umpStream';
import { encodeUtf8 } from '../utf8';
import { checkFunctionBlock, umpStreamWord0 } from './umpStreamFields';
import { packetWithBytes, piecesWithForms } from './packetBytes';

/** The longest texts the spec allows, in bytes of UTF-8. */
export const MAX_ENDPOINT_NAME_BYTES = 98;
export const MAX_PRODUCT_INSTANCE_ID_BYTES = 42;
export const MAX_FUNCTION_BLOCK_NAME_BYTES = 91;

export function buildEndpointNamePackets(name: string): Uint32Array[] {
  const bytes = textBytes('name', name, MAX_ENDPOINT_NAME_BYTES);
  return piecesWithForms(bytes, STREAM_NAME_BYTES_PER_PACKET).map((piece) =>
    packetWithBytes(4, umpStreamWord0(Status.EndpointNameNotification, 0, piece.form), 2, piece.bytes),
  );
}

/** A serial number or the like that tells apart two units of one product: printable ASCII only. */
export function buildProductInstanceIdPackets(productInstanceId: string): Uint32Array[] {
  if (!/^[\x20-\x7e]*$/.test(productInstanceId)) {
    throw new RangeError(
      `productInstanceId must be printable ASCII (0x20–0x7E); got ${JSON.stringify(productInstanceId)}`,
    );
  }
  const bytes = textBytes('productInstanceId', productInstanceId, MAX_PRODUCT_INSTANCE_ID_BYTES);
  return piecesWithForms(bytes, STREAM_NAME_BYTES_PER_PACKET).map((piece) =>
    packetWithBytes(4, umpStreamWord0(Status.ProductInstanceIdNotification, 0, piece.form), 2, piece.bytes),
  );
}

export function buildFunctionBlockNamePackets(functionBlock: number, name: string): Uint32Array[] {
  checkFunctionBlock(functionBlock);
  const bytes = textBytes('name', name, MAX_FUNCTION_BLOCK_NAME_BYTES);
  return piecesWithForms(bytes, FUNCTION_BLOCK_NAME_BYTES_PER_PACKET).map((piece) =>
    packetWithBytes(
      4,
      umpStreamWord0(Status.FunctionBlockNameNotification, functionBlock << 8, piece.form),
      3,
      piece.bytes,
    ),
  );
}

function textBytes(argument: string, text: string, maxBytes: number): number[] {
  if (text.includes('\0')) {
    throw new RangeError(
      `${argument} must not contain NUL, which pads the packets; got ${JSON.stringify(text)}`,
    );
  }
  const bytes = Array.from(encodeUtf8(text));
  if (bytes.length > maxBytes) {
    throw new RangeError(`${argument} must be at most ${maxBytes} bytes of UTF-8; got ${bytes.length}`);
  }
  return bytes;
}
