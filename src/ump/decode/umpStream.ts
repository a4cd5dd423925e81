// Message type 0xF, UMP Stream (128-bit, groupless): endpoint and function block discovery and
// their notifications, stream configuration, and clip markers. Bits 27–26 of the first word hold
// the form (complete/start/continue/end) used by the name messages, bits 25–16 the status.
import type { DecodedUmp, UmpField } from '../decodedUmp';
import { groupOrChannel, numbered, showNumbered } from '../numbering';
import { hex } from '../hex';
import { packetFormNames } from '../messageType';
import {
  directionNames,
  endpointDiscoveryFilterBits,
  functionBlockDiscoveryFilterBits,
  midi1PortNames,
  protocolName,
  uiHintNames,
  umpStreamName,
} from '../names/umpStream';
import { decodeUtf8 } from '../utf8';
import { describedField, flagField, hexField, numberField, textField } from './fields';
import { decodedMessage } from './message';

/** Name bytes per packet: endpoint name and product instance id 14, function block name 13. */
export const STREAM_NAME_BYTES_PER_PACKET = 14;
export const FUNCTION_BLOCK_NAME_BYTES_PER_PACKET = 13;

export function decodeUmpStream(w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  const form = (w0 >>> 26) & 0x3;
  const status = (w0 >>> 16) & 0x3ff;
  const name = umpStreamName(status);
  if (name === undefined) {
    return decodedMessage(
      w0,
      status,
      'Reserved UMP Stream Status',
      [hexField('Status', status, 3)],
      hex(status, 3),
      {
        reserved: true,
      },
    );
  }
  const message = (fields: UmpField[], summary: string): DecodedUmp =>
    decodedMessage(w0, status, name, fields, summary);
  switch (status) {
    case 0x000: {
      const filter = w1 & 0xff;
      return message(
        [
          numberField('UMP Version Major', (w0 >>> 8) & 0xff),
          numberField('UMP Version Minor', w0 & 0xff),
          describedField(
            'Filter Bitmap',
            filter,
            `${hex(filter, 2)} (${bitNames(filter, endpointDiscoveryFilterBits)})`,
          ),
          ...endpointDiscoveryFilterBits.map((bit, i) =>
            flagField(`Request ${bit}`, (filter & (1 << i)) !== 0),
          ),
        ],
        `UMP ${(w0 >>> 8) & 0xff}.${w0 & 0xff} ask ${bitNames(filter, endpointDiscoveryFilterBits)}`,
      );
    }
    case 0x001: {
      const blocks = (w1 >>> 24) & 0x7f;
      const midi2 = (w1 & 0x200) !== 0;
      const midi1 = (w1 & 0x100) !== 0;
      const protocols = [midi1 ? 'MIDI 1.0' : '', midi2 ? 'MIDI 2.0' : '']
        .filter((p) => p !== '')
        .join(' + ');
      return message(
        [
          numberField('UMP Version Major', (w0 >>> 8) & 0xff),
          numberField('UMP Version Minor', w0 & 0xff),
          flagField('Static Function Blocks', (w1 & 0x80000000) !== 0),
          numberField('Number of Function Blocks', blocks),
          flagField('MIDI 2.0 Protocol', midi2),
          flagField('MIDI 1.0 Protocol', midi1),
          flagField('Receive JR Timestamps', (w1 & 0x2) !== 0),
          flagField('Transmit JR Timestamps', (w1 & 0x1) !== 0),
        ],
        `UMP ${(w0 >>> 8) & 0xff}.${w0 & 0xff}, ${blocks} function blocks, ${protocols === '' ? 'no protocol' : protocols}`,
      );
    }
    case 0x002: {
      const manufacturer = [(w1 >>> 16) & 0x7f, (w1 >>> 8) & 0x7f, w1 & 0x7f];
      const family = ((w2 >>> 24) & 0x7f) | (((w2 >>> 16) & 0x7f) << 7);
      const model = ((w2 >>> 8) & 0x7f) | ((w2 & 0x7f) << 7);
      const revision = [(w3 >>> 24) & 0x7f, (w3 >>> 16) & 0x7f, (w3 >>> 8) & 0x7f, w3 & 0x7f];
      const manufacturerText = manufacturer.map((b) => hex(b, 2)).join(' ');
      const revisionText = revision.map((b) => hex(b, 2)).join(' ');
      return message(
        [
          textField('Manufacturer', manufacturerText),
          hexField('Device Family', family, 4),
          hexField('Device Family Model Number', model, 4),
          textField('Software Revision Level', revisionText),
        ],
        `manufacturer ${manufacturerText} family ${hex(family, 4)} model ${hex(model, 4)}`,
      );
    }
    case 0x003:
    case 0x004: {
      const text = decodeUtf8(streamNameBytes(w0, w1, w2, w3, false));
      return message(textPacketFields(form, text), textSummary(form, text));
    }
    case 0x005:
    case 0x006: {
      const protocol = (w0 >>> 8) & 0xff;
      const rx = (w0 & 0x2) !== 0;
      const tx = (w0 & 0x1) !== 0;
      return message(
        [
          describedField('Protocol', protocol, `${hex(protocol, 2)} (${protocolName(protocol)})`),
          flagField('Receive JR Timestamps', rx),
          flagField('Transmit JR Timestamps', tx),
        ],
        `${protocolName(protocol)}${rx ? ' rxJR' : ''}${tx ? ' txJR' : ''}`,
      );
    }
    case 0x010: {
      const block = (w0 >>> 8) & 0xff;
      const filter = w0 & 0xff;
      const which = block === 0xff ? 'all blocks' : `block ${block}`;
      return message(
        [
          describedField('Function Block Number', block, block === 0xff ? '255 (all)' : String(block)),
          describedField(
            'Filter',
            filter,
            `${hex(filter, 2)} (${bitNames(filter, functionBlockDiscoveryFilterBits)})`,
          ),
          flagField('Request Function Block Info', (filter & 0x1) !== 0),
          flagField('Request Function Block Name', (filter & 0x2) !== 0),
        ],
        `${which} ask ${bitNames(filter, functionBlockDiscoveryFilterBits)}`,
      );
    }
    case 0x011:
      return decodeFunctionBlockInfo(w0, w1, message);
    case 0x012: {
      const block = (w0 >>> 8) & 0x7f;
      const text = decodeUtf8(streamNameBytes(w0, w1, w2, w3, true));
      return message(
        [numberField('Function Block Number', block), ...textPacketFields(form, text)],
        `block ${block} ${textSummary(form, text)}`,
      );
    }
    default:
      // Start of Clip and End of Clip carry nothing but their status.
      return message([], '');
  }
}

