// Message type 0xD, Flex Data (128-bit). The first word holds the form (bits 23–22: complete,
// start, continue, end), the address (21–20: 0 channel, 1 group), the channel (19–16), the status
// bank (15–8) and the status (7–0); words 1–3 carry the payload. Text messages (banks 1 and 2)
// carry 12 bytes of UTF-8 per packet, zero-padded; the whole text is in reassembly/.
import type { DecodedUmp, UmpField } from '../decodedUmp';
import { hex } from '../hex';
import { FlexDataAddress, flexDataAddressOf } from '../messageAddress';
import { packetFormNames } from '../messageType';
import { flexDataName, isTextBank, statusBankName } from '../names/flexData';
import { decodeUtf8 } from '../utf8';
import { describeChordName, describeKeySignature } from './flexDataMusic';
import { describedField, formatDecimal, hexField, numberField, textField } from './fields';
import { decodedMessage } from './message';

/** Bytes of text per Flex Data packet (words 1–3). */
export const FLEX_TEXT_BYTES_PER_PACKET = 12;

/** 60 s in units of 10 ns: a tempo of N units per quarter note is this / N beats per minute. */
export const TEN_NS_UNITS_PER_MINUTE = 6_000_000_000;

export function decodeFlexData(w0: number, w1: number, w2: number, w3: number): DecodedUmp {
  const form = (w0 >>> 22) & 0x3;
  const address = flexDataAddressOf(w0);
  const bank = (w0 >>> 8) & 0xff;
  const statusByte = w0 & 0xff;
  const status = (bank << 8) | statusByte;
  const name = flexDataName(bank, statusByte);
  const header: UmpField[] = [
    textField('Form', packetFormNames[form]),
    describedField(
      'Address',
      address,
      address === FlexDataAddress.channel
        ? '0 (Channel)'
        : address === FlexDataAddress.group
          ? '1 (Group)'
          : `${address} (Reserved)`,
    ),
    describedField('Status Bank', bank, `${hex(bank, 2)} (${statusBankName(bank)})`),
    hexField('Status', statusByte, 2),
  ];
  // The channel (only when addressed to one) comes from messageAddress, as for every type.
  const extras = { reserved: name === undefined || address > FlexDataAddress.group };
  if (name === undefined) {
    return decodedMessage(
      w0,
      status,
      'Reserved Flex Data Status',
      header,
      `bank ${hex(bank, 2)} status ${hex(statusByte, 2)}`,
      extras,
    );
  }
  if (isTextBank(bank)) {
    const text = packetText(w1, w2, w3);
    header.push(textField('Text', text, JSON.stringify(text)));
    const part = form === 0 ? '' : ` (${packetFormNames[form].toLowerCase()})`;
    return decodedMessage(w0, status, name, header, `${JSON.stringify(text)}${part}`, extras);
  }
  const { fields, summary } = decodeSetupAndPerformance(statusByte, w1, w2, w3);
  return decodedMessage(w0, status, name, header.concat(fields), summary, extras);
}

/** The text bytes of one packet, zero padding dropped, decoded as UTF-8. */
export function flexTextBytes(w1: number, w2: number, w3: number, into: number[]): void {
  for (const word of [w1, w2, w3]) {
    for (let shift = 24; shift >= 0; shift -= 8) {
      const byte = (word >>> shift) & 0xff;
      if (byte !== 0) into.push(byte);
    }
  }
}

function packetText(w1: number, w2: number, w3: number): string {
  const bytes: number[] = [];
  flexTextBytes(w1, w2, w3, bytes);
  return decodeUtf8(bytes);
}

function decodeSetupAndPerformance(
  status: number,
  w1: number,
  w2: number,
  w3: number,
): { fields: UmpField[]; summary: string } {
  switch (status) {
    case 0x00: {
      const units = w1 >>> 0;
      const bpm = units === 0 ? 0 : TEN_NS_UNITS_PER_MINUTE / units;
      const bpmText = units === 0 ? 'undefined' : formatDecimal(bpm, 3);
      return {
        fields: [
          numberField('Number of 10 ns Units per Quarter Note', units, '10 ns'),
          describedField('Tempo', bpm, units === 0 ? 'undefined (0 units)' : `${bpmText} BPM`, 'BPM'),
        ],
        summary: `${bpmText} BPM`,
      };
    }
    case 0x01: {
      const numerator = w1 >>> 24;
      const denominatorPower = (w1 >>> 16) & 0xff;
      const denominator = 2 ** denominatorPower;
      const thirtySeconds = (w1 >>> 8) & 0xff;
      return {
        fields: [
          numberField('Numerator', numerator),
          describedField('Denominator', denominatorPower, `${denominatorPower} (1/${denominator})`),
          numberField('Number of 1/32 Notes', thirtySeconds),
        ],
        summary: `${numerator}/${denominator}`,
      };
    }
    case 0x02: {
      const clocks = w1 >>> 24;
      return {
        fields: [
          numberField('Number of Clocks per Primary Click', clocks),
          numberField('Bar Accent Part 1', (w1 >>> 16) & 0xff),
          numberField('Bar Accent Part 2', (w1 >>> 8) & 0xff),
          numberField('Bar Accent Part 3', w1 & 0xff),
          numberField('Number of Subdivision Clicks 1', w2 >>> 24),
          numberField('Number of Subdivision Clicks 2', (w2 >>> 16) & 0xff),
        ],
        summary: `${clocks} clocks per click`,
      };
    }
    case 0x05:
      return describeKeySignature(w1);
    default:
      // Set Chord Name, the one remaining named status in this bank.
      return describeChordName(w1, w2, w3);
  }
}
