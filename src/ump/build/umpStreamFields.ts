// Fields every UMP Stream builder shares. The first word of a UMP Stream message (message type
// 0xF, groupless) holds the form in bits 27–26 (only names use more than Complete), the 10-bit
// status in 25–16 and message fields in 15–0.
import { MessageType, PacketForm } from '../messageType';
import type { UmpStreamStatus } from '../names/umpStream';

export function umpStreamWord0(status: UmpStreamStatus, low16: number, form = PacketForm.Complete): number {
  return ((MessageType.UmpStream << 28) | (form << 26) | (status << 16) | low16) >>> 0;
}

/** Function blocks are numbered 0–31 (32 at most); `alternative` names another value allowed. */
export function checkFunctionBlock(functionBlock: number, alternative = ''): number {
  if (!Number.isInteger(functionBlock) || functionBlock < 0 || functionBlock > 31) {
    throw new RangeError(`functionBlock must be an integer from 0 to 31${alternative}; got ${functionBlock}`);
  }
  return functionBlock;
}