function decodeFunctionBlockInfo(
  w0: number,
  w1: number,
  message: (fields: UmpField[], summary: string) => DecodedUmp,
): DecodedUmp {
  const active = (w0 & 0x8000) !== 0;
  const block = (w0 >>> 8) & 0x7f;
  const uiHint = (w0 >>> 4) & 0x3;
  const midi1 = (w0 >>> 2) & 0x3;
  const direction = w0 & 0x3;
  const firstGroup = w1 >>> 24;
  const groups = (w1 >>> 16) & 0xff;
  const lastGroup = firstGroup + groups - 1;
  const decoded = message(
    [
      flagField('Active', active),
      numberField('Function Block Number', block),
      describedField('UI Hint', uiHint, `${uiHint} (${uiHintNames[uiHint]})`),
      describedField('MIDI 1.0', midi1, `${midi1} (${midi1PortNames[midi1]})`),
      describedField('Direction', direction, `${direction} (${directionNames[direction]})`),
      numberField('First Group', firstGroup),
      numberField('Number of Groups Spanned', groups),
      hexField('MIDI-CI Message Version/Format', (w1 >>> 8) & 0xff, 2),
      numberField('Max Number of SysEx8 Streams', w1 & 0xff),
    ],
    '',
  );
  decoded.numberedSummary = numbered`block ${block} ${active ? 'active' : 'inactive'} ${directionNames[direction].toLowerCase()} groups ${groupOrChannel(firstGroup)}–${groupOrChannel(lastGroup)}`;
  // As in the message (0-based) for those that read it raw; people read it through summaryUnder.
  decoded.summary = showNumbered(decoded.numberedSummary, 'zeroBased');
  return decoded;
}

/**
 * The name bytes of one packet, zero padding dropped: endpoint name and product instance id
 * start at bits 15–8 of the first word; a function block name after the block number, at 7–0.
 */
export function streamNameBytes(
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  functionBlockName: boolean,
): number[] {
  const bytes: number[] = [];
  const push = (byte: number): void => {
    if (byte !== 0) bytes.push(byte);
  };
  if (!functionBlockName) push((w0 >>> 8) & 0xff);
  push(w0 & 0xff);
  for (const word of [w1, w2, w3]) for (let shift = 24; shift >= 0; shift -= 8) push((word >>> shift) & 0xff);
  return bytes;
}

function textPacketFields(form: number, text: string): UmpField[] {
  return [textField('Form', packetFormNames[form]), textField('Name Part', text, JSON.stringify(text))];
}

function textSummary(form: number, text: string): string {
  return `${JSON.stringify(text)}${form === 0 ? '' : ` (${packetFormNames[form].toLowerCase()})`}`;
}

/** "Endpoint Info, Endpoint Name" for the set bits, or "nothing". */
function bitNames(bits: number, names: readonly string[]): string {
  const set = names.filter((_, i) => (bits & (1 << i)) !== 0);
  return set.length === 0 ? 'nothing' : set.join(', ');
}
